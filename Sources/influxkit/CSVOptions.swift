import ArgumentParser
import InfluxKit

extension CSVTimeFormat: ExpressibleByArgument {}

/// The options of `influxkit write --format csv` for plain CSV (annotated CSV says it all
/// itself).
struct CSVOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The measurement of every row (when no column holds it).", valueName: "name"))
    var measurement: String?

    @Option(help: ArgumentHelp("The column that holds each row's measurement.", valueName: "column"))
    var measurementColumn: String?

    @Option(help: ArgumentHelp("Columns that are tags, separated by commas; the others are fields.", valueName: "columns"))
    var tagColumns: String?

    @Option(help: ArgumentHelp("The column that holds the time (default: a column named time or _time).", valueName: "column"))
    var timeColumn: String?

    @Option(help: """
        How times are written: auto (an integer in --precision units, else RFC3339), rfc3339, \\
        epoch-s, epoch-ms, epoch-us or epoch-ns.
        """)
    var timeFormat: CSVTimeFormat?

    @Option(help: ArgumentHelp("""
        Field types, such as n=integer,ok=boolean (float, integer, unsigned, boolean, string); \\
        other fields' types are inferred from their first 1000 rows.
        """, valueName: "column=type,..."))
    var fieldTypes: String?

    func validate() throws {
        _ = try parsedFieldTypes()
        if measurement != nil && measurementColumn != nil {
            throw ValidationError("give --measurement or --measurement-column, not both")
        }
    }

    /// The first CSV option given, for the message that they need `--format csv`.
    var givenOption: String? {
        [(measurement, "--measurement"), (measurementColumn, "--measurement-column"), (tagColumns, "--tag-columns"),
         (timeColumn, "--time-column"), (timeFormat?.rawValue, "--time-format"), (fieldTypes, "--field-types")]
            .first { $0.0 != nil }?.1
    }

    /// The library's options.
    func pointOptions(precision: Precision) throws -> CSVPointOptions {
        var options = CSVPointOptions()
        options.measurement = measurement
        options.measurementColumn = measurementColumn
        options.tagColumns = tagColumns.map { $0.split(separator: ",").map(String.init) } ?? []
        options.timeColumn = timeColumn
        options.timeFormat = timeFormat ?? .auto
        options.fieldTypes = try parsedFieldTypes()
        options.precision = precision
        return options
    }

    private func parsedFieldTypes() throws -> [String: CSVFieldType] {
        var types: [String: CSVFieldType] = [:]
        for pair in (fieldTypes ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let type = CSVFieldType(rawValue: String(parts[1])) else {
                throw ValidationError("--field-types: \"\(pair)\" is not COLUMN=TYPE with a type of "
                    + CSVFieldType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            types[String(parts[0])] = type
        }
        return types
    }
}
