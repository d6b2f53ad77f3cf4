import ArgumentParser
import Dispatch
import FoundationEssentials
import Glibc
import InfluxKit
import InfluxShell
import Synchronization

extension OutputFormat: ExpressibleByArgument {
    // Spelled out: ArgumentParser's generic default costs ~0.2 ms at every start.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ChartTimeZone: ExpressibleByArgument {}

extension Precision: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `influxkit query`: run InfluxQL and print the results.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query", _superCommandName: InfluxKitCommand.superCommandName,
        abstract: "Run InfluxQL statements and print their results.",
        discussion: """
            Statements come from the arguments, from --file, or from standard input when neither is given. \
            A failed statement is reported on standard error with its number (from 1) and makes the exit status 1.

            --param values that read as true/false, whole numbers or decimal numbers are sent as those JSON \
            types; anything else (or a value in double quotes) is sent as a string.

            Examples:
              influxkit query -d metrics 'SELECT mean(usage) FROM cpu WHERE time > now() - 1h GROUP BY host'
              influxkit query -d metrics --format csv --epoch s -f report.iql > report.csv
              influxkit query -d metrics --param host=web1 'SELECT * FROM cpu WHERE host = $host'
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "InfluxQL statements.")
    var statements: [String] = []

    @Option(name: [.customShort("f"), .long], help: "Read statements from this file.", completion: .file())
    var file: String?

    @Option(help: "Output format (default: the profile's, else column); lp writes the rows of a SELECT as line protocol, typed as SHOW FIELD KEYS says.")
    var format: QueryFormat?

    @Option(help: "Print times as integers in this unit (ns, u, ms, s, m, h) instead of RFC3339 (default: the profile's precision).")
    var epoch: Precision?

    @Option(help: ArgumentHelp("Width of a chart: characters for --format chart (default: the terminal's, or 80), pixels for svg (800).", valueName: "n"))
    var width: Int?

    @Option(help: ArgumentHelp("Height of a chart: lines for --format chart, axes and legend included (default: the terminal's, or 22), pixels for svg (300).", valueName: "n"))
    var height: Int?

    @Option(help: ArgumentHelp("Time zone of a chart's time labels: UTC (default), local, or an offset such as +02:00.", valueName: "zone"))
    var tz: ChartTimeZone?

    @Flag(inversion: .prefixedNo, help: "Stream the answer in chunks, printing rows as they arrive.")
    var chunked = true

    @Option(help: "Rows per chunk when streaming (server default 10000).")
    var chunkSize: Int?

    @Option(name: .customLong("param"), help: ArgumentHelp("A bind parameter, referenced as $name.", valueName: "name=value"))
    var parameters: [String] = []

    @Flag(help: "Print rows, bytes received and elapsed time on standard error.")
    var timing = false

    @Flag(help: "Indent --format json output.")
    var pretty = false

    func validate() throws {
        if let width, width < 1 { throw ValidationError("--width must be positive") }
        if let height, height < 1 { throw ValidationError("--height must be positive") }
        if file != nil && !statements.isEmpty {
            throw ValidationError("give statements as arguments or with --file, not both")
        }
        if let chunkSize, chunkSize < 1 { throw ValidationError("--chunk-size must be positive") }
        for parameter in parameters { _ = try boundParameter(parameter) }
    }

    mutating func run() throws {
        HeapTuning.keepFreedMemory()
        let received = ByteCount()
        // The client first: --password-stdin takes the first line of standard input.
        let resolved = try connection.resolved()
        format = format ?? resolved.format
        epoch = epoch ?? resolved.precision
        let client = try connection.makeClient(configuration: resolved.configuration, counting: timing ? received : nil)
        let text = try statementText()
        guard InfluxQL.containsStatement(text) else { throw ValidationError("no statement given") }
        let params = Dictionary(try parameters.map(boundParameter), uniquingKeysWith: { $1 })
        let start = DispatchTime.now().uptimeNanoseconds
        let (rows, failed) = try printResults(of: text, params: params, from: client)
        if timing {
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            Diagnostics.error("\(rows) rows, \(received.total) bytes, \(DecimalText.tenths(milliseconds)) ms")
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// Runs the statements and prints each result (each chunk) as it arrives, and each failed
    /// statement's error on standard error; returns how many rows came and statements failed.
    private func printResults(
        of text: String, params: [String: JSONValue], from client: InfluxClient
    ) throws -> (rows: Int, failed: Int) {
        guard let output = (format ?? QueryFormat(.column)).output else { return try printLineProtocol(of: text, params: params, from: client) }
        // Errors are explained while the answer streams, when `client` is busy: by another client.
        let explainer = try InfluxClient(configuration: client.configuration)
        // Charts read times as integers, which are cheaper to read than RFC 3339 text.
        let epoch = self.epoch ?? (output == .chart || output == .svg ? .nanoseconds : nil)
        var chart = ChartOptions()
        chart.size = chartSize(output)
        chart.timeUnit = epoch?.nanosecondsPerUnit ?? 1
        chart.timeZone = tz ?? .utc
        chart.colours256 = ChartRenderer.terminalHas256Colours
        var renderer = output.makeRenderer(terminal: isatty(STDOUT_FILENO) == 1, pretty: pretty, chart: chart)
        var out = OutputBuffer()
        var rows = 0, failed = 0
        func show(_ result: ResultSet, rowCount: Int, render: (inout OutputBuffer) -> Void) {
            if let error = result.error {
                out.flush()
                Diagnostics.error("statement \(result.statementID + 1): \(explainer.explainedStatementError(error))")
                failed += 1
            }
            rows += rowCount
            render(&out)
            out.flush()
        }
        /// Output that cannot be written ends the transfer: the rows would be lost.
        func stopIfOutputFailed() throws {
            if out.failed { throw ExitCode(1) }
        }
        // The rows a renderer still holds (to fix column widths) are printed even when the
        // answer breaks off: they arrived whole.
        var completed = false
        defer {
            if completed { renderer.finish(into: &out) } else { renderer.breakOff(into: &out) }
            out.flush()
        }
        if renderer.rendersRawRows {
            // Rows go from the response's JSON text to the output without being decoded.
            try client.streamRawResults(
                of: text, epoch: epoch, params: params, chunked: chunked, chunkSize: chunkSize
            ) { result in
                show(result.result, rowCount: result.rowCount) { renderer.render(result, into: &$0) }
                try stopIfOutputFailed()
            }
        } else {
            try client.query(text, epoch: epoch, params: params, chunked: chunked, chunkSize: chunkSize) { result in
                let rowCount = result.series.reduce(0) { $0 + $1.values.count }
                show(result, rowCount: rowCount) { renderer.render(result, into: &$0) }
                try stopIfOutputFailed()
            }
        }
        completed = true
        return (rows, failed)
    }

    /// Runs the statements and prints their rows as line protocol (see ``LineProtocolPrinter``),
    /// times in `--epoch` or nanoseconds.
    private func printLineProtocol(
        of text: String, params: [String: JSONValue], from client: InfluxClient
    ) throws -> (rows: Int, failed: Int) {
        let printer = LineProtocolPrinter(schema: try InfluxClient(configuration: client.configuration))
        let explainer = try InfluxClient(configuration: client.configuration)  // as in printResults
        var out = OutputBuffer()
        var rows = 0
        var failedStatements: Set<Int> = []
        try client.streamRawResults(
            of: text, epoch: epoch ?? .nanoseconds, params: params, chunked: chunked, chunkSize: chunkSize
        ) { result in
            let statement = result.result.statementID
            let problem = result.result.error ?? printer.print(result, into: &out)
            out.flush()
            rows += result.rowCount
            if let problem, failedStatements.insert(statement).inserted {
                Diagnostics.error("statement \(statement + 1): \(explainer.explainedStatementError(problem))")
            }
        }
        return (rows, failedStatements.count)
    }

    /// The size of a chart: the options, else the terminal's for `chart`.
    private func chartSize(_ output: OutputFormat) -> (columns: Int, rows: Int)? {
        // On a terminal a chart fills it, but for a line left for the prompt.
        let screen = output == .chart ? TerminalSize.of(STDOUT_FILENO) : nil
        guard let columns = width ?? screen?.columns, let rows = height ?? screen.map({ $0.rows - 1 }) else {
            return width == nil && height == nil ? nil : (width ?? (output == .svg ? 800 : 80), height ?? (output == .svg ? 300 : 22))
        }
        return (columns, rows)
    }

    private func boundParameter(_ text: String) throws -> (String, JSONValue) {
        do {
            let parameter = try BindParameter(parsing: text)
            return (parameter.name, parameter.value)
        } catch {
            throw ValidationError("--param \(text): give name=value")
        }
    }

    private func statementText() throws -> String {
        if let file {
            return try String(contentsOfFile: file, encoding: .utf8)
        }
        // On a line of its own, a `;` cannot end up in an argument's trailing `--` comment.
        if let first = statements.first { return statements.dropFirst().reduce(into: first) { $0 += "\n;\n" + $1 } }
        return String(decoding: try InputFile(name: "-").readAll(), as: UTF8.self)
    }
}

/// Response bytes summed over requests, from any thread.
final class ByteCount: Sendable {
    private let bytes = Mutex(0)

    /// The bytes so far.
    var total: Int { bytes.withLock { $0 } }

    /// Adds `count` bytes.
    func add(_ count: Int) {
        bytes.withLock { $0 += count }
    }
}
