import Foundation
import InfluxKit
import Testing

/// The server going away in the middle of a session, and coming back.
extension ShellTerminalTests {
    @Test func aLostConnectionIsReportedAndTheNextStatementReconnects() throws {
        let first = try InfluxServer.start()
        let port = first.port
        let home = try Self.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let session = try Self.shell(port: port, home: home)
        defer { session.close() }
        #expect(session.wait(for: "leaves\n> ").matched, "the prompt (is tmux installed?)")
        func run(_ statement: String, prompts: Int) throws -> String {
            try session.type(statement)
            try session.press("Enter")
            let shown = session.wait(for: "\n> ", count: prompts)
            #expect(shown.matched, "the prompt after \(statement)")
            return shown.screen
        }
        #expect(try run("CREATE DATABASE before_the_loss", prompts: 2).contains("ERR") == false)

        first.stop()
        let lost = try run("SHOW DATABASES", prompts: 3)
        #expect(lost.contains("ERR: cannot connect to http://127.0.0.1:\(port): connection refused\n"), "\(lost)")

        let second = try InfluxServer.start(port: port)
        defer { second.stop() }
        try InfluxClient(host: "127.0.0.1", port: port).createDatabase("after_the_return")
        let back = try run("SHOW DATABASES", prompts: 4)
        #expect(back.contains("after_the_return"), "the shell reconnected: \(back)")
        #expect(back.components(separatedBy: "ERR:").count - 1 == 1, "one error only")
    }
}
