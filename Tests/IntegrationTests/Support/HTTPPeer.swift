import Foundation
import Glibc
import InfluxKit

/// A scripted HTTP(S) peer on 127.0.0.1: `http-peer.py` run by `python3`, for what a real influxd
/// cannot show (headers as sent, gzip bodies, proxies, TLS set-ups, slow or broken answers).
///
/// The peer writes one JSON record per request it sees to a journal before it answers; read them
/// with `requests()` and `events()`. Each peer gets a fresh temporary directory and is stopped by
/// PID in `stop()` (or when released); the peer also exits by itself when the test process is
/// gone.
final class HTTPPeer {
    /// How the peer answers; see `http-peer.py` for the details.
    enum Mode: String {
        /// Like InfluxDB 1.x: version header, 204 on `/ping` and `/write`, the canned `/query` answer.
        case influxdb
        /// Like `influxdb`, but `/query` is chunked and waits for `releaseFile` after the first piece.
        case stream
        /// Like `influxdb`, but `/query` gets one object whose rows never end, until the client hangs up.
        case endless
        /// A proxy's HTML error page without a version header.
        case html
        /// Reads the request and never answers.
        case silent
        /// Answers 200, then sends one byte of the body every 4 seconds.
        case trickle
        /// Never accepts: connecting times out.
        case backlog
        /// A forwarding HTTP proxy.
        case proxy
        /// InfluxDB 2.x as documented: `{"code","message"}` errors, 422 partial writes, DBRP "database not found".
        case influxdb2
        /// InfluxDB 3.x Core as documented: token on `/ping`, 400 partial writes listing lines.
        case influxdb3
        /// InfluxDB 3 Cloud: `GET /ping` only, version in a JSON body, no version headers.
        case influxdb3Cloud = "influxdb3-cloud"
        /// A store without version headers (204 everywhere), as VictoriaMetrics answers `/ping`.
        case bare
    }

    /// HTTPS set-up of a peer.
    struct TLS {
        /// The PEM certificate the peer presents.
        var certificate: URL
        /// Its PEM private key.
        var key: URL
        /// When set, the peer requires a client certificate signed by this CA.
        var clientCA: URL?
    }

    /// A scripted answer: the peer answers its next request with it, whatever the path.
    struct Answer: Encodable {
        /// The status code.
        var status: Int
        /// The `Retry-After` header, if any.
        var retryAfter: String? = nil
        /// The `error` text of the JSON body.
        var error: String = "scripted"
        /// Pass the request on to the upstream server first and drop its answer (a lost answer).
        var forward: Bool = false
        /// Pass the request on and relay the answer, as if nothing were scripted (`status` unused).
        var pass: Bool = false
        /// Answer only a request to this path (such as `/write`); any request when `nil`.
        var path: String? = nil
        /// The body as it is, instead of `{"error": error}`.
        var body: String? = nil
        /// A `Location` header (a redirect).
        var location: String? = nil
        /// Never answer (`status` unused): a stalled request.
        var hang: Bool = false

        /// Passes one request on to the upstream server unchanged.
        static let passOn = Answer(status: 0, pass: true)
    }

    /// The port the peer listens on.
    let port: Int
    /// The peer's temporary directory (journal, logs, release file).
    let directory: URL
    /// Whether the peer speaks HTTPS.
    let usesTLS: Bool
    private let process: Process

    /// The file the `stream` mode waits for before it sends the rest of the answer.
    var releaseFile: URL { directory.appendingPathComponent("release") }

    /// The journal of requests and events.
    var journal: URL { directory.appendingPathComponent("journal.jsonl") }

    /// Starts a peer and returns once it accepts connections.
    ///
    /// - Parameters:
    ///   - queryBody: the `/query` answer, in pieces (`stream` sends one HTTP chunk per piece).
    ///   - status: the status of the `html` mode's page.
    ///   - answers: scripted answers to the first requests, in order.
    ///   - maxBody: answer 413 to a `/write` whose body is longer (once the answers are used up).
    ///   - upstream: pass every request on to this `http://host:port` (once the answers are used up).
    ///   - releaseTimeout: seconds the `stream` mode waits for the release file before it hangs up.
    ///   - token: the token the `influxdb2`/`influxdb3` modes accept (none: no auth).
    ///   - databases: the databases (DBRP mappings) the `influxdb2` mode knows.
    init(
        _ mode: Mode, queryBody: [String] = [], status: Int = 502, tls: TLS? = nil,
        answers: [Answer] = [], maxBody: Int? = nil, upstream: String? = nil, releaseTimeout: Double? = nil,
        token: String? = nil, databases: [String] = []
    ) throws {
        guard let python = Self.locate("python3") else { throw HTTPPeerError.pythonNotFound }
        directory = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("\(InfluxServer.leftoverPrefix)\(getpid())-peer-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        usesTLS = tls != nil

        var arguments = [
            Self.script.path, "--mode", mode.rawValue, "--log", directory.appendingPathComponent("journal.jsonl").path,
            "--status", String(status), "--release-file", directory.appendingPathComponent("release").path,
        ]
        for piece in queryBody {
            arguments += ["--query-body", piece]
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        for answer in answers {
            arguments += ["--answer", String(decoding: try encoder.encode(answer), as: UTF8.self)]
        }
        if let maxBody { arguments += ["--max-body", String(maxBody)] }
        if let upstream { arguments += ["--upstream", upstream] }
        if let releaseTimeout { arguments += ["--release-timeout", String(releaseTimeout)] }
        if let token { arguments += ["--token", token] }
        for database in databases { arguments += ["--database", database] }
        if let tls {
            arguments += ["--tls-cert", tls.certificate.path, "--tls-key", tls.key.path]
            if let clientCA = tls.clientCA { arguments += ["--client-ca", clientCA.path] }
        }
        let errorLog = directory.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        let output = Pipe()
        process = Process()
        process.executableURL = python
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()

        // The peer prints its port once it listens; end of file means it died first.
        var firstLine = Data()
        while !firstLine.contains(UInt8(ascii: "\n")) {
            let piece = output.fileHandleForReading.availableData
            if piece.isEmpty { break }
            firstLine += piece
        }
        let text = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(text) else {
            process.waitUntilExit()
            let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: directory)
            throw HTTPPeerError.didNotStart(log: log)
        }
        self.port = port
    }

    deinit {
        stop()
    }

    /// `http(s)://127.0.0.1:PORT`.
    var url: String { "\(usesTLS ? "https" : "http")://127.0.0.1:\(port)" }

    /// A client configuration pointing at this peer, with `database` as the default database.
    func configuration(database: String? = "db") -> ClientConfiguration {
        ClientConfiguration(host: "127.0.0.1", port: port, usesSSL: usesTLS, database: database)
    }

    /// Stops the peer (SIGKILL, reaped here) and removes its directory; repeated calls do nothing.
    ///
    /// SIGKILL because the peer has nothing to clean up, and because a child started from a Swift
    /// worker thread inherits that thread's mask, which blocks SIGTERM.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// `http-peer.py`, next to this file.
    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("http-peer.py")

    private static func locate(_ name: String) -> URL? {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return searchPath.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// Why a peer could not be started.
enum HTTPPeerError: Error, CustomStringConvertible {
    case pythonNotFound
    case didNotStart(log: String)

    var description: String {
        switch self {
        case .pythonNotFound:
            "python3 is not on PATH; the transport tests need it (apt-get install python3)"
        case let .didNotStart(log):
            "http-peer.py did not start:\n\(log)"
        }
    }
}
