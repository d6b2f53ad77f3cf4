import ArgumentParser
import Dispatch
import InfluxKit

/// `influxkit export`: a database, or part of it, out as line protocol.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", _superCommandName: InfluxKitCommand.superCommandName,
        abstract: "Read points out of a database as line protocol that writes them back exactly.",
        discussion: """
            Every measurement of every retention policy of the database (-d) is read with chunked \
            queries, one time slice at a time: a shard group (or --slice) of one measurement. Field \
            types come from SHOW FIELD KEYS, so integers keep their i, strings their quotes and \
            floats every bit; tags come from the series key. _internal is exported only when \
            named. Times are half-open: --start is included, --end is not.

            With -o FILE a failed export leaves only whole slices in the file; with --checkpoint \
            the same command run again goes on after the last slice written. --format import \
            writes the `influx -import` format (# DDL with the database and its retention \
            policies, then # DML), which `influxkit write FILE` loads into an empty server.

            Examples:
              influxkit export -d metrics -o metrics.lp.gz
              influxkit export -d metrics --measurement cpu --start 2024-05-01T00:00:00Z --end 2024-05-08T00:00:00Z
              influxkit export -d metrics --format import -o backup.txt --checkpoint backup.ckpt
              influxkit export -d metrics --where "host = 'web1'" | influxkit write -d copy
            """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case lp, `import`
    }

    /// Output compression.
    enum Compression: String, ExpressibleByArgument, CaseIterable {
        case gzip, none
    }

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var selection: SelectionOptions

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"), completion: .file())
    var output: String?

    @Option(help: "gzip or none; default: gzip when the output file's name ends in .gz.")
    var compress: Compression?

    @Option(help: "lp (line protocol) or import (the `influx -import` file format).")
    var format: Format = .lp

    @Option(help: "Unit of the timestamps written: ns, u, ms, s, m or h (the server truncates).")
    var precision: Precision = .nanoseconds

    @Option(help: ArgumentHelp("""
        Record the slices written in this file (with -o); run the same command again after a \
        failure to go on from there. Delete it to start over.
        """, valueName: "file"), completion: .file())
    var checkpoint: String?

    @Option(help: "Progress on standard error: auto (on a terminal), always or never.")
    var progress: WriteProgress.Mode = .auto

    func validate() throws {
        if checkpoint != nil && output == nil { throw ValidationError("--checkpoint needs -o FILE") }
    }

    func run() throws {
        Interruption.install()
        let client = try connection.makeClient()
        guard let database = client.configuration.database else {
            throw ValidationError("give the database to export with -d/--database")
        }
        let plan = try client.exportPlan(
            for: selection.selection(of: database, retentionPolicy: client.configuration.retentionPolicy))
        for warning in plan.warnings { Diagnostics.error("warning: \(warning)") }
        let saved = try checkpoint.map { try Checkpoint<ExportCheckpoint>(path: $0).load() } ?? nil
        if let saved, saved.database != database || saved.output != output {
            throw ValidationError("the checkpoint is about exporting \(saved.database) to \(saved.output ?? "-"), not this export")
        }
        let sink = try ExportSink(
            output: ExportOutput(path: output, compressed: isCompressed, keeping: saved?.outputBytes ?? 0),
            format: format, plan: plan, progress: ExportProgress(mode: progress, total: plan.slices.count),
            checkpoint: checkpoint.map { Checkpoint<ExportCheckpoint>(path: $0) }, resumed: saved)
        var options = Exporter.Options(parallel: selection.parallel, precision: precision)
        options.buffersSlices = !sink.output.isSeekable
        let exporter = try Exporter(configuration: client.configuration, plan: plan, options: options)
        let resume = checkpoint == nil ? "" : "; run the same command again to go on"
        let summary = try Interruption.cancelling(exporter.cancel, message: "interrupted\(resume)") {
            try sink.run(exporter)
        }
        Diagnostics.line(Self.describe(summary))
    }

    private var isCompressed: Bool {
        compress.map { $0 == .gzip } ?? (output?.hasSuffix(".gz") ?? false)
    }

    static func describe(_ summary: Exporter.Summary) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var line = "exported \(count(summary.points, "point")) from \(summary.series) series in \(count(summary.slices, "slice"))"
        if summary.skippedSlices > 0 { line += ", skipped \(count(summary.skippedSlices, "slice")) written before" }
        if summary.retriedSlices > 0 { line += ", read \(count(summary.retriedSlices, "slice")) again" }
        return line
    }
}
