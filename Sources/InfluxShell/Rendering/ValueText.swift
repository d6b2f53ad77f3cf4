import InfluxKit

/// How a value of a result is written as text in tables and CSV.
enum ValueText {
    /// Appends the text of `value`: nothing for null, the string as-is, numbers in their
    /// shortest exact form.
    static func append(_ value: JSONValue, to out: inout OutputBuffer) {
        switch value {
        case .null: break
        case let .string(s): out.append(s)
        case let .integer(i): out.append(String(i))
        case let .unsigned(u): out.append(String(u))
        case let .float(d): out.append(d.description)
        case let .bool(b): out.append(b ? "true" : "false")
        case .array, .object: out.append(value.serialized())
        }
    }

    /// Tags as `k=v,k=v`, sorted by key.
    static func tagList(_ tags: [String: String]?) -> String {
        guard let tags else { return "" }
        return tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
