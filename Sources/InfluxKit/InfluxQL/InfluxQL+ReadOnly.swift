extension InfluxQL {
    /// Whether every statement of `query` only reads: `SELECT` without `INTO`, `SHOW`, `EXPLAIN`.
    ///
    /// Only such queries are tried again after a timeout or a 5xx answer: a statement that
    /// changes something (`SELECT … INTO`, `DELETE`, `DROP`, `CREATE`, `GRANT`, `KILL`…) may have
    /// run although its answer was lost, and running it twice is not always harmless. Comments
    /// count as white space; words in quotes, regular expressions and comments do not count; a
    /// statement that does not start with a word is not taken for a reading one.
    public static func isReadOnly(_ query: String) -> Bool {
        var atStatementStart = true
        var word = ""
        var readOnly = true
        func finishWord() {
            defer { word = "" }
            guard !word.isEmpty else { return }
            let upper = word.uppercased()
            if upper == "INTO" { readOnly = false }
            if atStatementStart {
                atStatementStart = false
                if upper != "SELECT" && upper != "SHOW" && upper != "EXPLAIN" { readOnly = false }
            }
        }
        var scanner = InfluxQLScanner()
        scanner.scan(query) { _, character, part in
            if part == .code && (character.isLetter || character == "_" || (character.isNumber && !word.isEmpty)) {
                word.append(character)
                return
            }
            finishWord()
            switch part {
            case .comment:
                break
            case .code where character == ";":
                atStatementStart = true
            case .code where character.isWhitespace:
                break
            case .code, .quoted, .regex:
                if atStatementStart { readOnly = false }
                atStatementStart = false
            }
        }
        finishWord()
        return readOnly
    }
}
