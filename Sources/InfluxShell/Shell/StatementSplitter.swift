/// Cuts typed lines into statements, the way the shell decides whether Enter runs what was typed.
///
/// A `;` outside quotes and parentheses ends a statement. At the end of a line the text since the
/// last `;` runs as a statement too, unless it is incomplete: an open quote (`'`, `"`) or
/// parenthesis, a trailing comma, operator (`+ - * / % = < > ! ~ & | ^`) or keyword (`AND`, `OR`, `WHERE`, `BY`…), or a
/// `SELECT` without a `FROM` yet. Incomplete text waits for the next line (the continuation prompt).
public struct StatementSplitter: Sendable {
    /// The text of an incomplete statement carried over from earlier lines.
    public private(set) var pending = ""

    /// Creates a splitter with nothing pending.
    public init() {}

    /// Whether an incomplete statement waits for more lines.
    public var isContinuing: Bool { !pending.isEmpty }

    /// Adds one typed line; returns the statements it completes, in order, trimmed and without `;`.
    public mutating func add(line: String) -> [String] {
        let text = pending.isEmpty ? line : pending + "\n" + line
        var statements: [String] = []
        var scan = Scan()
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if scan.endsStatement(character) {
                appendTrimmed(text[start..<index], to: &statements)
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        let rest = String(text[start...])
        if scan.isOpen || Self.isIncomplete(rest) {
            pending = rest.allSatisfy(\.isWhitespace) ? "" : rest
        } else {
            pending = ""
            appendTrimmed(rest[...], to: &statements)
        }
        return statements
    }

    /// Ends the input: returns the pending text as a last statement (the server reports what is
    /// wrong with it), and forgets it.
    public mutating func finish() -> String? {
        defer { pending = "" }
        let statement = pending.trimmingWhitespace()
        return statement.isEmpty ? nil : statement
    }

    /// Forgets the pending text (Ctrl-C at a continuation prompt).
    public mutating func reset() {
        pending = ""
    }

    private func appendTrimmed(_ text: Substring, to statements: inout [String]) {
        let trimmed = String(text).trimmingWhitespace()
        if !trimmed.isEmpty { statements.append(trimmed) }
    }

    /// Whether `text`, outside any quote or parenthesis, needs more input.
    static func isIncomplete(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace()
        guard let last = trimmed.last else { return false }
        // A closing `/` ends a regular expression (`=~ /web.*/`) when the slashes pair up.
        if last == "/" { return trimmed.filter { $0 == "/" }.count % 2 == 1 }
        if ",+-*%=<>!~&|^".contains(last) { return true }
        let words = Self.words(of: trimmed)
        if let final = words.last, Self.continuingWords.contains(final) { return true }
        return words.first == "select" && !words.contains("from")
    }

    /// Keywords a complete statement never ends with.
    static let continuingWords: Set = ["and", "or", "not", "where", "by", "from", "select", "group", "order"]

    /// The lower-cased words of `text` (identifiers and keywords); each quoted string or name
    /// is one word, its quote character.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open {
                    quote = nil
                    words.append(String(open))  // a quoted name or string counts as one word
                }
                continue
            }
            if character == "'" || character == "\"" {
                quote = character
            } else if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
                continue
            }
            if !current.isEmpty { words.append(current.lowercased()) }
            current = ""
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    /// Quote and parenthesis state while scanning.
    private struct Scan {
        var quote: Character?
        var escaped = false
        var depth = 0

        var isOpen: Bool { quote != nil || depth > 0 }

        /// Takes one character; returns true for a `;` that ends a statement.
        mutating func endsStatement(_ character: Character) -> Bool {
            if let open = quote {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
                return false
            }
            switch character {
            case "'", "\"": quote = character
            case "(": depth += 1
            case ")": depth = max(depth - 1, 0)
            case ";": return depth == 0
            default: break
            }
            return false
        }
    }
}
