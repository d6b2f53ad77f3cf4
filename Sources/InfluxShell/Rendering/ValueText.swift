import InfluxKit

/// How a value of a result is written as text in tables and CSV.
enum ValueText {
    /// Appends the text of `value`: nothing for null, the string as-is, numbers in their
    /// shortest exact form (a number no 64-bit type holds as the server wrote it).
    static func append(_ value: JSONValue, to out: inout OutputBuffer) {
        switch value {
        case .null: break
        case let .string(s): out.append(s)
        case let .integer(i): out.append(i)
        case let .unsigned(u): out.append(u)
        case let .float(d): out.append(d)
        case let .number(text): out.append(text)
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
        case let .number(text): return text
        case let .bool(b): return b ? "true" : "false"
        case .array, .object: return value.serialized()
        }
    }

    /// Whether `value` is a number (right-aligned in tables).
    static func isNumber(_ value: JSONValue) -> Bool {
        switch value {
        case .integer, .unsigned, .float, .number: return true
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
        let counted = text.utf8.withContiguousStorageIfAvailable { utf8 -> Int in
            guard let start = utf8.baseAddress else { return 0 }
            var continuations = 0
            var index = 0
            // Eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear, and
            // shifting the word left by one puts each byte's bit 6 under its own bit 7.
            while index + 8 <= utf8.count {
                let word = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
                continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                index += 8
            }
            while index < utf8.count {
                if utf8[index] & 0xC0 == 0x80 { continuations += 1 }
                index += 1
            }
            return utf8.count - continuations
        }
        return counted ?? text.unicodeScalars.count
    }
}
