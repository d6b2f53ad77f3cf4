import Foundation
import Glibc
import Synchronization

/// A private `influxd` for the integration tests.
///
/// Each server listens on a free port of 127.0.0.1 (and the next port for its RPC service),
/// keeps all its state in a fresh temporary directory and is stopped by PID when the test
/// process exits. Tests share one server per process, `InfluxServer.shared()`, and give
/// themselves their own database with `makeDatabaseName()`; tests about authentication use the
/// second server, `InfluxServer.authenticated()`, which is started only when first asked for.
final class InfluxServer: Sendable {
    /// A user name and its password.
    struct Credentials: Sendable {
        /// The user name.
        var username: String
        /// The password.
        var password: String
    }

    /// A UDP listener of the server: its port on 127.0.0.1 and the database it writes into.
    struct UDPListener: Sendable {
        /// The UDP port.
        var port: Int
        /// The database the listener writes into (it creates it when it starts).
        var database: String
    }

    /// The HTTP port on 127.0.0.1.
    let port: Int
    /// The directory holding the configuration, the data and `influxd.log`.
    let directory: URL
    /// The administrator of a server with authentication on; `nil` when authentication is off.
    let admin: Credentials?
    /// The certificate and key of a server that speaks HTTPS.
    struct TLSFiles: Sendable {
        /// The PEM certificate.
        var certificate: URL
        /// Its PEM private key.
        var key: URL
        /// The PEM certificate of the CA that signed it.
        var authority: URL
    }

    /// The UDP listener, when the server was started with one.
    let udp: UDPListener?
    /// The certificate of a server that speaks HTTPS only; `nil` for plain HTTP.
    let tls: TLSFiles?
    /// The PID of `influxd`.
    let processIdentifier: Int32
    private let process: Process

    /// `http(s)://127.0.0.1:PORT`, for clients under test.
    var url: String { "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)" }

    private init(port: Int, directory: URL, admin: Credentials?, udp: UDPListener?, tls: TLSFiles?, process: Process) {
        self.port = port
        self.directory = directory
        self.admin = admin
        self.udp = udp
        self.tls = tls
        self.process = process
        self.processIdentifier = process.processIdentifier
    }
}

// MARK: - Shared servers

extension InfluxServer {
    private static let sharedServer = Result { try InfluxServer.start() }
    private static let authenticatedServer = Result {
        try InfluxServer.start(admin: Credentials(username: "admin", password: randomToken()))
    }
    private static let secondServer = Result { try InfluxServer.start() }
    private static let udpServer = Result { try InfluxServer.start(udpDatabase: "udp") }
    private static let tlsServer = Result {
        let certificates = try TestCertificates.shared()
        return try InfluxServer.start(tls: TLSFiles(
            certificate: certificates.server, key: certificates.serverKey, authority: certificates.authority))
    }

    /// The server without authentication, started on first use.
    ///
    /// Throws, with installation advice, when `influxd` is not installed.
    static func shared() throws -> InfluxServer {
        try sharedServer.get()
    }

    /// The server with authentication on and an administrator `admin`, started on first use.
    static func authenticated() throws -> InfluxServer {
        try authenticatedServer.get()
    }

    /// A second server without authentication, started on first use: where export and copy
    /// tests load what they read from ``shared()``.
    static func second() throws -> InfluxServer {
        try secondServer.get()
    }

    /// The server with a UDP listener writing into the database `udp`, started on first use.
    static func withUDP() throws -> InfluxServer {
        try udpServer.get()
    }

    /// The server speaking HTTPS only, with a certificate of the throwaway CA of
    /// `TestCertificates`, started on first use.
    static func withTLS() throws -> InfluxServer {
        try tlsServer.get()
    }

    private static func randomToken() -> String {
        (0..<16).map { _ in String(UInt8.random(in: 0...15), radix: 16) }.joined()
    }
}

// MARK: - Starting and stopping

extension InfluxServer {
    /// The servers to stop when the process exits.
    private static let running = Mutex<[InfluxServer]>([])
    private static let exitHook: Void = {
        atexit { InfluxServer.stopAll() }
    }()
    private static let startAttempts = 3
    private static let startTimeout = 30

    /// Starts a new server; with `admin`, authentication is on and that administrator exists.
    ///
    /// - Parameters:
    ///   - udpDatabase: when given, a UDP listener on a free port writes into this database.
    ///   - tls: when given, the server speaks HTTPS only, with this certificate.
    ///   - searchPath: where to look for `influxd`, in the form of `PATH`.
    static func start(
        admin: Credentials? = nil,
        udpDatabase: String? = nil,
        tls: TLSFiles? = nil,
        searchPath: String? = ProcessInfo.processInfo.environment["PATH"]
    ) throws -> InfluxServer {
        guard let executable = locateInfluxd(searchPath: searchPath) else {
            throw InfluxServerError.influxdNotFound
        }
        _ = exitHook
        removeLeftovers()
        var attempt = 1
        while true {
            guard let port = LoopbackPort.freePair() else { throw InfluxServerError.noFreePort }
            var udp: UDPListener?
            if let udpDatabase {
                guard let udpPort = LoopbackPort.freeUDP(avoiding: [port, port + 1]) else {
                    throw InfluxServerError.noFreePort
                }
                udp = UDPListener(port: udpPort, database: udpDatabase)
            }
            do {
                return try launch(executable, port: port, admin: admin, udp: udp, tls: tls)
            } catch InfluxServerError.exitedDuringStart where attempt < startAttempts {
                // Most likely another process took one of the ports since we checked: try others.
                attempt += 1
            }
        }
    }

