import Foundation
import InfluxKit
import Testing

extension ShellTerminalTests {
    /// `timing` counts the request and the rendering, not the time the output waits in the
    /// pager: here a pager that holds it until the test lets it go, after at least 8 s.
    @Test func timingLeavesOutTheTimeInThePager() throws {
        let server = try InfluxServer.shared()
        let database = try Self.makePagingDatabase(server)
        let release = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-pager-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: release) }
        let pager = "cat > /dev/null; while [ ! -e \(release.path) ]; do sleep 0.1; done; echo pager-done"
        let shell = try Self.shell(on: database, server: server, environment: ["PAGER": pager], height: 20)
        defer { shell.close() }
        let (session, prompt) = (shell.session, shell.prompt)

        try session.type("timing")
        try session.press("Enter")
        #expect(session.wait(for: prompt, count: 2).matched)
        try session.type("SELECT value FROM tall")
        try session.press("Enter")
        let held = Date()
        Thread.sleep(forTimeInterval: 8)
        FileManager.default.createFile(atPath: release.path, contents: nil)
        let shown = session.wait(for: prompt, count: 3, seconds: 60)
        #expect(shown.matched, "\(shown.screen)")
        #expect(shown.screen.contains("pager-done"), "the output went through the pager")
        let heldMilliseconds = Date().timeIntervalSince(held) * 1000
        let line = try #require(shown.screen.split(separator: "\n").last { $0.hasPrefix("60 rows, ") }, "\(shown.screen)")
        let milliseconds = try #require(Double(line.split(separator: " ").dropLast().last ?? ""), "\(line)")
        #expect(heldMilliseconds >= 8000)
        #expect(milliseconds < 8000, "the 8 s or more in the pager are not counted: \(line)")
    }
}
