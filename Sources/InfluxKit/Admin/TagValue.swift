/// A value a tag key takes in a measurement, as `SHOW TAG VALUES` lists it.
public struct TagValue: Sendable, Hashable {
    /// The measurement.
    public var measurement: String
    /// The tag key.
    public var key: String
    /// The value.
    public var value: String

    /// Creates a tag value.
    public init(measurement: String, key: String, value: String) {
        self.measurement = measurement
        self.key = key
        self.value = value
    }
}
