import InfluxKit

/// Cuts typed lines into statements, the way the shell decides whether Enter runs what was typed.
///
/// A `;` outside quotes and parentheses ends a statement. At the end of a line the text since the
/// last `;` runs as a statement too, unless it is incomplete: an open quote (`'`, `"`) or
/// parenthesis, a trailing comma, operator (`+ - * / % = < > ! ~ & | ^`) or keyword (`AND`, `OR`, `WHERE`, `BY`…), or a
/// `SELECT` without a `FROM` yet. Incomplete text waits for the next line (the continuation prompt).
public struct StatementSplitter: Sendable {
    /// The text of an incomplete statement carried over from earlier lines.
    public private(set) var pending = ""
    /// The quote and parenthesis state at the end of `pending`, and what `pending` looks like, so
    /// each line is scanned once however long the statement grows.
    private var scan = Scan()
    private var shape = Shape()

    /// Creates a splitter with nothing pending.
    public init() {}

    /// Whether an incomplete statement waits for more lines.
    public var isContinuing: Bool { !pending.isEmpty }

    /// Adds one typed line; returns the statements it completes, in order, trimmed and without `;`.
    public mutating func add(line: String) -> [String] {
        var text = ""
        swap(&text, &pending)
        let resume = text.utf8.count
        if !text.isEmpty { text.append("\n") }
        text.append(line)
        let added = text.utf8.index(text.startIndex, offsetBy: resume)
        var statements: [String] = []
        var start = text.startIndex
        var index = added
        while index < text.endIndex {
            let character = text[index]
            if scan.endsStatement(character) {
                appendTrimmed(text[start..<index], to: &statements)
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        if start == text.startIndex {
            shape.take(text[added...])
        } else {
            shape = Shape()
            shape.take(text[start...])
        }
        if !shape.isBlank && (scan.isOpen || shape.isIncomplete) {
            pending = start == text.startIndex ? text : String(text[start...])
        } else {
            if !shape.isBlank { appendTrimmed(text[start...], to: &statements) }
            scan = Scan()
            shape = Shape()
        }
        return statements
    }

    /// Ends the input: returns the pending text as a last statement (the server reports what is
    /// wrong with it), and forgets it.
    public mutating func finish() -> String? {
        defer { reset() }
        let statement = pending.trimmingWhitespace()
        return statement.isEmpty ? nil : statement
    }

    /// Forgets the pending text (Ctrl-C at a continuation prompt).
    public mutating func reset() {
        pending = ""
        scan = Scan()
        shape = Shape()
    }

    private func appendTrimmed(_ text: Substring, to statements: inout [String]) {
        let trimmed = String(text).trimmingWhitespace()
        if !trimmed.isEmpty { statements.append(trimmed) }
    }

    /// Whether `text`, outside any quote or parenthesis, needs more input.
    static func isIncomplete(_ text: String) -> Bool {
        var shape = Shape()
        shape.take(text[...])
        return shape.isIncomplete
    }

    /// Keywords a complete statement never ends with.
    static let continuingWords: Set = ["and", "or", "not", "where", "by", "from", "select", "group", "order"]

    /// What ``isIncomplete(_:)`` looks at in a text, gathered as the text grows: its last
    /// non-blank character, its first, last and `from` words (lower-cased identifiers and
    /// keywords; each quoted string or name is one word, its quote character) and its number of `/`.
    private struct Shape: Sendable {
        var quote: Character?
        var current = ""
        var firstWord: String?
        var lastWord: String?
        var hasFrom = false
        var slashes = 0
        var last: Character?

        /// Whether the text holds nothing but white space.
        var isBlank: Bool { last == nil }

        /// Takes the next characters of the text.
        mutating func take(_ text: Substring) {
            for character in text {
                if character == "/" { slashes += 1 }
                if !character.isWhitespace { last = character }
                if let open = quote {
                    if character == open {
                        quote = nil
                        add(String(open))
                    }
                    continue
                }
                if character == "'" || character == "\"" {
                    quote = character
                } else if character.isLetter || character.isNumber || character == "_" {
                    current.append(character)
                    continue
                }
                if !current.isEmpty { add(current.lowercased()) }
                current = ""
            }
        }

        private mutating func add(_ word: String) {
            if firstWord == nil { firstWord = word }
            lastWord = word
            if word == "from" { hasFrom = true }
        }

        /// The rule of ``StatementSplitter/isIncomplete(_:)``.
        var isIncomplete: Bool {
            guard let last else { return false }
            // A closing `/` ends a regular expression (`=~ /web.*/`) when the slashes pair up.
            if last == "/" { return slashes % 2 == 1 }
            if ",+-*%=<>!~&|^".contains(last) { return true }
            let tail = current.isEmpty ? nil : current.lowercased()
            if let final = tail ?? lastWord, StatementSplitter.continuingWords.contains(final) { return true }
            return (firstWord ?? tail) == "select" && !(hasFrom || tail == "from")
        }
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
