import InfluxKit
@testable import InfluxShell
import Testing

/// Escape sequences in data (a value, a series or column name, a tag, a server message) show
/// escaped in the human formats on a terminal, and stay exact in the machine formats.
@Suite struct TerminalEscapeTests {
    /// `ESC ]0;pwned BEL` retitles a terminal; `ESC [2J` clears it; U+009B is a one-character CSI.
    static let body = #"""
        {"results":[{"statement_id":0,"series":[{"name":"m\u001b[2J","tags":{"k":"\u001b]0;t\u0007"},"columns":["time","v\u001b[1m"],"values":[[1,"a\u001b]0;pwned\u0007b"],[2,"c\u009bd\r"],[3,"del\u007f"]]}],"messages":[{"level":"warning","text":"w\u001b[31m"}]}]}

        """#

    @Test(arguments: [OutputFormat.column, .table, .vertical])
    func humanFormatsOnATerminalEscapeControlCharacters(_ format: OutputFormat) throws {
        for text in [try renderedRaw(format.makeRenderer(terminal: true), Self.body),
                     try renderedDecoded(format.makeRenderer(terminal: true), Self.body)] {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x7F || $0 == "\r" },
                    "\(format): \(text.debugDescription)")
            for escaped in [#"a\x1b]0;pwned\x07b"#, #"c\u{9b}d\r"#, #"del\x7f"#, #"m\x1b[2J"#, #"\x1b]0;t\x07"#, #"v\x1b[1m"#, #"w\x1b[31m"#] {
                #expect(text.contains(escaped), "\(format): \(escaped) missing from \(text)")
            }
        }
    }

    @Test(arguments: [OutputFormat.column, .table, .vertical])
    func humanFormatsElsewhereKeepTheBytes(_ format: OutputFormat) throws {
        let text = try renderedRaw(format.makeRenderer(terminal: false), Self.body)
        #expect(text.contains("a\u{1B}]0;pwned\u{07}b"))
    }

    @Test(arguments: [OutputFormat.csv, .json, .jsonl])
    func machineFormatsStayExactOnATerminal(_ format: OutputFormat) throws {
        let onTerminal = try renderedRaw(format.makeRenderer(terminal: true), Self.body)
        let elsewhere = try renderedRaw(format.makeRenderer(terminal: false), Self.body)
        #expect(onTerminal == elsewhere)
        #expect(!onTerminal.contains(#"\x1b"#))
    }

    @Test func escapes() {
        #expect(TerminalText.escaped("plain ☃") == "plain ☃")
        #expect(TerminalText.escaped("a\u{1B}[2Jb\tc\nd\u{0}") == #"a\x1b[2Jb\tc\nd\x00"#)
        #expect(TerminalText.escaped("x\u{9B}y\u{A0}z") == "x\\u{9b}y\u{A0}z")
        #expect(TerminalText.escaped("two\nlines\tand \u{1B}", keepingLineBreaks: true) == "two\nlines\tand \\x1b")
    }
}
