import ArgumentParser
import Foundation
import InfluxKit

/// `influxkit write`: line protocol (or influxdb-python JSON) from files or standard input.
struct WriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Write points from files or standard input.",
        discussion: """
            Every line is checked before it is sent; bad lines are reported as FILE:LINE: reason \
            and the good ones are still written. Exit status 3 means some lines were rejected.
            """)

    /// The input formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case lp, json
    }

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Input files; '-' or none for standard input.")
    var files: [String] = []

    @Option(help: "Input format: lp (line protocol) or json (influxdb-python's point objects).")
    var format: Format = .lp

    @Option(help: "Unit of the timestamps: ns, u, ms, s, m or h.")
    var precision: Precision = .nanoseconds

    @Option(help: "Points per request.")
    var batchSize = 5000

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        for file in files where file != "-" && !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("cannot read \(file)")
        }
    }

    func run() throws {
        let client = try connection.makeClient()
        var options = LineProtocolWriter.Options()
        options.database = client.configuration.database
        options.retentionPolicy = client.configuration.retentionPolicy
        options.precision = precision
        options.batchSize = batchSize
        guard options.database != nil else { throw ValidationError("give a database with -d/--database") }
        let writer = LineProtocolWriter(client: client, options: options) { rejection in
            Diagnostics.line("\(rejection.source):\(rejection.line): \(rejection.reason)")
        }
        var refusedPoints = 0
        do {
            for input in (files.isEmpty ? ["-"] : files).map(InputFile.init(name:)) {
                writer.beginSource(input.name)
                switch format {
                case .lp: try input.forEachChunk { try writer.append($0) }
                case .json: refusedPoints += try appendJSON(input, to: writer)
                }
                try writer.endSource()
            }
            try writer.finish()
        } catch {
            report(writer.summary, refusedPoints: refusedPoints)
            throw error
        }
        report(writer.summary, refusedPoints: refusedPoints)
        if writer.summary.rejected + refusedPoints > 0 { throw ExitCode(3) }
    }

    /// Converts a JSON input to line protocol, reporting each point that cannot be written;
    /// returns how many were refused.
    private func appendJSON(_ input: InputFile, to writer: LineProtocolWriter) throws -> Int {
        let json = try JSONReader(allowNonFiniteNumbers: true).parse(input.readAll())
        var encoder = LineProtocolEncoder(precision: precision)
        var refused = 0
        for (index, converted) in try PointsJSON.points(from: json, precision: precision).enumerated() {
            do {
                try encoder.append(converted.get())
            } catch {
                refused += 1
                Diagnostics.line("\(input.name): point \(index): \(error)")
            }
        }
        try encoder.bytes.withUnsafeBytes { try writer.append($0) }
        return refused
    }

    private func report(_ summary: LineProtocolWriter.Summary, refusedPoints: Int) {
        let unit = format == .json ? "points" : "lines"
        let rejected = summary.rejected + refusedPoints
        Diagnostics.line("wrote \(summary.written) points, rejected \(rejected) \(unit)")
    }
}
