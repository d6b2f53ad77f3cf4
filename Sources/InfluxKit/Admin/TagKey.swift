/// A tag key of a measurement, as `SHOW TAG KEYS` lists it.
public struct TagKey: Sendable, Hashable {
    /// The measurement.
    public var measurement: String
    /// The tag key.
    public var name: String

    /// Creates a tag key value.
    public init(measurement: String, name: String) {
        self.measurement = measurement
        self.name = name
    }
}
