import Foundation
import Synchronization
import InfluxKit
import Testing

/// Whether a line has a timestamp, and the client's stamping of lines that have none.
struct LineProtocolTimestampTests {
    let validator = LineProtocolValidator()

    @Test(arguments: ["m f=1 2", "m f=1  2", "m f=1 2 ", "m f=1i -0", "m,t=a\\ b f=\"x y\" 5", "m f=\"a 1\" 3"])
    func linesWithATimestamp(line: String) {
        #expect(validator.hasTimestamp(in: line))
    }

    @Test(arguments: ["m f=1", "m f=1 ", "m f=1\t", "m,t=a\\ b f=\"x 1\"", "m f=\"a\nb 1\"", "m\\ 1 f=2"])
    func linesWithoutATimestamp(line: String) {
        #expect(!validator.hasTimestamp(in: line))
    }

    /// The body a dry run would send for `text` in `precision`, stamping as the writer does by default.
    func body(_ text: String, precision: Precision) throws -> String {
        let operations = Mutex<[LineProtocolWriter.Operation]>([])
        var options = LineProtocolWriter.Options()
        options.precision = precision
        let writer = LineProtocolWriter(options: options, onRejection: { _ in }) { operation in
            operations.withLock { $0.append(operation) }
        }
        writer.beginSource("-")
        try Array(text.utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        try writer.finish()
        guard case let .write(body, _, _, _)? = operations.withLock({ $0.first }) else { throw CancellationError() }
        return String(decoding: body, as: UTF8.self)
    }

    @Test(arguments: [Precision.seconds, .milliseconds, .nanoseconds])
    func linesWithoutATimestampGetTheTimeTheyAreReadInThePrecision(precision: Precision) throws {
        let before = Int64(Date().timeIntervalSince1970 * 1e9) / precision.nanosecondsPerUnit
        let lines = try body("m v=1\nm v=2 7\nm v=3 \n", precision: precision).split(separator: "\n")
        let after = Int64(Date().timeIntervalSince1970 * 1e9) / precision.nanosecondsPerUnit + 1
        try #require(lines.count == 3)
        #expect(lines[1] == "m v=2 7", "a timestamp given is kept")
        for (line, prefix) in [(lines[0], "m v=1 "), (lines[2], "m v=3 ")] {
            #expect(line.hasPrefix(prefix), "\(line)")
            let stamp = try #require(Int64(line.dropFirst(prefix.count)), "\(line)")
            #expect((before...after).contains(stamp), "\(stamp) in \(before)...\(after)")
        }
    }
}
