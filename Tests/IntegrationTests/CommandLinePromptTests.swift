import Foundation
import InfluxKit
import Testing

/// The password prompt of `influxkit`, on a terminal made by tmux.
@Suite(.integration)
struct CommandLinePromptTests {
    /// Runs `command` (a shell command line) in a tmux pane of a tmux server of its own (its
    /// socket in a temporary directory); for each exchange, waits until the pane shows `waitFor`
    /// and types `send` and Enter. Returns what the pane showed at the end, what the command
    /// printed (stdout and stderr) and its exit status.
    ///
    /// One shell script does the whole exchange. `timeout --foreground -s KILL` ends an influxkit
    /// that would wait for input forever (processes started from a test thread may have SIGTERM
    /// and SIGHUP blocked, so only SIGKILL is sure to work).
    func runOnTerminal(_ command: String, exchanges: [(waitFor: String, send: String)]) throws -> (screen: String, output: String, status: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-prompt-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let socket = "'\(file("tmux.socket"))'"
        let wrapped = "timeout --foreground -s KILL 20 \(command) > '\(file("out"))' 2>&1; echo $? > '\(file("status"))'; sleep 5"
        let steps = exchanges.map { exchange in
            """
            for i in $(seq 200); do
              tmux -S \(socket) capture-pane -p -t prompt | grep -q '\(exchange.waitFor)' && break
              sleep 0.05
            done
            tmux -S \(socket) send-keys -t prompt '\(exchange.send)' Enter
            """
        }.joined(separator: "\n")
        let script = """
            tmux -S \(socket) new-session -d -s prompt -x 100 -y 10 "$1" || exit 1
            \(steps)
            for i in $(seq 200); do
              [ -s '\(file("status"))' ] && break
              sleep 0.05
            done
            tmux -S \(socket) capture-pane -p -t prompt > '\(file("screen"))'
            tmux -S \(socket) kill-server
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", wrapped]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        func read(_ name: String) -> String { (try? String(contentsOfFile: file(name), encoding: .utf8)) ?? "" }
        return (read("screen"), read("out"), read("status"))
    }

    /// `influxkit query … -u USER` with no password, answering the password prompt.
    func promptedRun(server: InfluxServer, user: String, password: String) throws -> (screen: String, output: String, status: String) {
        try runOnTerminal(
            "env -u INFLUX_PASSWORD -u INFLUX_USERNAME -u INFLUX_TOKEN '\(CommandLineTests.binary.path)' query "
                + "--host 127.0.0.1 --port \(server.port) -u \(user) --format csv 'SHOW USERS'",
            exchanges: [("password for \(user):", password)])
    }

    @Test func aMissingPasswordIsAskedForWithoutEcho() throws {
        let server = try InfluxServer.authenticated()
        let admin = try #require(server.admin)
        let run = try promptedRun(server: server, user: admin.username, password: admin.password)
        #expect(run.screen.contains("password for \(admin.username):"), "the prompt showed (is tmux installed?)")
        #expect(!run.screen.contains(admin.password), "typed without echo")
        #expect(run.status == "0\n")
        #expect(run.output.hasPrefix("user,admin\n"))
        #expect(!run.output.contains(admin.password))

        let wrong = try promptedRun(server: server, user: admin.username, password: "Not-The-Password-1")
        #expect(wrong.status == "4\n")
        #expect(wrong.output.contains("authentication failed"))
        #expect(!wrong.output.contains("Not-The-Password-1"))
    }

    /// `influxkit user create NAME` as the admin, answering both new-password prompts.
    func createUserOnTerminal(server: InfluxServer, user: String, first: String, second: String) throws -> (screen: String, output: String, status: String) {
        let admin = try #require(server.admin)
        return try runOnTerminal(
            "env INFLUX_USERNAME='\(admin.username)' INFLUX_PASSWORD='\(admin.password)' '\(CommandLineTests.binary.path)' "
                + "user create --host 127.0.0.1 --port \(server.port) '\(user)'",
            exchanges: [("new password for \(user):", first), ("new password again:", second)])
    }

    @Test func aNewPasswordIsAskedTwiceWithoutEchoAndWorks() throws {
        let server = try InfluxServer.authenticated()
        let user = "prompted_\(UUID().uuidString.prefix(6).lowercased())"
        let run = try createUserOnTerminal(server: server, user: user, first: "Fresh-Pass-77", second: "Fresh-Pass-77")
        #expect(run.screen.contains("new password again:"), "both prompts showed")
        #expect(!run.screen.contains("Fresh-Pass-77"), "typed without echo")
        #expect(run.status == "0\n", "output: \(run.output)")
        #expect(!run.output.contains("Fresh-Pass-77"))

        var configuration = ClientConfiguration(host: "127.0.0.1", port: server.port)
        configuration.username = user
        configuration.password = "Fresh-Pass-77"
        configuration.retries = 0
        #expect(try InfluxClient(configuration: configuration).query("SHOW DATABASES").first?.error == nil)

        let other = "prompted_\(UUID().uuidString.prefix(6).lowercased())"
        let mismatch = try createUserOnTerminal(server: server, user: other, first: "One-Pass-1", second: "Two-Pass-2")
        #expect(mismatch.status == "64\n")
        #expect(mismatch.output.contains("the two passwords differ"))
        #expect(try !server.client().users().map(\.name).contains(other))
    }
}
