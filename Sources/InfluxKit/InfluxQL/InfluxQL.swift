/// Quoting for values placed in generated InfluxQL, so no name can inject a statement.
public enum InfluxQL {
    /// `name` as a double-quoted identifier, with `\` and `"` escaped: `my "db"` → `"my \"db\""`.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + escaped(name, quote: "\"") + "\""
    }

    /// `text` as a single-quoted string literal, with `\` and `'` escaped.
    public static func quoteLiteral(_ text: String) -> String {
        "'" + escaped(text, quote: "'") + "'"
    }

    private static func escaped(_ text: String, quote: Character) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 2)
        for character in text {
            if character == "\\" || character == quote { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
