import InfluxKit

/// Fuzzes the shell's statement splitter (compiled into this target from InfluxShell's source).
///
/// The input is typed line by line, then finished. For ASCII input the statements cover it:
/// without comments, white space and `;`, their text joined equals the input's.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatements(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    var splitter = StatementSplitter()
    var statements: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        statements += splitter.add(line: String(line))
    }
    if let last = splitter.finish() { statements.append(last) }
    check(!splitter.isContinuing, "pending text after finish")
    for statement in statements {
        check(!statement.isEmpty && statement.trimmingWhitespace() == statement, "untrimmed statement")
    }
    if bytes.allSatisfy({ $0 < 0x80 }) {
        check(statements.flatMap(essence) == essence(text), "statements do not cover the input")
    }
    return 0
}

/// The bytes of `text` that are not white space, `;` or in a comment. A blank line outside quotes
/// and `/*` comments runs what waits, so the text after it is scanned afresh, as the shell does
/// (after `GROUP BY` and a blank line, `/x` starts a new statement, not a regular expression).
func essence(_ text: String) -> [UInt8] {
    var kept = ""
    var scanner = InfluxQLScanner()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.allSatisfy(\.isWhitespace) && !scanner.isOpen { scanner = InfluxQLScanner() }
        scanner.scan(line + "\n") { _, character, part in
            if part != .comment { kept.append(character) }
        }
    }
    return kept.utf8.filter { $0 > 0x20 && $0 != 0x7F && $0 != UInt8(ascii: ";") }
}
