import InfluxKit

/// The config file's lines as written: where a table or a key is, for messages that say
/// `FILE:LINE`, and edits that keep every comment and line they do not touch.
///
/// It understands what `config` writes and what people write by hand: `[name]` and
/// `["quoted name"]` table headers and `key = value` lines; the TOML parser has already
/// checked the file when this looks at it.
struct ConfigText {
    /// The lines, without their newlines.
    var lines: [String]

    init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    /// The text, each line ended by a newline.
    var text: String { lines.map { $0 + "\n" }.joined() }

    /// The table a header line opens (`[name]`, `["name"]`, `['name']`), or nil for other lines.
    static func tableName(of line: String) -> String? {
        let trimmed = line.trimmingWhitespace()
        guard trimmed.hasPrefix("["), !trimmed.hasPrefix("[[") else { return nil }
        let body = trimmed.dropFirst().drop { $0 == " " || $0 == "\t" }
        // The `]` that closes the header: after the closing quote of a quoted name.
        var searchFrom = body.startIndex
        if let quote = body.first, quote == "\"" || quote == "'" {
            var index = body.index(after: body.startIndex)
            while index < body.endIndex, body[index] != quote {
                if body[index] == "\\" && quote == "\"" { index = body.index(after: index) }
                if index < body.endIndex { index = body.index(after: index) }
            }
            searchFrom = min(index, body.endIndex)
        }
        guard let close = body[searchFrom...].firstIndex(of: "]") else { return nil }
        let inside = body[..<close].trimmingWhitespace()
        if inside.count >= 2, let quote = inside.first, quote == "\"" || quote == "'", inside.last == quote {
            let name = inside.dropFirst().dropLast()
            return quote == "'" ? String(name) : String(name).replacing("\\\"", with: "\"").replacing("\\\\", with: "\\")
        }
        return String(inside)
    }

    /// The index of the header line of table `name`.
    func headerIndex(of name: String) -> Int? {
        lines.firstIndex { Self.tableName(of: $0) == name }
    }

    /// The lines of table `name` (`nil`: the keys before the first table): from its header (or
    /// the file's start) to the next header.
    func range(of table: String?) -> Range<Int>? {
        guard let table else { return 0..<nextHeader(from: 0) }
        guard let header = headerIndex(of: table) else { return nil }
        return header..<nextHeader(from: header + 1)
    }

    /// The index of the first header at or after `start`, or the end.
    func nextHeader(from start: Int) -> Int {
        lines[min(start, lines.count)...].firstIndex { Self.tableName(of: $0) != nil } ?? lines.count
    }

    /// The line (counted from 1) that sets `key` in `table`, or the table's header, or 1.
    func lineNumber(of key: String, in table: String?) -> Int {
        guard let range = range(of: table) else { return 1 }
        let index = lines[range].firstIndex { Self.key(of: $0) == key } ?? range.lowerBound
        return index + 1
    }

    /// The key a `key = value` line sets.
    static func key(of line: String) -> String? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        var key = line[..<equals].trimmingWhitespace()
        if key.count >= 2, let quote = key.first, quote == "\"" || quote == "'", key.last == quote {
            key = String(key.dropFirst().dropLast())
        }
        return key.isEmpty || key.hasPrefix("#") ? nil : key
    }

    /// A table name as a header writes it: bare when it can be, else in double quotes.
    static func header(for name: String) -> String {
        let bare = !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7a) || byte == 0x2d || byte == 0x5f
        }
        return bare ? "[\(name)]" : "[\(quoted(name))]"
    }

    /// A TOML basic string holding `text`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
