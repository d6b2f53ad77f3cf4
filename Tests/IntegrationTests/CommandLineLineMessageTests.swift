import Foundation
import InfluxKit
import Testing

/// The messages for malformed line protocol start with influxd's own words for the line (asked
/// of the real server) and go on to say what to change.
@Suite(.integration)
struct CommandLineLineMessageTests {
    static let lines = [
        "m value=oops", "m value=Oops", "m", "m,host=a", "m value=", "m value=1 abc", "m value=1.2.3", "m value=tru",
        "m value=1i2", "m =1", "m,=a v=1", "m,t v=1", "m v=\"open", ",t=a v=1", "m value=1,", "m a=1,b=oops",
    ]

    /// influxd's reason for refusing `line` alone.
    func serverReason(_ server: InfluxServer, _ database: String, _ line: String) throws -> String {
        do {
            try server.client().write(lineProtocol: Array(line.utf8), database: database)
        } catch let error as InfluxError where error.code == .http {
            return String(error.message.components(separatedBy: "': ").last ?? error.message)
        }
        Issue.record("the server took \(line)")
        return ""
    }

    @Test func messagesStartWithTheServersWordsAndSayMore() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let run = try CommandLineTests.influxkit(["write", "-d", database, "--dry-run"] + CommandLineTests.connection(server),
                                                 input: Self.lines.joined(separator: "\n") + "\n")
        #expect(run.status == 3)
        let reported = Dictionary(uniqueKeysWithValues: run.stderr.split(separator: "\n").compactMap { line -> (Int, String)? in
            guard line.hasPrefix("-:"), let colon = line.dropFirst(2).firstIndex(of: ":") else { return nil }
            return (Int(line[line.index(line.startIndex, offsetBy: 2)..<colon]) ?? 0, String(line[line.index(colon, offsetBy: 2)...]))
        })
        for (index, line) in Self.lines.enumerated() {
            let ours = try #require(reported[index + 1], "line \(index + 1) \(line) was reported")
            let theirs = try serverReason(server, database, line)
            #expect(ours.hasPrefix(theirs), "\(line): ours \(ours), influxd \(theirs)")
        }
        #expect(reported[1] == #"invalid boolean: field "value" is oops, which is not a number or true/false; a string value needs double quotes: value="oops""#)
        #expect(reported[16] == #"invalid boolean: field "b" is oops, which is not a number or true/false; a string value needs double quotes: b="oops""#)
        #expect(reported[3]?.hasPrefix("missing fields: the line has no field=value") == true)
        #expect(reported[5] == "missing field value: nothing after value=")
        #expect(reported[7] == "invalid number: field \"value\" is 1.2.3 (integers end in i, as 12i; a string needs double quotes)")
    }
}

/// On a terminal, the progress line of `write` is erased before a rejected line is reported,
/// so the two never share a line.
@Suite(.integration)
struct CommandLineProgressTests {
    @Test func progressAndRejectionsDoNotRunTogether() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        // The progress shows at the first piece read (1 MiB); the bad line is in the second.
        let good = (1...60_000).map { "m,k=\($0 % 10) v=\($0) \($0)" }
        let text = (good + ["m v=oops 60001"] + good.prefix(10)).joined(separator: "\n") + "\n"
        #expect(good.joined(separator: "\n").utf8.count > 1 << 20)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-\(UUID().uuidString.prefix(8)).lp")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let session = try TerminalSession(
            CommandLineTests.binary.path,
            arguments: ["write", "-d", database, "--port", String(server.port), "--host", "127.0.0.1", "--precision", "s", file.path],
            environment: [:])
        defer { session.close() }
        let shown = session.wait(seconds: 90) { $0.contains("wrote 60010 points") }
        #expect(shown.matched, "\(shown.screen)")
        let lines = shown.screen.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("\(file.path):60001: invalid boolean") }, "\(shown.screen)")
        #expect(!lines.contains { $0.contains("points/s") && $0.contains("invalid boolean") }, "\(shown.screen)")
    }
}
