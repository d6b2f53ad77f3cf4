/// Tells, character by character, what each character of InfluxQL text is part of: code, a
/// quoted string or name, a regular expression or a comment. The one place that knows InfluxQL's
/// quotes, escapes, regular expressions and comments, for ``InfluxQL/isReadOnly(_:)``,
/// ``InfluxQL/containsStatement(_:)`` and the shell's statement splitter and completion.
///
/// The rules, as influxd 1.6.7 reads a query:
/// - `'` and `"` open a string or a name that runs to the same quote; a backslash escapes the
///   character after it.
/// - `--` starts a comment that runs to the end of the line; `/*` one that runs to the next `*/`
///   (they do not nest). Anywhere in code: `a--1` is `a` and a comment.
/// - Where the server's parser expects a regular expression, a `/` opens one that runs to the
///   next `/` not preceded by a backslash (`/a\/b/` is one); it holds no comments and ends at a
///   line end. That is after `=~` and `!~` (after any `~`), after a `,`, and after the keywords
///   `FROM`, `SELECT` and `BY` (in their lists the server takes `/cpu.*/`), white space and
///   comments between; and right after the `.` that follows a database or retention policy
///   name (`db.rp./cpu.*/`, `db../cpu.*/`, `rp./cpu.*/`, `"db"."rp"./cpu.*/`: the server's
///   parser looks at the character after the dot). Elsewhere `/` divides or opens a comment.
///
/// The scanner is resumable: it keeps its state between calls, so text may be fed in pieces
/// (the shell feeds one line at a time, and the `"\n"` joining them).
package struct InfluxQLScanner: Sendable {
    /// What a character is part of.
    package enum Part: Sendable, Equatable {
        /// InfluxQL outside quotes, regular expressions and comments, white space included (the
        /// newline ending a `--` comment too).
        case code
        /// A string in single quotes or a name in double quotes, the quotes included.
        case quoted
        /// A regular expression, its slashes included.
        case regex
        /// A comment, its `--`, `/*` and `*/` included.
        case comment
    }

    /// Where the scanner is.
    private enum State: Sendable, Equatable {
        case code
        /// Inside quotes opened by `quote`; `escaped` after a backslash.
        case quoted(quote: Character, escaped: Bool)
        /// Inside a regular expression; `escaped` after a backslash.
        case regex(escaped: Bool)
        /// Inside a `--` comment.
        case lineComment
        /// On the `*` of a `/*`.
        case blockCommentStart
        /// Inside a `/*` comment; `star` after a `*`.
        case blockComment(star: Bool)
    }

    private var state = State.code
    /// The word (identifier, keyword or number) being read, lower-cased.
    private var word = ""
    /// Whether a `/` in code would open a regular expression.
    private var regexMayFollow = false
    /// Whether the last character was a closing `"` of a name.
    private var endedName = false
    /// Whether the last character was a `.` after a name (or after such a dot): a `/` right
    /// after it opens a regular expression.
    private var dotAfterName = false

    /// Creates a scanner at the start of a text.
    package init() {}

    /// Whether the text so far ends inside quotes or a `/*` comment, which go on past a line end;
    /// a `--` comment and a regular expression end there.
    package var isOpen: Bool {
        switch state {
        case .quoted, .blockCommentStart, .blockComment: return true
        case .code, .regex, .lineComment: return false
        }
    }

    /// Whether the text so far ends inside a single-quoted string.
    package var isInString: Bool {
        if case .quoted(quote: "'", _) = state { return true }
        return false
    }

    /// Whether the text so far ends inside a double-quoted name.
    package var isInName: Bool {
        if case .quoted(quote: "\"", _) = state { return true }
        return false
    }

    /// Takes the next character of the text and returns what it is part of. `next` is the
    /// character after it, `nil` when the text ends there or is fed on later (a piece must not end
    /// between the two characters of `--` or `/*`; a line end is a safe place).
    package mutating func take(_ character: Character, followedBy next: Character?) -> Part {
        switch state {
        case .code:
            return takeCode(character, followedBy: next)
        case let .quoted(quote, escaped):
            if escaped {
                state = .quoted(quote: quote, escaped: false)
            } else if character == "\\" {
                state = .quoted(quote: quote, escaped: true)
            } else if character == quote {
                state = .code
                endedName = quote == "\""
            }
            return .quoted
        case let .regex(escaped):
            if character == "\n" {
                state = .code
                return .code
            }
            state = character == "/" && !escaped ? .code : .regex(escaped: character == "\\")
            return .regex
        case .lineComment:
            if character == "\n" {
                state = .code
                return .code
            }
            return .comment
        case .blockCommentStart:
            state = .blockComment(star: false)
            return .comment
        case let .blockComment(star):
            state = star && character == "/" ? .code : .blockComment(star: character == "*")
            return .comment
        }
    }

    /// Takes each character of `text` in turn, with the one after it as lookahead, and hands it
    /// with its index and part to `body`. `text` ends where a piece may end (see
    /// ``take(_:followedBy:)``).
    package mutating func scan<Text: StringProtocol>(
        _ text: Text, _ body: (Text.Index, Character, Part) throws -> Void
    ) rethrows {
        var index = text.startIndex
        while index < text.endIndex {
            let following = text.index(after: index)
            let character = text[index]
            try body(index, character, take(character, followedBy: following < text.endIndex ? text[following] : nil))
            index = following
        }
    }

    /// A character in code: a word's, or one that ends the word being read.
    private mutating func takeCode(_ character: Character, followedBy next: Character?) -> Part {
        let afterDot = dotAfterName
        var afterName = endedName
        dotAfterName = false
        endedName = false
        if character.isLetter || character.isNumber || character == "_" {
            word.append(contentsOf: character.lowercased())
            return .code
        }
        if let first = word.first {
            regexMayFollow = Self.regexKeywords.contains(word)
            afterName = !first.isNumber
            word = ""
        }
        switch character {
        case "/" where regexMayFollow || afterDot:
            state = .regex(escaped: false)
            regexMayFollow = false
            return .regex
        case "-" where next == "-":
            state = .lineComment
            return .comment
        case "/" where next == "*":
            state = .blockCommentStart
            return .comment
        case "'", "\"":
            state = .quoted(quote: character, escaped: false)
            regexMayFollow = false
            return .quoted
        case ",", "~":
            regexMayFollow = true
        case ".":
            dotAfterName = afterName || afterDot
            regexMayFollow = false
        default:
            // White space, like a comment, leaves it as it is.
            if !character.isWhitespace { regexMayFollow = false }
        }
        return .code
    }

    /// The keywords after which the server's parser takes a regular expression.
    private static let regexKeywords: Set = ["from", "select", "by"]
}
