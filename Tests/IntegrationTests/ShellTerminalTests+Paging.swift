import Foundation
import InfluxKit
import Testing

/// Output taller than the terminal goes through the pager; tables wider than it print
/// vertically with `\x auto`.
extension ShellTerminalTests {
    /// A database whose measurement `tall` has 60 rows, `long` 5000 (more than a pipe holds),
    /// and `wide` one row of long fields.
    static func makePagingDatabase(_ server: InfluxServer) throws -> String {
        let database = try server.createDatabase()
        let client = try InfluxClient(host: "127.0.0.1", port: server.port, database: database)
        try client.write(lines: (1...60).map { "tall value=\($0) \($0)000000000" })
        try client.write(lines: (1...5000).map { "long value=\($0) \($0)000000000" })
        let fields = (1...6).map { "a_rather_long_field_name_\($0)=\($0)" }.joined(separator: ",")
        try client.write(lines: ["wide,host=alpha \(fields),short=7 1000000000"])
        return database
    }

    @Test func tallOutputOpensLessAndQReturnsToThePrompt() throws {
        let server = try InfluxServer.shared()
        let database = try Self.makePagingDatabase(server)
        let shell = try Self.shell(on: database, server: server, height: 20)
        defer { shell.close() }
        let (session, prompt) = (shell.session, shell.prompt)

        try session.type("SELECT value FROM tall")
        try session.press("Enter")
        let paged = session.wait { screen in
            screen.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty }.map { $0 == ":" } ?? false
        }
        #expect(paged.matched, "less shows its prompt on the last line: \(paged.screen)")
        #expect(!paged.screen.contains("1970-01-01T00:01:00Z 60"), "the last rows are below the first page")
        #expect(paged.screen.components(separatedBy: prompt).count - 1 == 1, "no prompt while less runs")
        try session.press("q")
        #expect(session.wait(for: prompt, count: 2).matched, "the prompt after q")

        // Off, the rows print straight to the terminal.
        try session.type("pager off")
        try session.press("Enter")
        #expect(session.wait(for: prompt, count: 3).matched)
        try session.type("SELECT value FROM tall")
        try session.press("Enter")
        let direct = session.wait(for: prompt, count: 4)
        #expect(direct.matched, "the prompt comes back without q: \(direct.screen)")
        #expect(direct.screen.contains("1970-01-01T00:01:00Z 60"))
    }

    @Test func onlyOutputTallerThanTheTerminalGoesThroughPager() throws {
        let server = try InfluxServer.shared()
        let database = try Self.makePagingDatabase(server)
        let shell = try Self.shell(on: database, server: server, environment: ["PAGER": "sed s/^/paged:/"], height: 20)
        defer { shell.close() }
        let (session, prompt) = (shell.session, shell.prompt)

        try session.type("SELECT value FROM tall LIMIT 5")
        try session.press("Enter")
        var shown = session.wait(for: prompt, count: 2)
        #expect(shown.screen.contains("\n1970-01-01T00:00:05Z 5"), "short output is not paged: \(shown.screen)")
        #expect(!shown.screen.contains("paged:"))

        try session.type("chunk size 7")
        try session.press("Enter")
        try session.type("SELECT value FROM tall")
        try session.press("Enter")
        shown = session.wait(for: prompt, count: 4)
        #expect(shown.screen.contains("paged:1970-01-01T00:01:00Z 60"), "the last chunk reached the pager: \(shown.screen)")
        #expect(shown.screen.contains("paged:1970-01-01T00:00:01Z 1"), "so did the rows held before it started")
    }

    @Test func expandedAutoPrintsTablesWiderThanTheTerminalVertically() throws {
        let server = try InfluxServer.shared()
        let database = try Self.makePagingDatabase(server)
        let shell = try Self.shell(on: database, server: server, width: 80)
        defer { shell.close() }
        let (session, prompt) = (shell.session, shell.prompt)

        try session.type("\\x auto")
        try session.press("Enter")
        #expect(session.wait(for: "expanded display is auto").matched)
        try session.type("SELECT * FROM wide")
        try session.press("Enter")
        var shown = session.wait(for: prompt, count: 3)
        #expect(shown.screen.contains("1. row"), "too wide: one block per row: \(shown.screen)")
        #expect(shown.screen.contains("a_rather_long_field_name_6: 6"))

        try session.type("SELECT short FROM wide")
        try session.press("Enter")
        shown = session.wait(for: prompt, count: 4)
        #expect(shown.screen.contains("1970-01-01T00:00:01Z 7"), "narrow enough: columns: \(shown.screen)")
        #expect(!shown.screen.contains("2. row"))
    }

    @Test func quittingThePagerEarlyStopsTheQueryQuietly() throws {
        let server = try InfluxServer.shared()
        let database = try Self.makePagingDatabase(server)
        let shell = try Self.shell(on: database, server: server, height: 20)
        defer { shell.close() }
        let (session, prompt) = (shell.session, shell.prompt)

        try session.type("chunk size 100")
        try session.press("Enter")
        #expect(session.wait(for: prompt, count: 2).matched)
        try session.type("SELECT value FROM long")
        try session.press("Enter")
        let paged = session.wait { screen in
            screen.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty }.map { $0 == ":" } ?? false
        }
        #expect(paged.matched, "less shows its prompt: \(paged.screen)")
        try session.press("q")
        let back = session.wait(for: prompt, count: 3)
        #expect(back.matched, "the prompt after q: \(back.screen)")
        #expect(!back.screen.contains("ERR"), "leaving early is no error")

        try session.type("SELECT count(value) FROM long")
        try session.press("Enter")
        let next = session.wait(for: prompt, count: 4)
        #expect(next.screen.contains(" 5000\n"), "the next query runs: \(next.screen)")
    }
}
