import ArgumentParser
import Glibc
import InfluxKit
import InfluxShell

/// `--format` of the list subcommands, and how they print their table.
struct ListOptions: ParsableArguments {
    @Option(help: "Output format (column, table, csv, json, jsonl, vertical).")
    var format: OutputFormat = .column

    /// Prints one table, as `query` prints a series with these columns and rows.
    func print(name: String?, columns: [String], rows: [[JSONValue]]) {
        var renderer = format.makeRenderer(terminal: isatty(STDOUT_FILENO) == 1)
        var out = OutputBuffer()
        let series = Series(name: name, columns: columns, values: rows)
        renderer.render(ResultSet(statementID: 0, series: [series]), into: &out)
        renderer.finish(into: &out)
        out.flush()
    }
}
