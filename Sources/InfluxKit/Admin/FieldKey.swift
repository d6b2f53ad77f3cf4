/// A field key of a measurement with its type, as `SHOW FIELD KEYS` lists it.
public struct FieldKey: Sendable, Hashable {
    /// The type of a field's values.
    public enum ValueType: String, Sendable, Hashable, CaseIterable {
        /// 64-bit floating point.
        case float
        /// 64-bit signed integer.
        case integer
        /// Unsigned 64-bit integer (servers with unsigned support).
        case unsigned
        /// String.
        case string
        /// Boolean.
        case boolean
    }

    /// The measurement.
    public var measurement: String
    /// The field key.
    public var name: String
    /// The type of its values; JSON alone cannot tell `1` the float from `1` the integer.
    public var type: ValueType

    /// Creates a field key value.
    public init(measurement: String, name: String, type: ValueType) {
        self.measurement = measurement
        self.name = name
        self.type = type
    }
}