    /// Starts a new server without authentication on `port` (and `port + 1`), e.g. in the place
    /// of one stopped a moment ago, for tests of a server that goes away and comes back.
    static func start(port: Int) throws -> InfluxServer {
        guard let executable = locateInfluxd(searchPath: ProcessInfo.processInfo.environment["PATH"]) else {
            throw InfluxServerError.influxdNotFound
        }
        _ = exitHook
        return try launch(executable, port: port, admin: nil, udp: nil, tls: nil)
    }

    /// The first executable `influxd` in the directories of `searchPath`.
    static func locateInfluxd(searchPath: String?) -> URL? {
        let directories = (searchPath ?? "").split(separator: ":")
        return directories
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("influxd") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `influxd` with the `influxdb.conf` of `directory`, its output appended to
    /// `influxd.log` there.
    static func run(_ executable: URL, in directory: URL) throws -> Process {
        let logURL = directory.appendingPathComponent("influxd.log")
        if !FileManager.default.fileExists(atPath: logURL.path) {
            _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        }
        let log = try FileHandle(forWritingTo: logURL)
        log.seekToEndOfFile()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["run", "-config", directory.appendingPathComponent("influxdb.conf").path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
        try log.close()
        return process
    }

    private static func launch(
        _ executable: URL, port: Int, admin: Credentials?, udp: UDPListener?, tls: TLSFiles?
    ) throws -> InfluxServer {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("\(leftoverPrefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let configuration = configuration(
            directory: directory, port: port, authEnabled: admin != nil, udp: udp, tls: tls)
        try configuration.write(to: directory.appendingPathComponent("influxdb.conf"), atomically: true, encoding: .utf8)
        let process = try run(executable, in: directory)
        try String(process.processIdentifier).write(
            to: directory.appendingPathComponent("influxd.pid"), atomically: true, encoding: .utf8)

        let server = InfluxServer(
            port: port, directory: directory, admin: admin, udp: udp, tls: tls, process: process)
        running.withLock { $0.append(server) }
        do {
            try server.waitUntilReady()
            if let admin {
                try server.execute(
                    "CREATE USER \"\(admin.username)\" WITH PASSWORD '\(admin.password)' WITH ALL PRIVILEGES",
                    as: .anonymous)
            }
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    private func waitUntilReady() throws {
        let deadline = ContinuousClock.now + .seconds(Self.startTimeout)
        while ContinuousClock.now < deadline {
            guard isRunning else { throw InfluxServerError.exitedDuringStart(log: logTail()) }
            if let tls {
                if Self.pingsOverTLS(port: port, authority: tls.authority), isRunning { return }
            } else if let response = try? LoopbackHTTP.send("GET", port: port, target: "/ping", timeout: 2),
               response.status == 204, isRunning {
                return
            }
            usleep(50_000)
        }
        throw InfluxServerError.startTimedOut(seconds: Self.startTimeout, log: logTail())
    }

    /// Whether `curl` gets a 204 from `/ping` over HTTPS, trusting `authority` (the fixture does
    /// not use the TLS code under test).
    private static func pingsOverTLS(port: Int, authority: URL) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "2",
            "--cacert", authority.path, "https://127.0.0.1:\(port)/ping",
        ]
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let status = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: status, as: UTF8.self) == "204"
    }

    /// Whether `influxd` still runs (a zombie does not count).
    var isRunning: Bool {
        process.isRunning && ProcessState.isAlive(processIdentifier)
    }

    /// The last lines of `influxd.log`.
    func logTail(lines: Int = 20) -> String {
        let text = (try? String(contentsOf: directory.appendingPathComponent("influxd.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// Stops `influxd` (SIGTERM, then SIGKILL if it lingers) and removes its directory.
    func stop() {
        if isRunning {
            kill(processIdentifier, SIGTERM)
            if !waitForExit(seconds: 15) {
                kill(processIdentifier, SIGKILL)
                _ = waitForExit(seconds: 5)
            }
        }
        try? FileManager.default.removeItem(at: directory)
        Self.running.withLock { servers in servers.removeAll { $0 === self } }
    }

    private func waitForExit(seconds: Int) -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while isRunning {
            guard ContinuousClock.now < deadline else { return false }
            usleep(20_000)
        }
        // Give Foundation a moment to reap the child, so that no zombie outlives us.
        let reapDeadline = ContinuousClock.now + .seconds(1)
        while process.isRunning && ContinuousClock.now < reapDeadline {
            usleep(10_000)
        }
        return true
    }

    private static func stopAll() {
        let servers = running.withLock { $0 }
        for server in servers {
            server.stop()
        }
    }
}
