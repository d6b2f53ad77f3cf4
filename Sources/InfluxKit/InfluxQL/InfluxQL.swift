/// Quoting for values placed in generated InfluxQL, so no name can inject a statement, and the
/// builders of the statements the admin API sends (in the `InfluxQL+…` files).
///
/// A newline is written `\n`, the one escape InfluxQL knows besides `\\`, `\"` and `\'`: the
/// server's scanner refuses a raw newline inside quotes.
public enum InfluxQL {
    /// `name` as a double-quoted identifier, with `\` and `"` escaped: `my "db"` → `"my \"db\""`.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + escaped(name, quote: "\"") + "\""
    }

    /// `text` as a single-quoted string literal, with `\` and `'` escaped.
    public static func quoteLiteral(_ text: String) -> String {
        "'" + escaped(text, quote: "'") + "'"
    }

    /// Works on Unicode scalars, not characters: a quote followed by a combining mark is one
    /// `Character`, but the server's scanner still sees the quote.
    private static func escaped(_ text: String, quote: Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", quote: out += ["\\", scalar]
            case "\n": out += ["\\", "n"]
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
