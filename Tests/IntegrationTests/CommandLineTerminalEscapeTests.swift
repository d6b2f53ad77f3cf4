import Foundation
import Testing

/// Escape sequences a server sends (in values or error messages) show escaped when `influxkit`
/// prints to a terminal, instead of retitling or clearing it.
@Suite(.integration)
struct CommandLineTerminalEscapeTests {
    @Test func escapeSequencesFromTheServerShowEscapedOnATerminal() throws {
        let answer = #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1,"a\u001b]0;pwned\u0007b"]]}]},{"statement_id":1,"error":"bad \u001b[2J thing"}]}"# + "\n"
        let peer = try HTTPPeer(.influxdb, queryBody: [answer])
        let session = try TerminalSession(
            CommandLineTests.binary.path, arguments: ["query", "--url", peer.url, "SELECT v FROM m; SELECT w FROM m"], environment: [:])
        defer { session.close() }
        // Generous: under the whole suite's load a terminal session can take long to show the end.
        let shown = session.wait(for: "Pane is dead", seconds: 60)
        #expect(shown.matched, "\(shown.screen)")
        #expect(shown.screen.contains(#"a\x1b]0;pwned\x07b"#), "\(shown.screen)")
        #expect(shown.screen.contains(#"bad \x1b[2J thing"#), "\(shown.screen)")
    }
}
