import Foundation
import InfluxKit
import Synchronization
import Testing

/// Oversized lines: rejected with their line numbers, the lines around them still written.
struct LineProtocolWriterLimitsTests {
    /// Runs `text` through a dry-run writer; returns the lines it would send and the rejections.
    func dryRun(_ text: String, maxLineLength: Int? = nil, chunk: Int = 4096)
        throws -> (sent: [String], rejections: [LineProtocolWriter.Rejection]) {
        let sent = Mutex<[String]>([])
        let rejections = Mutex<[LineProtocolWriter.Rejection]>([])
        var options = LineProtocolWriter.Options()
        if let maxLineLength { options.maxLineLength = maxLineLength }
        let writer = LineProtocolWriter(options: options, onRejection: { rejection in
            rejections.withLock { $0.append(rejection) }
        }) { operation in
            guard case let .write(body, _, _, _) = operation else { return }
            let lines = String(decoding: body, as: UTF8.self).split(separator: "\n").map(String.init)
            sent.withLock { $0 += lines }
        }
        writer.beginSource("in")
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            try bytes[start..<min(start + chunk, bytes.count)].withUnsafeBytes { try writer.append($0) }
        }
        try writer.endSource()
        try writer.finish()
        return (sent.withLock { $0 }, rejections.withLock { $0 })
    }

    @Test func aLineLongerThanOneMebibyteIsRejectedByDefault() throws {
        let long = "m s=\"" + String(repeating: "x", count: 1 << 20) + "\" 2"
        let run = try dryRun("m v=1 1\n\(long)\nm v=3 3\n", chunk: 64 << 10)
        #expect(run.sent == ["m v=1 1", "m v=3 3"])
        #expect(run.rejections.map(\.line) == [2])
        #expect(run.rejections.first?.reason == "line longer than 1048576 bytes")
    }

    @Test func aLineWithoutEndIsRejectedOnceItIsTooLongAndTheNextLinesAreStillRead() throws {
        let long = "m s=\"" + String(repeating: "y", count: 500) + "\" 2"
        let run = try dryRun("m v=1 1\n\(long)\nm v=3 3\n\(long)", maxLineLength: 100, chunk: 32)
        #expect(run.sent == ["m v=1 1", "m v=3 3"])
        #expect(run.rejections.map(\.line) == [2, 4])
        #expect(run.rejections.allSatisfy { $0.reason == "line longer than 100 bytes" })
    }

    @Test func aLineJustUnderTheLimitIsWritten() throws {
        let line = "m s=\"" + String(repeating: "x", count: 40) + "\" 2"
        let run = try dryRun("\(line)\n", maxLineLength: line.utf8.count)
        #expect(run.sent == [line])
        #expect(run.rejections.isEmpty)
    }

    @Test func anUnclosedQuoteRunningPastTheLimitLosesOnlyItsFirstLine() throws {
        let following = (2...21).map { "m v=\($0) \($0)" }
        let run = try dryRun("m s=\"never closed 1\n" + following.joined(separator: "\n") + "\n", maxLineLength: 64, chunk: 16)
        #expect(run.rejections.map(\.line) == [1])
        #expect(run.sent == following)
    }

    /// Hostile input met while fuzzing the writer: every line reopens the quote the line before
    /// closed, so each rejected record held another runaway; re-splitting them one inside the
    /// other overflowed the stack (and took time quadratic in the lines).
    @Test func runawayQuotesNestedOnEveryLineAreEachRejectedAndTheNextLineIsWritten() throws {
        let runaways = 20000
        let text = "m f=\"" + String(repeating: "\na\"b c=\"", count: runaways) + "\nm v=1 1\n"
        let run = try dryRun(text)
        #expect(run.sent == ["m v=1 1"])
        #expect(run.rejections.map(\.line) == Array(1...(runaways + 1)))
    }

    /// Found by `scripts/fuzz writer`: after a leading space the server counts quotes from the
    /// start of the line, so this record spans three lines; sent without the space, it would be
    /// cut after its first line and the server would store something else.
    @Test func aRecordThatWouldSplitOtherwiseInARequestIsRejectedAndItsLinesReadAgain() throws {
        let run = try dryRun(" =\"\na\"b c=\"\nc=\" 5\n")
        #expect(run.rejections.map(\.line) == [1])
        #expect(run.rejections.first?.reason.hasPrefix("unbalanced quotes") == true)
        #expect(run.sent == ["a\"b c=\"", "c=\" 5"])
    }

    /// Found by `scripts/fuzz lineprotocol`: a record ending in a backslash before a CRLF line
    /// end would, sent with a plain newline, escape it and take in the next line.
    @Test func aRecordEndingInABackslashBeforeCRLFIsRejected() throws {
        let run = try dryRun("m f=\"a\\\nb=\"x\\\r\nm v=3 3\n")
        // Its first line is rejected and the next one read again, as after a runaway quote.
        #expect(run.rejections.map(\.line) == [1, 2])
        #expect(run.rejections.first?.reason == "backslash at the end of the line")
        #expect(run.sent == ["m v=3 3"])
    }

    /// Hostile input met while fuzzing the writer: runaways on every line of an input over the
    /// line limit made the splitter rescan up to the limit (1 MiB) for each line, a hang on a
    /// few megabytes.
    @Test func runawayQuotesOnEveryLineOfALargeInputAreRejectedInLinearTime() throws {
        let runaways = 200_000
        let text = "m f=\"" + String(repeating: "\na\"b c=\"", count: runaways) + "\nm v=1 1\n"
        let run = try dryRun(text, chunk: 64 << 10)
        #expect(run.sent == ["m v=1 1"])
        #expect(run.rejections.map(\.line) == Array(1...(runaways + 1)))
    }
}

/// Resuming a source after the position an earlier run had settled.
struct LineProtocolWriterResumeTests {
    @Test func recordsUpToThePositionAreSkippedButDirectivesAmongThemAreFollowed() throws {
        let operations = Mutex<[LineProtocolWriter.Operation]>([])
        let settled = Mutex<[LineProtocolWriter.Position]>([])
        var options = LineProtocolWriter.Options.unstamped
        options.batchSize = 1
        options.onSettled = { position in settled.withLock { $0.append(position) } }
        let writer = LineProtocolWriter(options: options, onRejection: { _ in }) { operation in
            operations.withLock { $0.append(operation) }
        }
        writer.beginSource("export.txt", skippingThrough: 3)
        try Array("m v=1\n# CONTEXT-DATABASE: other\nm v=2\nm v=3\nm v=4\n".utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        let summary = try writer.finish()
        #expect(operations.withLock { $0 } == [
            .write(body: Array("m v=3\n".utf8), database: "other", retentionPolicy: nil, points: 1),
            .write(body: Array("m v=4\n".utf8), database: "other", retentionPolicy: nil, points: 1),
        ])
        #expect(summary.skipped == 2)
        #expect(summary.records == 2)
        #expect(settled.withLock { $0 } == [.init(source: "export.txt", line: 4), .init(source: "export.txt", line: 5)])
    }
}
