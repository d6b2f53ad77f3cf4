/// The value of one field of a point.
public enum FieldValue: Sendable, Equatable {
    /// A 64-bit float. NaN and ±infinity cannot be written; the encoder drops such fields.
    case float(Double)
    /// A signed 64-bit integer, written with an `i` suffix.
    case integer(Int64)
    /// An unsigned 64-bit integer, written with a `u` suffix (servers with uint support only).
    case unsigned(UInt64)
    /// A string.
    case string(String)
    /// A boolean.
    case boolean(Bool)
}
