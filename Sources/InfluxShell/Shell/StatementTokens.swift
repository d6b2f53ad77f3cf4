/// The tokens of the statement being typed, as far as Tab completion needs them: words
/// (keywords and names, dots included, so `db.rp.m` is one word), quoted names, strings and
/// symbols. Only the statement after the last `;` counts.
struct StatementTokens {
    /// One token.
    enum Token: Equatable {
        /// A keyword or an unquoted name, as typed.
        case word(String)
        /// A name in double quotes, without them.
        case quotedName(String)
        /// A string in single quotes, without them.
        case string(String)
        /// Punctuation or an operator (`=`, `!=`, `=~`, `,`, `(`…).
        case symbol(String)

        /// The lower-cased text of a word; `nil` for other tokens.
        var keyword: String? {
            if case let .word(text) = self { return text.lowercased() }
            return nil
        }

        /// The name a word or quoted name stands for.
        var name: String? {
            switch self {
            case let .word(text), let .quotedName(text): return text
            default: return nil
            }
        }
    }

    /// The tokens, in order.
    private(set) var tokens: [Token] = []
    /// Whether the text ends inside a single-quoted string (the cursor is in a string).
    private(set) var inString = false
    /// Whether the text ends inside a double-quoted name (its token is left out).
    private(set) var inName = false

    init(_ text: String) {
        var index = text.startIndex
        func take(while predicate: (Character) -> Bool) -> String {
            let start = index
            while index < text.endIndex, predicate(text[index]) { index = text.index(after: index) }
            return String(text[start..<index])
        }
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if Self.isWordCharacter(character) {
                tokens.append(.word(take(while: Self.isWordCharacter)))
            } else if character == "'" || character == "\"" {
                index = text.index(after: index)
                var content = ""
                var closed = false
                while index < text.endIndex {
                    let next = text[index]
                    index = text.index(after: index)
                    if next == "\\", index < text.endIndex {
                        content.append(text[index])
                        index = text.index(after: index)
                    } else if next == character {
                        closed = true
                        break
                    } else {
                        content.append(next)
                    }
                }
                if character == "'" {
                    tokens.append(.string(content))
                    inString = !closed
                } else if closed {
                    tokens.append(.quotedName(content))
                } else {
                    inName = true
                }
            } else if character == ";" {
                tokens.removeAll()
                index = text.index(after: index)
            } else {
                index = text.index(after: index)
                var symbol = String(character)
                if index < text.endIndex, ["!=", "<>", "<=", ">=", "=~", "!~"].contains(symbol + String(text[index])) {
                    symbol.append(text[index])
                    index = text.index(after: index)
                }
                tokens.append(.symbol(symbol))
            }
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "."
    }

    /// The measurement the statement reads (the first one after `FROM`) and the database it
    /// names, if any: `db.rp.m` and `db..m` name one, `rp.m` and `m` do not.
    var source: (database: String?, measurement: String)? {
        guard let from = tokens.firstIndex(where: { $0.keyword == "from" }), from + 1 < tokens.count else { return nil }
        switch tokens[from + 1] {
        case let .quotedName(name): return (nil, name)
        case let .word(text):
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let measurement = parts.last, !measurement.isEmpty else { return nil }
            return (parts.count == 3 && !parts[0].isEmpty ? parts[0] : nil, measurement)
        default: return nil
        }
    }
}
