import Foundation
import InfluxKit
import Testing

/// libedit is not linked: the shell loads it when it starts on a terminal. Without it the
/// terminal shell says what is missing, and everything else (scripts, one-shot commands) runs.
extension ShellTerminalTests {
    /// A directory holding an empty `libedit.so.2`: first on `LD_LIBRARY_PATH`, it is the file the
    /// loader finds, and it cannot be loaded ("file too short"), as with a missing or broken libedit.
    static func brokenLibedit() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-nolibedit-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data().write(to: directory.appendingPathComponent("libedit.so.2"))
        return directory
    }

    @Test func withoutLibeditTheTerminalShellSaysWhatIsMissingAndFails() throws {
        let server = try InfluxServer.shared()
        let libraries = try Self.brokenLibedit()
        let home = try Self.makeHome()
        defer {
            try? FileManager.default.removeItem(at: libraries)
            try? FileManager.default.removeItem(at: home)
        }
        // Through sh, for the exit status (tmux's "Pane is dead" line may never come under load).
        let command = "'\(CommandLineTests.binary.path)' --host 127.0.0.1 --port \(server.port); echo \"status=$?\""
        let session = try TerminalSession(
            "/bin/sh", arguments: ["-c", command], environment: ["HOME": home.path, "LD_LIBRARY_PATH": libraries.path])
        defer { session.close() }
        let shown = session.wait(seconds: 60) { $0.contains("status=") }
        #expect(shown.matched, "\(shown.screen)")
        let lines = shown.screen.split(separator: "\n").map(String.init)
        let error = lines.filter { $0.hasPrefix("ERR: ") }
        #expect(error.count == 1, "one error line: \(shown.screen)")
        #expect(error.first?.contains("libedit.so.2: file too short") == true, "what could not be loaded: \(shown.screen)")
        #expect(error.first?.contains("apt install libedit2") == true, "how to install it: \(shown.screen)")
        #expect(lines.contains("status=1"), "\(shown.screen)")
        #expect(!shown.screen.contains("Connected to"), "no banner, no prompt: \(shown.screen)")
    }

    @Test func withoutLibeditScriptsAndOneShotCommandsRun() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let libraries = try Self.brokenLibedit()
        defer { try? FileManager.default.removeItem(at: libraries) }
        let environment = ["LD_LIBRARY_PATH": libraries.path]

        let script = try CommandLineTests.influxkit(
            ["shell"] + CommandLineTests.connection(server), input: "SHOW RETENTION POLICIES ON \(database)\n", environment: environment)
        #expect(script.status == 0, "\(script.stderr)")
        #expect(script.stdout.contains("autogen"), "\(script.stdout)")

        let query = try CommandLineTests.influxkit(
            ["query", "SHOW RETENTION POLICIES ON \(database)"] + CommandLineTests.connection(server), environment: environment)
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.contains("autogen"), "\(query.stdout)")
    }

    @Test func aOneShotQueryAndAScriptDoNotLoadLibedit() throws {
        let server = try InfluxServer.shared()
        // The loader lists every library it loads with LD_DEBUG=libs (on standard error).
        let environment = ["LD_DEBUG": "libs"]
        let query = try CommandLineTests.influxkit(["query", "SHOW DATABASES"] + CommandLineTests.connection(server), environment: environment)
        let script = try CommandLineTests.influxkit(["shell"] + CommandLineTests.connection(server), input: "SHOW DATABASES\n", environment: environment)
        for run in [query, script] {
            #expect(run.status == 0)
            #expect(run.stderr.contains("libcurl"), "the loader's list")
            #expect(!run.stderr.contains("libedit"))
            #expect(!run.stderr.contains("libbsd"))
        }
    }
}
