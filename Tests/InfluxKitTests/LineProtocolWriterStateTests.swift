import InfluxKit
import Synchronization
import Testing

/// A writer used after `finish()` or `stop()` says so instead of hanging, and one released
/// without either sends what it holds.
struct LineProtocolWriterStateTests {
    typealias Recorder = LineProtocolWriterDryRunTests.Recorder

    private static func writer(_ recorder: Recorder) -> LineProtocolWriter {
        var options = LineProtocolWriter.Options.unstamped
        options.batchSize = 1
        return LineProtocolWriter(options: options, onRejection: recorder.rejection, dryRun: recorder.operation)
    }

    @Test(arguments: [false, true])
    func aFinishedOrStoppedWriterRefusesMore(stopped: Bool) throws {
        let recorder = Recorder()
        let writer = Self.writer(recorder)
        writer.beginSource("in")
        try Array("m v=1 1\n".utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        if stopped { try writer.stop() } else { try writer.finish() }
        // Each of these used to be taken; the third batch handed over then waited forever.
        for _ in 0..<3 {
            #expect(throws: InfluxError.self) {
                try Array("m v=2 2\nm v=3 3\n".utf8).withUnsafeBytes { try writer.append($0) }
                try writer.endSource()
            }
        }
        // Finishing or stopping again only gives the counts again.
        #expect(try writer.finish().records == 1)
        #expect(try writer.stop().records == 1)
    }

    @Test func aWriterReleasedUnfinishedSendsItsWindow() throws {
        let recorder = Recorder()
        do {
            let writer = Self.writer(recorder)
            writer.beginSource("in")
            try Array("m v=1 1\nm v=2 2\n".utf8).withUnsafeBytes { try writer.append($0) }
            try writer.endSource()
        }
        let points = recorder.operations.withLock { $0 }.map { operation -> Int in
            if case let .write(_, _, _, points) = operation { return points }
            return 0
        }
        #expect(points.reduce(0, +) == 2, "\(points)")
    }
}
