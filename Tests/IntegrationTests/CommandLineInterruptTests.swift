import Foundation
import Glibc
import Testing

/// The first Ctrl-C or SIGTERM ends `influxkit write` at once, wherever it waits — on a request
/// the server never answers, on standard input that stays open and idle — with a summary of
/// what was settled and exit status 130 or 143.
@Suite(.integration)
struct CommandLineInterruptTests {
    /// A running `influxkit write` whose standard input stays open until `closeInput()`.
    final class Writer {
        let process = Process()
        let input = Pipe()
        let errors = Pipe()

        init(_ arguments: [String], input text: String) throws {
            process.executableURL = CommandLineTests.binary
            process.arguments = ["write"] + arguments
            process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("INFLUX_") }
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            input.fileHandleForWriting.feed(Data(text.utf8))
        }

        func closeInput() {
            try? input.fileHandleForWriting.close()
        }

        /// Waits up to `seconds` for the process to end by itself; true when it did. Otherwise
        /// it is killed, so that the test fails instead of hanging.
        func endsWithin(seconds: Double) -> Bool {
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
            let ended = !process.isRunning
            if !ended { kill(process.processIdentifier, SIGKILL) }
            closeInput()
            process.waitUntilExit()
            return ended
        }

        var stderr: String { String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
    }

    /// Waits until the peer has seen `count` requests to `/write`.
    func waitForWrites(_ peer: HTTPPeer, count: Int) throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while try peer.requests().filter({ $0.path == "/write" }).count < count && ContinuousClock.now < deadline {
            usleep(20_000)
        }
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func theFirstSignalAbortsAStalledRequest(signal: Int32, status: Int32) throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 0, path: "/write", hang: true)])
        let writer = try Writer(["--url", peer.url, "-d", "db"], input: "m v=1 1\nm v=2 2\n")
        writer.closeInput()
        try waitForWrites(peer, count: 1)
        kill(writer.process.processIdentifier, signal)
        #expect(writer.endsWithin(seconds: 20), "the first signal ended the write")
        let errors = writer.stderr
        #expect(writer.process.terminationStatus == status, "\(errors)")
        #expect(errors.contains("interrupted; requests in flight were abandoned"), "\(errors)")
        #expect(errors.contains("wrote 0 points, rejected 0 lines, not sent 2 lines (none settled)"), "\(errors)")
    }

    @Test func theFirstSignalEndsAWaitOnIdleInput() throws {
        let peer = try HTTPPeer(.influxdb)
        let writer = try Writer(["--url", peer.url, "-d", "db", "--batch-size", "1", "--connections", "1"],
                                input: "m v=1 1\nm v=2 2\n")
        try waitForWrites(peer, count: 2)
        // Both lines are written; the command waits for more input that does not come.
        kill(writer.process.processIdentifier, SIGTERM)
        #expect(writer.endsWithin(seconds: 20), "the first signal ended the write")
        let errors = writer.stderr
        #expect(writer.process.terminationStatus == 143, "\(errors)")
        #expect(errors.contains("wrote 2 points, rejected 0 lines, retried 0 batches"), "\(errors)")
        #expect(!errors.contains("run the same command again"), "no checkpoint, nothing to resume from")
    }

    /// Interrupted with `--checkpoint`, the write says how to go on: the same command again.
    @Test func anInterruptedCheckpointedWriteSaysHowToResume() throws {
        let peer = try HTTPPeer(.influxdb)
        let checkpoint = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-\(UUID().uuidString.prefix(8)).checkpoint")
        defer { try? FileManager.default.removeItem(at: checkpoint) }
        let writer = try Writer(["--url", peer.url, "-d", "db", "--batch-size", "1", "--connections", "1", "--checkpoint", checkpoint.path],
                                input: "m v=1 1\nm v=2 2\n")
        try waitForWrites(peer, count: 2)
        kill(writer.process.processIdentifier, SIGINT)
        #expect(writer.endsWithin(seconds: 20), "the first signal ended the write")
        let errors = writer.stderr
        #expect(writer.process.terminationStatus == 130, "\(errors)")
        #expect(errors.contains("influxkit: to go on, run the same command again with the same input: \(checkpoint.path) skips what was settled"),
                "\(errors)")
    }
}
