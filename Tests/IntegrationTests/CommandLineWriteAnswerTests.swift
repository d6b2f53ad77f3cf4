import Foundation
import Testing

/// What `influxkit write` reports when the answer is not a success: a non-2xx status is never
/// counted as written, whatever its body, and the summary counts (and places) the lines that
/// were not sent.
@Suite(.integration)
struct CommandLineWriteAnswerTests {
    static let input = "m v=1 1\nm v=2 2\n"

    func write(_ peer: HTTPPeer, _ options: [String] = [], input: String = Self.input) throws -> CommandLineTests.Run {
        try CommandLineTests.influxkit(["write", "--url", peer.url, "-d", "db", "--retries", "0"] + options, input: input)
    }

    /// A 400 whose body is longer than the part of it kept for the message: the request was
    /// refused, so its lines are rejected, not written.
    @Test func aRefusalWithAVeryLongBodyIsNotASuccess() throws {
        let body = #"{"error":"unable to parse 'x y=z': invalid field format"# + String(repeating: "x", count: 70_000) + #""}"#
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 400, path: "/write", body: body)])
        let run = try write(peer)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("wrote 0 points, rejected 2 lines (2 by the server)"), "\(run.stderr)")
        #expect(run.stderr.contains("-:1: server refused the request of lines 1-2, 2 lines not named: {\"error\":\"unable to parse"),
                "\(run.stderr)")
    }

    /// influxd names every bad line of a refused request, so its message grows with the
    /// request; one longer than 64 KiB is still read whole, and each line gets its reason.
    @Test func aLongMessageNamingEveryLineIsReadWhole() throws {
        let lines = (1...2000).map { "m v=\($0) \($0)" }
        let message = lines.map { "unable to parse '\($0)': invalid number" }.joined(separator: "\\n")
        #expect(message.utf8.count > 64 * 1024)
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 400, path: "/write", body: #"{"error":"\#(message)"}"#)])
        let run = try write(peer, input: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 3)
        #expect(run.stderr.contains("wrote 0 points, rejected 2000 lines (2000 by the server)"))
        #expect(run.stderr.contains("-:1: invalid number\n") && run.stderr.contains("-:2000: invalid number\n"))
        #expect(!run.stderr.contains("not named"))
    }

    @Test(arguments: [
        (HTTPPeer.Answer(status: 401, error: "authorization failed", path: "/write"), Int32(4)),
        (HTTPPeer.Answer(status: 307, path: "/write", location: "http://127.0.0.1:1/write"), Int32(1)),
    ])
    func linesNotSentAreCounted(answer: HTTPPeer.Answer, status: Int32) throws {
        let peer = try HTTPPeer(.influxdb, answers: [answer])
        let run = try write(peer)
        #expect(run.status == status, "\(run.stderr)")
        #expect(run.stderr.contains("wrote 0 points, rejected 0 lines, not sent 2 lines (none settled)"), "\(run.stderr)")
    }

    @Test func anHTMLPageIsNotASuccess() throws {
        let peer = try HTTPPeer(.html, status: 502)
        let run = try write(peer)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("not sent 2 lines (none settled)"), "\(run.stderr)")
    }

    @Test func theLinesNotSentBeginAfterTheLastSettled() throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 204, path: "/write"), .init(status: 401, error: "authorization failed", path: "/write")])
        let run = try write(peer, ["--batch-size", "1", "--connections", "1"], input: "m v=1 1\nm v=2 2\nm v=3 3\n")
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stderr.contains("wrote 1 point, rejected 0 lines, not sent 2 lines (after -:1, the last settled)"), "\(run.stderr)")
    }

    /// A directory given as input passes the check of the arguments, and fails when it is read:
    /// a run-time failure (1), not a usage error (64).
    @Test func anInputThatCannotBeReadExitsOne() throws {
        let directory = FileManager.default.temporaryDirectory.path
        let run = try CommandLineTests.influxkit(["write", "-d", "db", "--dry-run", directory])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("influxkit: cannot read \(directory): is a directory"), "\(run.stderr)")
    }

    /// influxd takes a string value over several lines; a missing closing quote can so join lines
    /// into one point. Such values are written, and counted in a warning.
    @Test func stringsSpanningLinesAreCountedInTheSummary() throws {
        let input = "m s=\"one\nm v=1 1\" 1\nm v=2 2\nm s=\"two\nthree\" 3\n"
        let run = try CommandLineTests.influxkit(["write", "-d", "db", "--dry-run"], input: input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("would write 3 points, rejected 0 lines, retried 0 batches; warning: 2 string values span lines"),
                "\(run.stderr)")
    }
}
