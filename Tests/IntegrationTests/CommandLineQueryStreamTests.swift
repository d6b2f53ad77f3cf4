import Foundation
import InfluxKit
import Testing

/// `influxkit query` on answers a real influxd does not give but a peer may: objects spread over
/// lines or sharing one, a last object without its newline, and answers that break off or turn
/// malformed after good chunks. Rows before the failure are printed; the message names the
/// byte, counted here from the answer itself.
@Suite(.integration)
struct CommandLineQueryStreamTests {
    static let first = #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1,"a"],[2,"b"]],"partial":true}],"partial":true}]}"#
    static let second = #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[3,"c,d"]]}]}]}"#
    static let csv = "name,time,v\nm,1,a\nm,2,b\nm,3,\"c,d\"\n"

    /// Runs `influxkit query --format csv` against a peer answering `body`.
    func query(answering body: String, format: String = "csv") throws -> CommandLineTests.Run {
        let peer = try HTTPPeer(.influxdb, queryBody: [body])
        return try CommandLineTests.influxkit(["query", "--url", peer.url, "-d", "db", "--format", format, "SELECT * FROM m"])
    }

    @Test func objectsOverSeveralLinesOnOneLineOrWithoutTheLastNewline() throws {
        let pretty = Self.first.replacingOccurrences(of: ",", with: ",\n  ") + "\n" + Self.second + "\n"
        for body in [Self.first + "\n" + Self.second + "\n", Self.first + Self.second + "\n", Self.first + "\n" + Self.second,
                     Self.first + " \r\n" + Self.second + "\r\n", pretty] {
            let run = try query(answering: body)
            #expect(run.status == 0, "\(body)")
            #expect(run.stderr.isEmpty, "\(body)")
            #expect(run.stdout == Self.csv, "\(body)")
        }
    }

    @Test(arguments: ["csv", "jsonl", "vertical"])
    func malformedAfterAGoodChunk(format: String) throws {
        let broken = Self.second.replacingOccurrences(of: "[3,", with: "[3.5.1,")
        let body = Self.first + "\n" + broken + "\n"
        let run = try query(answering: body, format: format)
        let position = Self.first.utf8.count + 1 + broken.utf8.distance(
            from: broken.utf8.startIndex, to: broken.range(of: ".1,")!.lowerBound)
        #expect(run.status == 1)
        #expect(run.stderr.contains("malformed response: unexpected '.', expected ',' or ']' at byte \(position)"), "\(run.stderr)")
        let rows = ["csv": "name,time,v\nm,1,a\nm,2,b\n",
                    "jsonl": "{\"name\":\"m\",\"tags\":{},\"time\":1,\"v\":\"a\"}\n{\"name\":\"m\",\"tags\":{},\"time\":2,\"v\":\"b\"}\n",
                    "vertical": "*************************** 1. row ***************************\nname: m\ntime: 1\n   v: a\n"
                        + "*************************** 2. row ***************************\nname: m\ntime: 2\n   v: b\n"]
        #expect(run.stdout == rows[format])
    }

    /// `column` and `table` hold rows back to fix their widths; when the answer turns malformed
    /// they still print them, as they print the same rows answered alone.
    @Test(arguments: ["column", "table"])
    func rowsHeldForWidthsArePrintedWhenTheAnswerBreaksOff(format: String) throws {
        let broken = Self.second.replacingOccurrences(of: "[3,", with: "[3.5.1,")
        let run = try query(answering: Self.first + "\n" + broken + "\n", format: format)
        #expect(run.status == 1)
        #expect(run.stderr.contains("malformed response"), "\(run.stderr)")
        let alone = try query(answering: Self.first.replacingOccurrences(of: #","partial":true"#, with: "") + "\n", format: format)
        #expect(alone.status == 0)
        #expect(alone.stdout.contains("a") && alone.stdout.contains("b"), "\(alone.stdout)")
        #expect(run.stdout == alone.stdout)
    }

    @Test func truncatedAfterAGoodChunk() throws {
        let body = Self.first + "\n" + Self.second.prefix(40)
        let run = try query(answering: body)
        #expect(run.status == 1)
        let start = Self.first.utf8.count + 1
        #expect(run.stderr.contains("malformed response: truncated response: object at byte \(start) unfinished at byte \(start + 40)"),
                "\(run.stderr)")
        #expect(run.stdout == "name,time,v\nm,1,a\nm,2,b\n")
    }

    /// A chunk marked `"partial":true` and then a clean end of the body: the rows that came are
    /// printed, and the answer is reported cut short, whatever the format.
    @Test(arguments: ["csv", "json", "jsonl", "column", "table", "vertical"])
    func aCleanEndWhereMoreWasAnnounced(format: String) throws {
        let run = try query(answering: Self.first + "\n", format: format)
        #expect(run.status == 1)
        #expect(run.stderr.contains("answer truncated: it ended at byte \(Self.first.utf8.count + 1) where more of statement 1 was announced"),
                "\(run.stderr)")
        #expect(run.stdout.contains("a") && run.stdout.contains("b"), "\(run.stdout)")
        if format == "json" {
            let parsed = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            #expect(parsed == nil, "a broken-off answer is no whole JSON document: \(run.stdout)")
        }
    }

    /// A 200 answer whose `"values":[` never closes is given up at the default limit of one
    /// answer object (256 MiB), not held until memory runs out.
    @Test func anObjectThatNeverEndsIsGivenUpAtTheLimit() throws {
        let peer = try HTTPPeer(.endless)
        let run = try CommandLineTests.influxkit(["query", "--url", peer.url, "-d", "db", "--format", "csv", "SELECT * FROM m"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("answer object at byte 0 is larger than 268435456 bytes, the limit (ask for smaller chunks)"),
                "\(run.stderr)")
    }

    @Test func anErrorObjectAfterAGoodChunk() throws {
        let run = try query(answering: Self.first + "\n" + #"{"error":"boom"}"# + "\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("boom"))
        #expect(run.stdout == "name,time,v\nm,1,a\nm,2,b\n")
    }
}
