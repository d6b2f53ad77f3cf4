import ArgumentParser
import FoundationEssentials
import InfluxKit

extension Consistency: ExpressibleByArgument {}

/// `influxkit write`: line protocol (or influxdb-python JSON, or CSV) from files or standard input.
struct WriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write", _superCommandName: InfluxKitCommand.superCommandName,
        abstract: "Write points from files or standard input.",
        discussion: """
            Every line is checked before it is sent; bad lines are reported as FILE:LINE: reason \
            and the good ones are still written. Exit status 3 means some lines were rejected. \
            Gzip input (.gz, or gzip data on standard input) is decompressed on the fly. Files in \
            the `influx -import` format (# DDL / # DML sections, # CONTEXT-DATABASE: and \
            # CONTEXT-RETENTION-POLICY: lines) are imported as they are.

            Examples:
              producer | influxkit write -d metrics --precision s
              influxkit write -d metrics --errors-file rejected.txt day1.lp day2.lp.gz
              influxkit write export.txt                    # influx_inspect export output
              influxkit write -d metrics --dry-run points.lp
              influxkit write -d metrics --measurement weather --tag-columns city readings.csv
            """)

    /// The input formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case lp, json, csv
    }

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Input files; '-' or none for standard input.", completion: .file())
    var files: [String] = []

    @Option(help: """
        Input format: lp (line protocol), json (influxdb-python's point objects) or csv; \
        csv when every file ends in .csv or .csv.gz, else lp.
        """)
    var format: Format?

    @OptionGroup(title: "CSV input")
    var csv: CSVOptions

    @Option(help: "Unit of the timestamps: ns, u, ms, s, m or h.")
    var precision: Precision = .nanoseconds

    @Option(help: "Write consistency (clusters): any, one, quorum or all.")
    var consistency: Consistency?

    @Option(help: "Points per request, at most (requests also stay under 4 MiB).")
    var batchSize = LineProtocolWriter.Options().batchSize

    @Option(help: ArgumentHelp("Requests in flight at most, each on a connection of its own.", valueName: "n"))
    var connections = LineProtocolWriter.Options().connections

    @Flag(help: "Check the input and print on standard output what would be sent; send nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Write rejected lines (FILE:LINE: reason) to this file instead of standard error.", valueName: "path"), completion: .file())
    var errorsFile: String?

    @Option(help: "Progress on standard error: auto (on a terminal), always or never.")
    var progress: WriteProgress.Mode = .auto

    @Option(help: ArgumentHelp("Write at most this many points per second.", valueName: "points-per-second"))
    var rateLimit: Double?

    @Flag(help: """
        Let the server stamp points that have no timestamp. Unsafe: a batch retried after a lost \
        answer is stamped anew and stored twice. By default they get the time they are read, \
        in --precision.
        """)
    var serverTimestamps = false

    @Option(help: ArgumentHelp("""
        Record in this file the last input line the server has settled; run the same command \
        again after a crash or an error to go on from there without gaps or duplicates. Delete \
        it to start over.
        """, valueName: "file"), completion: .file())
    var checkpoint: String?

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        guard (1...16).contains(connections) else { throw ValidationError("--connections must be between 1 and 16") }
        if let rateLimit, !(rateLimit > 0 && rateLimit.isFinite) {
            throw ValidationError("--rate-limit must be a positive number")
        }
        for file in files where file != "-" && !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("cannot read \(file)")
        }
        if inputFormat != .csv, let option = csv.givenOption {
            throw ValidationError("\(option) works with --format csv only")
        }
    }

    func run() throws {
        Interruption.install()
        let settled = SettledPosition(then: checkpoint.flatMap { dryRun ? nil : Checkpoint(path: $0).save })
        let rejections = try RejectionSink(path: errorsFile)
        let writer: LineProtocolWriter
        // Asked once: with --password-stdin, making the configuration reads standard input.
        let configuration: ClientConfiguration
        if dryRun {
            configuration = try connection.configuration()
            writer = LineProtocolWriter(options: options(configuration, settled), onRejection: rejections.report,
                                        dryRun: DryRunPrinter(precision: precision).print)
        } else {
            let client = try connection.makeClient()
            configuration = client.configuration
            writer = LineProtocolWriter(client: client, options: options(configuration, settled), onRejection: rejections.report)
        }
        // The first Ctrl-C or SIGTERM aborts the requests in flight and wakes the waiting writer.
        Interruption.onInterrupt(writer.canceller)
        if checkpoint != nil && inputFormat != .lp {
            throw ValidationError("--checkpoint works with line protocol only")
        }
        let hasDatabase = dryRun || configuration.database != nil
        if !hasDatabase && inputFormat != .lp { throw InfluxError.invalidArgument("no database given for the write: give -d NAME") }
        var refusedPoints = 0
        defer { report(writer.summary, refusedPoints: refusedPoints, settled: settled.position) }
        do {
            refusedPoints = try feed(writer, rejections: rejections, needsDatabase: !hasDatabase)
        } catch let error as InfluxError {
            // The error first, then the summary of what was and was not written.
            Diagnostics.error(error.messageWithHint)
            throw ExitCode(error.exitCode)
        }
        if writer.summary.rejected + refusedPoints > 0 { throw ExitCode(3) }
    }

    static let noDatabase = "no database given for the write: give -d NAME, or begin the input with a # CONTEXT-DATABASE: NAME line"

    private func options(_ configuration: ClientConfiguration, _ settled: SettledPosition) -> LineProtocolWriter.Options {
        var options = LineProtocolWriter.Options()
        options.database = configuration.database
        options.retentionPolicy = configuration.retentionPolicy
        options.precision = precision
        options.consistency = consistency
        options.batchSize = batchSize
        options.connections = connections
        options.pointsPerSecond = rateLimit
        options.serverTimestamps = serverTimestamps
        options.onSettled = settled.settle
        return options
    }

    /// Reads every input into the writer and waits for the last batch; returns how many JSON
    /// points were refused.
    private func feed(_ writer: LineProtocolWriter, rejections: RejectionSink, needsDatabase: Bool) throws -> Int {
        var meter = WriteProgress(mode: progress)
        defer { meter.finish() }
        var refused = 0, bytes = 0
        let resumed = try checkpoint.map { try Checkpoint<LineProtocolWriter.Position>(path: $0).load() } ?? nil
        do {
            for (name, skipThrough) in try Checkpoint<LineProtocolWriter.Position>.remaining(files.isEmpty ? ["-"] : files, after: resumed) {
                let input = InputFile(name: name)
                writer.beginSource(input.name, skippingThrough: skipThrough)
                switch inputFormat {
                case .lp:
                    var databaseUnknown = needsDatabase
                    try input.forEachChunk { chunk in
                        if Interruption.requested { throw CancellationError() }
                        if databaseUnknown, let named = ImportHeader.namesDatabase(chunk) {
                            // Before anything is sent: the input has points but names no database.
                            guard named else { throw InfluxError.invalidArgument(Self.noDatabase) }
                            databaseUnknown = false
                        }
                        try writer.append(chunk)
                        bytes += chunk.count
                        meter.update(writer.summary, bytes: bytes)
                    }
                case .json:
                    refused += try appendJSON(input, to: writer, rejections: rejections)
                case .csv:
                    refused += try appendCSV(input, to: writer, rejections: rejections, meter: &meter, bytes: &bytes)
                }
                if Interruption.requested { throw CancellationError() }
                try writer.endSource()
            }
            try writer.finish()
        } catch where Interruption.requested {
            // Ctrl-C or SIGTERM: requests in flight were aborted and nothing more is sent; what
            // the server answered is settled and counted, the rest is not sent.
            _ = try? writer.stop()
            Diagnostics.error("interrupted; requests in flight were abandoned, lines not settled were not written")
            if let checkpoint {
                Diagnostics.error("to go on, run the same command again with the same input: \(checkpoint) skips what was settled")
            }
            throw ExitCode(Interruption.exitCode)
        }
        return refused
    }

    /// Converts a JSON input to line protocol point by point as it is read, reporting each
    /// point that cannot be written; returns how many were refused.
    private func appendJSON(_ input: InputFile, to writer: LineProtocolWriter, rejections: RejectionSink) throws -> Int {
        // A file can be read twice: first to learn whether its points can go as they are read.
        let holding = input.name == "-" || PointsJSONStream.membersFollowPoints(in: { try input.forEachChunk($0) })
        var stream = PointsJSONStream(precision: precision, holdingPoints: holding)
        var points = PointFeed(writer: writer, precision: precision, rejections: rejections)
        func take(_ index: Int, _ converted: Result<Point, InfluxError>) throws {
            try points.take(converted) { "\(input.name): point \(index): \($0)" }
        }
        try input.forEachChunk { chunk in
            if Interruption.requested { throw CancellationError() }
            try stream.feed(chunk, take)
        }
        try stream.finish(take)
        try points.send()
        return points.refused
    }

    /// Converts a CSV input to line protocol row by row as it is read, reporting each row that
    /// cannot be written as FILE:LINE: reason; returns how many were refused. A header that
    /// cannot be used stops the command (exit 64).
    private func appendCSV(
        _ input: InputFile, to writer: LineProtocolWriter, rejections: RejectionSink,
        meter: inout WriteProgress, bytes: inout Int
    ) throws -> Int {
        var stream = CSVPointStream(options: try csv.pointOptions(precision: precision))
        var points = PointFeed(writer: writer, precision: precision, rejections: rejections)
        func take(_ line: Int, _ converted: Result<Point, InfluxError>) throws {
            try points.take(converted) { "\(input.name):\(line): \(PointFeed.reason($0))" }
        }
        do {
            try input.forEachChunk { chunk in
                if Interruption.requested { throw CancellationError() }
                try stream.feed(chunk, take)
                bytes += chunk.count
                meter.update(writer.summary, bytes: bytes)
            }
            try stream.finish(take)
        } catch let error as InfluxError where error.code == .invalidLine {
            meter.finish()
            Diagnostics.error("\(input.name):\(error.lineNumber ?? 0): \(error.message)")
            throw ExitCode(64)
        }
        try points.send()
        return points.refused
    }

    /// The format of the inputs: `--format`, else csv when every file is named `.csv` or `.csv.gz`.
    private var inputFormat: Format {
        if let format { return format }
        let csvNamed = !files.isEmpty && files.allSatisfy { $0.hasSuffix(".csv") || $0.hasSuffix(".csv.gz") }
        return csvNamed ? .csv : .lp
    }

    /// Prints the summary: what was written, rejected (and why), not sent (and after which
    /// line), retried and skipped, and how many strings ran over lines.
    private func report(_ summary: LineProtocolWriter.Summary, refusedPoints: Int, settled: LineProtocolWriter.Position?) {
        func count(_ n: Int, _ noun: String, _ plural: String? = nil) -> String {
            "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
        }
        let verb = dryRun ? "would write" : "wrote"
        var line = "\(verb) \(count(summary.written, "point")), rejected "
            + count(summary.rejected + refusedPoints, ["json": "point", "csv": "row"][inputFormat.rawValue] ?? "line")
        let causes = [
            (summary.rejectedByValidator + refusedPoints, "invalid"),
            (summary.rejectedByFieldType, "with a field type conflict"),
            (summary.rejectedByServer, "by the server"),
        ].filter { $0.0 > 0 }
        if !causes.isEmpty { line += " (" + causes.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")" }
        if summary.notSent > 0 {
            let after = settled.map { "after \($0.source):\($0.line), the last settled" } ?? "none settled"
            line += ", not sent \(count(summary.notSent, "line")) (\(after))"
        }
        line += ", retried \(count(summary.retriedBatches, "batch", "batches"))"
        if summary.skipped > 0 { line += ", skipped \(count(summary.skipped, "line")) settled before" }
        if summary.stringsSpanningLines > 0 {
            let values = summary.stringsSpanningLines == 1 ? "string value spans" : "string values span"
            line += "; warning: \(summary.stringsSpanningLines) \(values) lines (a missing closing quote joins the lines after it)"
        }
        Diagnostics.line(line)
    }
}
