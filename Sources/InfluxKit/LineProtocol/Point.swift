import FoundationEssentials

/// One point: a measurement, its tags, at least one field, and an optional time.
public struct Point: Sendable, Equatable {
    /// When a point happened.
    public enum Time: Sendable, Equatable {
        /// A `Date` (sub-microsecond digits are as exact as `Double` allows).
        case date(Date)
        /// An RFC3339 timestamp such as `2024-01-02T03:04:05.123456789Z`, converted exactly.
        case rfc3339(String)
        /// An integer count of `precision` units since the Unix epoch, converted exactly.
        case epoch(Int64, Precision)
    }

    /// The measurement name.
    public var measurement: String
    /// Tag keys and values. Empty keys or values are dropped when encoding, as the server would.
    public var tags: [String: String]
    /// Field keys and values.
    public var fields: [String: FieldValue]
    /// The time; `nil` lets the server stamp the point on arrival.
    public var time: Time?

    /// Creates a point.
    public init(
        measurement: String,
        tags: [String: String] = [:],
        fields: [String: FieldValue],
        time: Time? = nil
    ) {
        self.measurement = measurement
        self.tags = tags
        self.fields = fields
        self.time = time
    }
}
