import ArgumentParser
import FoundationEssentials
import InfluxKit

extension Consistency: ExpressibleByArgument {}

/// `influxkit write`: line protocol (or influxdb-python JSON) from files or standard input.
struct WriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
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
            """)

    /// The input formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case lp, json
    }

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Input files; '-' or none for standard input.", completion: .file())
    var files: [String] = []

    @Option(help: "Input format: lp (line protocol) or json (influxdb-python's point objects).")
    var format: Format = .lp

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
    }

    func run() throws {
        Interruption.install()
        let settled = SettledPosition(then: checkpoint.flatMap { dryRun ? nil : Checkpoint(path: $0).save })
        let rejections = try RejectionSink(path: errorsFile)
        let writer: LineProtocolWriter
        if dryRun {
            writer = LineProtocolWriter(options: options(try connection.configuration(), settled), onRejection: rejections.report,
                                        dryRun: DryRunPrinter(precision: precision).print)
        } else {
            let client = try connection.makeClient()
            writer = LineProtocolWriter(client: client, options: options(client.configuration, settled), onRejection: rejections.report)
        }
        // The first Ctrl-C or SIGTERM aborts the requests in flight and wakes the waiting writer.
        Interruption.onInterrupt(writer.canceller)
        var refusedPoints = 0
        defer { report(writer.summary, refusedPoints: refusedPoints, settled: settled.position) }
        if checkpoint != nil && format == .json {
            throw ValidationError("--checkpoint works with line protocol only")
        }
        refusedPoints = try feed(writer, rejections: rejections)
        if writer.summary.rejected + refusedPoints > 0 { throw ExitCode(3) }
    }

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
    private func feed(_ writer: LineProtocolWriter, rejections: RejectionSink) throws -> Int {
        var meter = WriteProgress(mode: progress)
        defer { meter.finish() }
        var refused = 0, bytes = 0
        let resumed = try checkpoint.map { try Checkpoint<LineProtocolWriter.Position>(path: $0).load() } ?? nil
        do {
            for (name, skipThrough) in try Checkpoint<LineProtocolWriter.Position>.remaining(files.isEmpty ? ["-"] : files, after: resumed) {
                let input = InputFile(name: name)
                writer.beginSource(input.name, skippingThrough: skipThrough)
                switch format {
                case .lp:
                    try input.forEachChunk { chunk in
                        if Interruption.requested { throw CancellationError() }
                        try writer.append(chunk)
                        bytes += chunk.count
                        meter.update(writer.summary, bytes: bytes)
                    }
                case .json:
                    refused += try appendJSON(input, to: writer, rejections: rejections)
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
        var encoder = LineProtocolEncoder(precision: precision)
        var refused = 0
        func take(_ index: Int, _ converted: Result<Point, InfluxError>) throws {
            do {
                try encoder.append(converted.get())
            } catch {
                refused += 1
                rejections.line("\(input.name): point \(index): \(error)")
            }
            if encoder.bytes.count >= 1 << 20 { try send() }
        }
        func send() throws {
            try encoder.bytes.withUnsafeBytes { try writer.append($0) }
            encoder.removeAll()
        }
        try input.forEachChunk { chunk in
            if Interruption.requested { throw CancellationError() }
            try stream.feed(chunk, take)
        }
        try stream.finish(take)
        try send()
        return refused
    }

    /// Prints the summary: what was written, rejected (and why), not sent (and after which
    /// line), retried and skipped, and how many strings ran over lines.
    private func report(_ summary: LineProtocolWriter.Summary, refusedPoints: Int, settled: LineProtocolWriter.Position?) {
        func count(_ n: Int, _ noun: String, _ plural: String? = nil) -> String {
            "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
        }
        let verb = dryRun ? "would write" : "wrote"
        var line = "\(verb) \(count(summary.written, "point")), rejected "
            + count(summary.rejected + refusedPoints, format == .json ? "point" : "line")
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
