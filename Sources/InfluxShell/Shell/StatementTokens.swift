import InfluxKit

/// The tokens of the statement being typed, as far as Tab completion needs them: words
/// (keywords and names, dots included, so `db.rp.m` is one word), quoted names, strings,
/// regular expressions and symbols. Comments are skipped; only the statement after the last
/// `;` counts.
struct StatementTokens {
    /// One token.
    enum Token: Equatable {
        /// A keyword or an unquoted name, as typed.
        case word(String)
        /// A name in double quotes, without them.
        case quotedName(String)
        /// A string in single quotes, without them.
        case string(String)
        /// A regular expression as typed, its slashes included.
        case regex(String)
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
        var tokens: [Token] = []
        var word = ""
        var literal = ""  // a string, name or regular expression being read, as typed
        var joinsSymbol = false  // whether the last token is a one-character symbol just read
        func finish() {
            if !word.isEmpty { tokens.append(.word(word)) }
            if !literal.isEmpty { tokens.append(Self.literal(literal, closed: true)) }
            word = ""
            literal = ""
        }
        var scanner = InfluxQLScanner()
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let following = text.index(after: index)
            let wasInQuotes = scanner.isInString || scanner.isInName
            let part = scanner.take(character, followedBy: following < text.endIndex ? text[following] : nil)
            index = following
            let joins = joinsSymbol
            joinsSymbol = false
            switch part {
            case .quoted, .regex:
                if literal.isEmpty || (part == .quoted && !wasInQuotes) { finish() }
                literal.append(character)
            case .comment:
                finish()
            case .code where character == ";":
                finish()
                tokens.removeAll()
            case .code where character.isWhitespace:
                finish()
            case .code where Self.isWordCharacter(character):
                if !literal.isEmpty { finish() }
                word.append(character)
            case .code:
                finish()
                if joins, case let .symbol(first) = tokens.last, Self.pairs.contains(first + String(character)) {
                    tokens[tokens.count - 1] = .symbol(first + String(character))
                } else {
                    tokens.append(.symbol(String(character)))
                    joinsSymbol = true
                }
            }
        }
        inString = scanner.isInString
        inName = scanner.isInName
        if inName { literal = "" }
        if !literal.isEmpty {
            tokens.append(Self.literal(literal, closed: !inString))
            literal = ""
        }
        finish()
        self.tokens = tokens
    }

    /// The symbols of two characters.
    private static let pairs: Set = ["!=", "<>", "<=", ">=", "=~", "!~"]

    /// The token of a string, name or regular expression as typed (`'it\'s'`, `/a.*/`). A
    /// string or name loses its quotes (the closing one only when `closed`), and each backslash
    /// escape in it becomes the character it escapes.
    private static func literal(_ typed: String, closed: Bool) -> Token {
        let delimiter = typed.first
        if delimiter == "/" { return .regex(typed) }
        let inner = typed.dropFirst().dropLast(closed && typed.count > 1 ? 1 : 0)
        var content = ""
        var escaped = false
        for character in inner {
            if !escaped && character == "\\" {
                escaped = true
            } else {
                content.append(character)
                escaped = false
            }
        }
        return delimiter == "'" ? .string(content) : .quotedName(content)
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
