import Foundation
import InfluxKit
import Testing

/// Connection profiles in the shell: the prompt names the profile, `connect NAME` switches to one.
extension ShellTerminalTests {
    @Test func connectTakesAProfileNameAndThePromptShowsIt() throws {
        let server = try InfluxServer.shared()
        let first = try server.createDatabase("profileFirst")
        let second = try server.createDatabase("profileSecond")
        let home = try Self.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let directory = home.appendingPathComponent(".config/influxkit")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try """
            [one]
            url = "http://127.0.0.1:\(server.port)"
            database = "\(first)"

            [two]
            host = "127.0.0.1"
            port = \(server.port)
            database = "\(second)"
            """.write(to: directory.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let session = try TerminalSession(
            CommandLineTests.binary.path, arguments: ["-P", "one"], environment: ["HOME": home.path], width: 120, height: 40)
        defer { session.close() }
        #expect(session.wait(for: "(one) \(first)> ", seconds: 30).matched, "the prompt names the profile: \(session.screen())")

        try session.type("connect two")
        try session.press("Enter")
        #expect(session.wait(for: "(two) \(second)> ", seconds: 30).matched, "connect NAME: \(session.screen())")

        try session.type("connect 127.0.0.1:\(server.port)")
        try session.press("Enter")
        let plain = session.wait(seconds: 30) { screen in
            screen.components(separatedBy: "Connected to").count - 1 == 3
                && screen.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }?.hasPrefix("\(second)> ") == true
        }
        #expect(plain.matched, "connect HOST:PORT leaves the profile: \(plain.screen)")
    }
}
