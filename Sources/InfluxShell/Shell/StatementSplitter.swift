import InfluxKit

/// Cuts typed lines into statements, the way the shell decides whether Enter runs what was typed.
///
/// A `;` in code (outside quotes, regular expressions, comments and parentheses) ends a
/// statement. At the end of a line the text since the last `;` runs as a statement too, unless it
/// is incomplete: an open quote (`'`, `"`), `/*` comment or parenthesis, a trailing comma,
/// operator (`+ - * / % = < > ! ~ & | ^`, but not a `*` that stands for all columns or tags, as
/// in `SELECT *` or `GROUP BY *`) or keyword (`AND`, `OR`, `WHERE`, `BY`…), a `SELECT` without a
/// `FROM` yet, or a `CREATE CONTINUOUS QUERY` without its final `END`. Incomplete text waits for
/// the next line (the continuation prompt); an empty line runs it as it is, unless it is inside
/// quotes or a `/*` comment (where an empty line is part of the text).
/// Comments count as white space: text that is only comments is no statement and is not run;
/// a statement keeps its comments (the server skips them).
public struct StatementSplitter: Sendable {
    /// The text of an incomplete statement carried over from earlier lines.
    public private(set) var pending = ""
    /// Where the scanner is at the end of `pending`, and what `pending` looks like, so each line
    /// is scanned once however long the statement grows.
    private var scanner = InfluxQLScanner()
    private var shape = Shape()

    /// Creates a splitter with nothing pending.
    public init() {}

    /// Whether an incomplete statement waits for more lines.
    public var isContinuing: Bool { !pending.isEmpty }

    /// Adds one typed line; returns the statements it completes, in order, trimmed and without `;`.
    public mutating func add(line: String) -> [String] {
        if isContinuing && !scanner.isOpen && line.allSatisfy(\.isWhitespace) {
            return finish().map { [$0] } ?? []
        }
        var text = ""
        swap(&text, &pending)
        let resume = text.utf8.count
        if !text.isEmpty { text.append("\n") }
        text.append(line)
        var statements: [String] = []
        var start = text.startIndex
        var index = text.utf8.index(text.startIndex, offsetBy: resume)
        while index < text.endIndex {
            let character = text[index]
            let following = text.index(after: index)
            let part = scanner.take(character, followedBy: following < text.endIndex ? text[following] : nil)
            if part == .code && character == ";" && shape.depth == 0 {
                if !shape.isBlank { statements.append(String(text[start..<index]).trimmingWhitespace()) }
                start = following
                shape = Shape()
            } else {
                shape.take(character, as: part)
            }
            index = following
        }
        if scanner.isOpen || shape.isIncomplete {
            pending = start == text.startIndex ? text : String(text[start...])
        } else {
            if !shape.isBlank { statements.append(String(text[start...]).trimmingWhitespace()) }
            scanner = InfluxQLScanner()
            shape = Shape()
        }
        return statements
    }

    /// Ends the input: returns the pending text as a last statement (the server reports what is
    /// wrong with it), and forgets it; `nil` when it holds no statement (only an open comment).
    public mutating func finish() -> String? {
        defer { reset() }
        let statement = pending.trimmingWhitespace()
        return shape.isBlank ? nil : statement
    }

    /// Forgets the pending text (Ctrl-C at a continuation prompt).
    public mutating func reset() {
        pending = ""
        scanner = InfluxQLScanner()
        shape = Shape()
    }

    /// Keywords a complete statement never ends with.
    static let continuingWords: Set = ["and", "or", "not", "where", "by", "from", "select", "group", "order"]

    /// The first words of a statement that ends only at its `END`.
    static let continuousQuery = ["create", "continuous", "query"]

    /// What tells whether a statement is complete, gathered as its text grows: its depth of
    /// parentheses, its last code character other than white space, its first three, last and
    /// `from` words (lower-cased identifiers and keywords; a quoted string or name or a regular
    /// expression is the word `'`). Comments count as white space.
    private struct Shape: Sendable {
        var depth = 0
        var current = ""
        var firstWords: [String] = []
        var firstWord: String? { firstWords.first }
        var lastWord: String?
        var hasFrom = false
        /// Whether the last `*` stands for all columns or tags (after `SELECT`, `BY`, `(` or `,`,
        /// or first), not for a multiplication.
        var starIsWildcard = false
        /// The last character that is not white space or a comment; `nil` while there is none.
        var last: Character?
        /// The part `last` belongs to.
        var lastPart = InfluxQLScanner.Part.code

        /// Whether the text holds nothing but white space and comments.
        var isBlank: Bool { last == nil }

        /// Takes the next character of the text, which is `part` of it.
        mutating func take(_ character: Character, as part: InfluxQLScanner.Part) {
            if part == .code && (character.isLetter || character.isNumber || character == "_") {
                current.append(character)
                last = character
                lastPart = part
                return
            }
            if !current.isEmpty { add(current.lowercased()) }
            current = ""
            switch part {
            case .comment:
                return
            case .quoted, .regex:
                add("'")  // all the same word: a string, a name or a regular expression
            case .code:
                if character == "(" { depth += 1 }
                if character == ")" { depth = max(depth - 1, 0) }
                if character.isWhitespace { return }
                if character == "*" { starIsWildcard = followsListStart }
            }
            last = character
            lastPart = part
        }

        /// Whether the text so far ends where a list of columns or tags starts or goes on: first,
        /// after `(`, `,`, `SELECT` or `BY`.
        private var followsListStart: Bool {
            guard let last else { return true }
            guard lastPart == .code else { return false }
            if last == "(" || last == "," { return true }
            return (last.isLetter || last == "_") && ["select", "by"].contains(lastWord)
        }

        private mutating func add(_ word: String) {
            if firstWords.count < 3 { firstWords.append(word) }
            lastWord = word
            if word == "from" { hasFrom = true }
        }

        /// Whether the text needs more input: the rule of ``StatementSplitter``. Blank text never does.
        var isIncomplete: Bool {
            guard let last else { return false }
            if depth > 0 { return true }
            if lastPart == .code && ",+-*/%=<>!~&|^".contains(last) && !(last == "*" && starIsWildcard) { return true }
            let tail = current.isEmpty ? nil : current.lowercased()
            // The word the text ends with, if it ends with one (not with a symbol after it).
            let endsInWord = lastPart == .code && (last.isLetter || last.isNumber || last == "_")
            let final = tail ?? (endsInWord ? lastWord : nil)
            if let final, StatementSplitter.continuingWords.contains(final) { return true }
            let words = tail.map { firstWords.count < 3 ? firstWords + [$0] : firstWords } ?? firstWords
            if words == StatementSplitter.continuousQuery { return final != "end" }
            return (firstWord ?? tail) == "select" && !(hasFrom || tail == "from")
        }
    }
}
