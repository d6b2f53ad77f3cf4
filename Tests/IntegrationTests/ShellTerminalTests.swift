import Foundation
import InfluxKit
import Testing

/// The interactive shell on a real pseudo-terminal (tmux), against the real server.
@Suite(.integration)
struct ShellTerminalTests {
    /// A fresh home directory for the history file.
    static func makeHome() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-home-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    static func shell(
        port: Int, home: URL, _ more: [String] = [], environment: [String: String] = [:], width: Int = 120, height: Int = 40
    ) throws -> TerminalSession {
        try TerminalSession(
            CommandLineTests.binary.path, arguments: ["--host", "127.0.0.1", "--port", String(port)] + more,
            environment: environment.merging(["HOME": home.path]) { $1 }, width: width, height: height)
    }

    /// A shell using a database, in a home directory of its own; `close()` ends it and removes
    /// the home.
    struct DatabaseShell {
        let session: TerminalSession
        let home: URL
        /// The prompt the shell shows, `database> `.
        let prompt: String

        func close() {
            session.close()
            try? FileManager.default.removeItem(at: home)
        }
    }

    /// Starts a shell using `database` in a fresh home and waits for its first prompt.
    static func shell(
        on database: String, server: InfluxServer, environment: [String: String] = [:], width: Int = 120, height: Int = 40
    ) throws -> DatabaseShell {
        let home = try makeHome()
        let session: TerminalSession
        do {
            session = try shell(
                port: server.port, home: home, ["-d", database], environment: environment, width: width, height: height)
        } catch {
            try? FileManager.default.removeItem(at: home)
            throw error
        }
        let shell = DatabaseShell(session: session, home: home, prompt: "\(database)> ")
        #expect(session.wait(for: shell.prompt).matched, "the prompt (is tmux installed?)")
        return shell
    }

    @Test func queriesCompletionAndHistoryOnATerminal() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase("tabcompletesadatabase")
        let client = try InfluxClient(host: "127.0.0.1", port: server.port, database: database)
        try client.write(lines: ["temperature_probe,room=hall humidity_pct=41.5,celsius=19.25 1000000000",
                                 "temperature_probe,room=attic humidity_pct=55,celsius=23.5 2000000000"])
        let user = "shelluser\(UInt32.random(in: 0..<1_000_000))"
        let home = try Self.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }

        let session = try Self.shell(port: server.port, home: home)
        defer { session.close() }
        #expect(session.wait(for: "Connected to http://127.0.0.1:\(server.port) version").matched, "banner (is tmux installed?)")
        #expect(session.wait(for: "leaves\n>").matched, "the first prompt")

        // Tab completes the database name after `use`.
        try session.type("use \(database.dropLast(2))")
        try session.press("Tab")
        #expect(session.wait(for: "use \(database)").matched)
        try session.press("Enter")
        let prompt = "\(database)> "
        #expect(session.wait(for: prompt).matched)
        /// Types `line` and Enter, then waits for the next prompt (typing ahead of the prompt
        /// would race with libedit's redisplay).
        func enter(_ line: String, waitForPrompt: Bool = true) throws {
            let prompts = session.screen().components(separatedBy: prompt).count - 1
            try session.type(line)
            try session.press("Enter")
            if waitForPrompt { #expect(session.wait(for: prompt, count: prompts + 1).matched, "prompt after \(line)") }
        }

        // A measurement after FROM, a field key after WHERE.
        try enter("format table")
        try session.type("SELECT * FROM temperature_pr")
        try session.press("Tab")
        #expect(session.wait(for: "FROM temperature_probe").matched)
        try session.type(" WHERE humidity_p")
        try session.press("Tab")
        #expect(session.wait(for: "WHERE humidity_pct").matched)
        try enter(" > 50")
        var shown = session.wait(for: "23.5")
        #expect(shown.matched, "the query printed its row")
        #expect(shown.screen.contains("│ time"), "a table with box-drawing lines")
        #expect(!shown.screen.contains("19.25"), "the WHERE clause was sent")

        // A statement over two lines runs once complete.
        try enter("SELECT celsius", waitForPrompt: false)
        #expect(session.wait(for: "-> ").matched, "the continuation prompt")
        try enter("FROM temperature_probe WHERE room = 'hall'")
        #expect(session.wait(for: "19.25").matched)

        // Ctrl-C at the prompt drops the line typed so far.
        try session.type("SHOW GARBAGE")
        #expect(session.wait(for: "SHOW GARBAGE").matched)
        let prompts = session.screen().components(separatedBy: prompt).count - 1
        try session.press("C-c")
        #expect(session.wait(for: prompt, count: prompts + 1).matched, "a fresh prompt")
        try enter("SHOW MEASUREMENTS")
        shown = session.wait(for: "name: measurements")
        #expect(shown.matched)
        #expect(!shown.screen.contains("ERR"), "nothing failed: \(shown.screen)")

        // A password never reaches the history file.
        try enter("CREATE USER \(user) WITH PASSWORD 'Sekrit-Word-9'")
        try enter("SHOW USERS")
        #expect(session.wait(for: "│ \(user)").matched, "the user's row (saved in the history before it ran)")
        session.close()

        let historyFile = home.appendingPathComponent(".influxkit_history")
        let saved = try String(contentsOf: historyFile, encoding: .utf8)
        #expect(!saved.contains("Sekrit-Word-9"))
        #expect(saved.contains("SELECT celsius FROM temperature_probe WHERE room = 'hall'\n"))
        #expect(saved.contains("SHOW USERS\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: historyFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // The history survives a restart: Up brings back the last entry.
        let again = try Self.shell(port: server.port, home: home)
        defer { again.close() }
        #expect(again.wait(for: "leaves\n>").matched, "the first prompt")
        try again.press("Up")
        #expect(again.wait(for: "> SHOW USERS").matched)
        try again.press("C-u")
        try again.type("history")
        try again.press("Enter")
        #expect(again.wait(for: "use \(database)").matched)
    }

    @Test func ctrlCCancelsARunningQueryAndTheShellGoesOn() throws {
        let pieces = [
            #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1,10]],"partial":true}],"partial":true}]}"# + "\n",
            #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[2,20]]}]}]}"# + "\n",
        ]
        let peer = try HTTPPeer(.stream, queryBody: pieces)
        defer { peer.stop() }
        let home = try Self.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let session = try Self.shell(port: peer.port, home: home, ["-d", "db", "--format", "csv"])
        defer { session.close() }
        #expect(session.wait(for: "db> ").matched, "the prompt (is tmux installed?)")

        try session.type("SELECT v FROM m")
        try session.press("Enter")
        #expect(session.wait(for: "m,1,10").matched, "the first chunk printed as it arrived")
        try session.press("C-c")
        let shown = session.wait(for: "ERR: cancelled")
        #expect(shown.matched, "the request was cancelled: \(shown.screen)")
        #expect(!shown.screen.contains("m,2,20"))
        #expect(session.wait(for: "db> ", count: 2).matched, "the prompt came back")
        try session.type("settings")
        try session.press("Enter")
        #expect(session.wait(for: "chunk size").matched, "the shell goes on")
        #expect(try !peer.events().contains("released"))
    }
}
