import Foundation
import InfluxKit
import Testing

/// `influxkit write --checkpoint`: a write that stopped half-way goes on where it stopped.
@Suite(.integration)
struct CheckpointTests {
    /// A temporary file path that does not exist yet.
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("\(InfluxServer.leftoverPrefix)\(getpid())-\(name)-\(UUID().uuidString.prefix(8))").path
    }

    func count(_ server: InfluxServer, _ database: String) throws -> Int {
        let rows = try server.client().query("SELECT count(v) FROM m", database: database).first?.series.first?.values
        guard case let .integer(count) = rows?.first?.last else { return 0 }
        return Int(count)
    }

    @Test func aStoppedWriteGoesOnFromItsCheckpointWithoutGapsOrDuplicates() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        // Points without timestamps, one series each: a line sent twice would be a second point.
        let input = (1...9).map { "m,k=\($0) v=\($0)" }.joined(separator: "\n") + "\n"
        let checkpoint = temporaryPath("checkpoint")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let peer = try HTTPPeer(
            .influxdb, answers: [
                .init(status: 0, pass: true, path: "/write"), .init(status: 0, pass: true, path: "/write"),
                .init(status: 401, error: "authorization failed", path: "/write"),
            ],
            upstream: "http://127.0.0.1:\(server.port)")
        let arguments = ["write", "-d", database, "--batch-size", "2", "--checkpoint", checkpoint]

        let stopped = try CommandLineTests.influxkit(arguments + ["--url", peer.url], input: input)
        #expect(stopped.status == 4)
        #expect(stopped.stderr.contains("wrote 4 points"), "\(stopped.stderr)")
        #expect(try count(server, database) == 4)
        let saved = try JSONDecoder().decode(LineProtocolWriter.Position.self, from: Data(contentsOf: URL(fileURLWithPath: checkpoint)))
        #expect(saved == .init(source: "-", line: 4))

        let resumed = try CommandLineTests.influxkit(arguments + CommandLineTests.connection(server), input: input)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr == "wrote 5 points, rejected 0 lines, retried 0 batches, skipped 4 lines settled before\n")
        #expect(try count(server, database) == 9)

        let again = try CommandLineTests.influxkit(arguments + CommandLineTests.connection(server), input: input)
        #expect(again.stderr.hasPrefix("wrote 0 points"), "a finished write has nothing left to send")
        #expect(try count(server, database) == 9)
    }

    @Test func filesBeforeTheCheckpointedOneAreSkipped() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let first = temporaryPath("first.lp"), second = temporaryPath("second.lp"), checkpoint = temporaryPath("checkpoint")
        defer { for path in [first, second, checkpoint] { try? FileManager.default.removeItem(atPath: path) } }
        try "m,f=1 v=1 1\nm,f=1 v=2 2\n".write(toFile: first, atomically: true, encoding: .utf8)
        try "m,f=2 v=3 3\nm,f=2 v=4 4\nm,f=2 v=5 5\n".write(toFile: second, atomically: true, encoding: .utf8)
        try JSONEncoder().encode(LineProtocolWriter.Position(source: second, line: 1)).write(to: URL(fileURLWithPath: checkpoint))

        let run = try CommandLineTests.influxkit(
            ["write", "-d", database, "--precision", "s", "--checkpoint", checkpoint, first, second] + CommandLineTests.connection(server))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "wrote 2 points, rejected 0 lines, retried 0 batches, skipped 1 line settled before\n")
        #expect(try count(server, database) == 2)
    }

    @Test func ctrlCSendsNothingHalfDoneReportsAndExitsNonZero() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let input = (1...5).map { "m,k=\($0) v=\($0)" }.joined(separator: "\n") + "\n"
        let checkpoint = temporaryPath("checkpoint")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let arguments = ["write", "-d", database, "--batch-size", "2", "--checkpoint", checkpoint] + CommandLineTests.connection(server)

        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        let stdin = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        // Two full batches go out; the fifth line waits in the batch being filled.
        stdin.fileHandleForWriting.feed(Data(input.utf8))
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let data = FileManager.default.contents(atPath: checkpoint),
               let position = try? JSONDecoder().decode(LineProtocolWriter.Position.self, from: data), position.line == 4 {
                break
            }
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGINT)
        try stdin.fileHandleForWriting.close()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(errors)")
        #expect(errors.contains("interrupted"))
        #expect(errors.contains("wrote 4 points"), "\(errors)")
        #expect(try count(server, database) == 4, "the half-filled batch was not sent")

        let resumed = try CommandLineTests.influxkit(arguments, input: input)
        #expect(resumed.status == 0)
        #expect(resumed.stderr == "wrote 1 point, rejected 0 lines, retried 0 batches, skipped 4 lines settled before\n")
        #expect(try count(server, database) == 5)
    }
}
