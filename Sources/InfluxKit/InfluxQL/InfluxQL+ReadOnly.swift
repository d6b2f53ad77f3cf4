extension InfluxQL {
    /// Whether every statement of `query` only reads: `SELECT` without `INTO`, `SHOW`, `EXPLAIN`.
    ///
    /// Only such queries are tried again after a timeout or a 5xx answer: a statement that
    /// changes something (`SELECT … INTO`, `DELETE`, `DROP`, `CREATE`, `GRANT`, `KILL`…) may have
    /// run although its answer was lost, and running it twice is not always harmless. Words in
    /// quotes do not count.
    public static func isReadOnly(_ query: String) -> Bool {
        var atStatementStart = true
        var word = ""
        var quote: Character?
        var escaped = false
        func finishWord() -> Bool {
            defer { word = "" }
            guard !word.isEmpty else { return true }
            let upper = word.uppercased()
            if upper == "INTO" { return false }
            if atStatementStart {
                atStatementStart = false
                return upper == "SELECT" || upper == "SHOW" || upper == "EXPLAIN"
            }
            return true
        }
        for character in query {
            if let open = quote {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
                continue
            }
            if character.isLetter || character == "_" || (character.isNumber && !word.isEmpty) {
                word.append(character)
                continue
            }
            guard finishWord() else { return false }
            if character == "'" || character == "\"" {
                quote = character
                atStatementStart = false
            } else if character == ";" {
                atStatementStart = true
            } else if !character.isWhitespace {
                atStatementStart = false
            }
        }
        return finishWord()
    }
}
