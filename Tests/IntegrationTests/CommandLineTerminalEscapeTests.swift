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
        // Waits for what it checks, not for tmux's "Pane is dead" line: under load tmux was seen
        // to leave the ended program unreaped, and that line never came.
        let value = #"a\x1b]0;pwned\x07b"#, error = #"bad \x1b[2J thing"#
        let shown = session.wait(seconds: 60) { $0.contains(value) && $0.contains(error) }
        #expect(shown.matched, "\(shown.screen)")
    }
}
