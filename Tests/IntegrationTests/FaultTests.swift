import Foundation
import Testing

/// `influxkit write` under faults: the server crashes and comes back, connections drop. Every
/// point must end up stored exactly once.
@Suite(.integration, .serialized)
struct FaultTests {
    static let points = 500_000

    /// `points` lines, each its own series and time (`--precision s`), so the count of stored
    /// points is exact and a resent point overwrites itself.
    static let input: Data = {
        var text = ""
        text.reserveCapacity(points * 32)
        for number in 0..<points {
            text += "m,s=\(number % 1000) v=\(number)i \(1_600_000_000 + number)\n"
        }
        return Data(text.utf8)
    }()

    /// Runs `influxkit write` with the input on standard input, calling `midway(n)` on another
    /// thread once a `n`th third of it has been handed over (n = 1, 2), without waiting for it.
    /// The calls run in order (the second starts once the first is done, never during it), and
    /// both are done when this returns.
    static func write(
        port: Int, database: String, options: [String] = [], midway: @escaping @Sendable (Int) -> Void
    ) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = [
            "write", "--host", "127.0.0.1", "--port", String(port), "-d", database, "--precision", "s",
            "--retries", "12", "--timeout", "40",
        ] + options
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("INFLUX_") }
        let stdin = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        let handle = stdin.fileHandleForWriting
        let input = input
        // The calls run on a queue of their own: one after the other, in order (the second
        // never during the first), while the input goes on.
        let restarts = DispatchQueue(label: "fault-restarts")
        Thread {
            let third = input.count / 3
            handle.feed(input.prefix(third))
            restarts.async { midway(1) }
            handle.feed(input[third..<(2 * third)])
            restarts.async { midway(2) }
            handle.feed(input.suffix(from: 2 * third))
            try? handle.close()
        }.start()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Whatever the calls still do is done before the caller looks at the server.
        restarts.sync {}
        return CommandLineTests.Run(status: process.terminationStatus, stdout: "", stderr: String(decoding: errors, as: UTF8.self))
    }

    /// The number of stored points of `m`.
    static func count(_ server: RestartableInfluxd, _ database: String) throws -> Int {
        try WriteAccountingTests.sum(ofCountsIn: server.execute("SELECT count(v) FROM m", database: database))
    }

    /// The number of retried batches in a summary line.
    static func retried(_ summary: String) -> Int {
        guard let range = summary.range(of: "retried ") else { return 0 }
        return Int(summary[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }

    @Test func aServerKilledTwiceMidStreamLosesAndDuplicatesNothing() throws {
        let server = try RestartableInfluxd()
        defer { server.stop() }
        try server.execute("CREATE DATABASE faults")
        let restarts = Restarts()
        let run = try Self.write(port: server.port, database: "faults") { _ in
            server.kill()
            // While it is down, the write tries it (it has a third or more of the input left
            // to send): caught and hung up on, so the crash is noticed whatever the timing.
            restarts.record {
                guard let trap = ConnectionTrap(port: server.port) else { throw InfluxServerError.noFreePort }
                if !trap.catchOne() { throw InfluxServerError.startTimedOut(seconds: 30, log: "no request while down") }
            }
            restarts.record { try server.start() }
        }
        #expect(restarts.failures.isEmpty, "\(restarts.failures)")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("wrote \(Self.points) points, rejected 0 lines"), "\(run.stderr)")
        #expect(Self.retried(run.stderr) > 0, "the crashes were noticed: \(run.stderr)")
        #expect(try Self.count(server, "faults") == Self.points)
    }

    @Test func connectionsDroppedAtRandomLoseAndDuplicateNothing() throws {
        let server = try RestartableInfluxd()
        defer { server.stop() }
        try server.execute("CREATE DATABASE drops")
        let proxy = try DroppingProxy(upstream: server.port, dropChance: 0.05, seed: 42)
        defer { proxy.stop() }
        // The proxy may cut a connection after any read, so the longer a request, the likelier
        // it is cut; requests of 5,000 points go through often enough to finish.
        let run = try Self.write(port: proxy.port, database: "drops", options: ["--batch-size", "5000"]) { _ in }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("wrote \(Self.points) points, rejected 0 lines"), "\(run.stderr)")
        #expect(proxy.drops > 0)
        #expect(Self.retried(run.stderr) > 0, "\(run.stderr)")
        #expect(try Self.count(server, "drops") == Self.points)
    }

    /// Errors of restarts made on other threads.
    final class Restarts: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [String] = []

        var failures: [String] { lock.withLock { errors } }

        func record(_ work: () throws -> Void) {
            do {
                try work()
            } catch {
                lock.withLock { errors.append("\(error)") }
            }
        }
    }
}
