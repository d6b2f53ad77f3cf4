/// A JSON value as InfluxDB sends it, with integers kept exact.
///
/// Integer literals become `.integer` (or `.unsigned` above `Int64.max`) so values beyond 2^53
/// keep full precision; literals with a fraction or exponent become `.float`. A number that no
/// 64-bit type holds (an integer beyond 64 bits, `1e400`) stays `.number`, as written, so it is
/// never printed as a different value.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer literal that fits in `Int64`.
    case integer(Int64)
    /// An integer literal above `Int64.max` that fits in `UInt64`.
    case unsigned(UInt64)
    /// A number with a fraction or exponent that a `Double` holds (correctly rounded).
    case float(Double)
    /// A number no 64-bit type holds, as it was written: an integer literal beyond 64 bits, or
    /// a literal beyond the range of `Double` (one that would read as infinity).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, keeping the order of its members.
    case object([(key: String, value: JSONValue)])

    /// Compares values structurally; objects compare member by member, in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.unsigned(a), .unsigned(b)): return a == b
        case let (.float(a), .float(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The member named `key` of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string payload, or `nil` for other kinds.
    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }
}
