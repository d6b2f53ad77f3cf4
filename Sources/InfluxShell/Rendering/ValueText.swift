import InfluxKit

/// How a value of a result is written as text in tables and CSV.
enum ValueText {
    /// Appends the text of `value`: nothing for null, the string as-is, numbers in their
    /// shortest exact form.
    static func append(_ value: JSONValue, to out: inout OutputBuffer) {
        switch value {
        case .null: break
        case let .string(s): out.append(s)
        case let .integer(i): out.append(i)
        case let .unsigned(u): out.append(u)
        case let .float(d): out.append(d)
        case .bool, .array, .object: out.append(text(value))
        }
    }

    /// The text of `value` (see ``append(_:to:)``).
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case let .string(s): return s
        case let .integer(i): return String(i)
        case let .unsigned(u): return String(u)
        case let .float(d): return d.description
        case let .bool(b): return b ? "true" : "false"
        case .array, .object: return value.serialized()
        }
    }

    /// Whether `value` is a number (right-aligned in tables).
    static func isNumber(_ value: JSONValue) -> Bool {
        switch value {
        case .integer, .unsigned, .float: return true
        default: return false
        }
    }

    /// Tags as `k=v,k=v`, sorted by key.
    static func tagList(_ tags: [String: String]?, separator: String = ",") -> String {
        guard let tags else { return "" }
        return tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: separator)
    }

    /// The width of `text` on a terminal, counted in Unicode scalars (as Go's tabwriter counts runes).
    static func width(_ text: String) -> Int {
        // A string's UTF-8 is valid, so its scalars are its bytes that do not continue a
        // sequence (continuation bytes are 0b10xxxxxx).
        let counted = text.utf8.withContiguousStorageIfAvailable { utf8 in
            var scalars = 0
            for byte in utf8 where byte & 0xC0 != 0x80 { scalars += 1 }
            return scalars
        }
        return counted ?? text.unicodeScalars.count
    }
}
