import ArgumentParser
import Foundation
import InfluxKit
import InfluxShell

extension OutputFormat: ExpressibleByArgument {}

extension Precision: ExpressibleByArgument {}

/// `influxkit query`: run InfluxQL and print the results.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run InfluxQL statements and print their results.",
        discussion: "Statements come from the arguments, from --file, or from standard input when neither is given.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "InfluxQL statements.")
    var statements: [String] = []

    @Option(name: [.customShort("f"), .long], help: "Read statements from this file.")
    var file: String?

    @Option(help: "Output format: csv or json.")
    var format: OutputFormat = .csv

    @Option(help: "Print times as integers in this unit (ns, u, ms, s, m, h) instead of RFC3339.")
    var epoch: Precision?

    @Flag(inversion: .prefixedNo, help: "Stream the answer in chunks, printing rows as they arrive.")
    var chunked = true

    @Option(help: "Rows per chunk when streaming (server default 10000).")
    var chunkSize: Int?

    func validate() throws {
        if file != nil && !statements.isEmpty {
            throw ValidationError("give statements as arguments or with --file, not both")
        }
        if let chunkSize, chunkSize < 1 { throw ValidationError("--chunk-size must be positive") }
    }

    func run() throws {
        let text = try statementText()
        guard text.contains(where: { !$0.isWhitespace }) else { throw ValidationError("no statement given") }
        let client = try connection.makeClient()
        var renderer = format.makeRenderer(streaming: chunked)
        var out = OutputBuffer()
        var failed = 0
        try client.query(text, epoch: epoch, chunked: chunked, chunkSize: chunkSize) { result in
            if let error = result.error {
                out.flush()
                Diagnostics.error("statement \(result.statementID + 1): \(error)")
                failed += 1
            }
            renderer.render(result, into: &out)
        }
        renderer.finish(into: &out)
        out.flush()
        if failed > 0 { throw ExitCode(1) }
    }

    private func statementText() throws -> String {
        if let file {
            return try String(contentsOfFile: file, encoding: .utf8)
        }
        if !statements.isEmpty { return statements.joined(separator: ";\n") }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
