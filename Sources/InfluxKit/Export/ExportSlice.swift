/// One unit of an export: the points of one measurement of one retention policy in a time range
/// that lies within one shard group. Slices are read, retried and checkpointed whole.
public struct ExportSlice: Sendable, Hashable, Codable {
    /// The retention policy.
    public var retentionPolicy: String
    /// The measurement.
    public var measurement: String
    /// The first instant, in nanoseconds since the epoch.
    public var start: Int64
    /// The instant after the last one, in nanoseconds since the epoch.
    public var end: Int64

    /// Creates a slice.
    public init(retentionPolicy: String, measurement: String, start: Int64, end: Int64) {
        self.retentionPolicy = retentionPolicy
        self.measurement = measurement
        self.start = start
        self.end = end
    }

    /// A text naming the slice uniquely, for checkpoints and messages.
    public var key: String {
        "\(InfluxQL.quoteIdentifier(retentionPolicy)).\(InfluxQL.quoteIdentifier(measurement)) [\(start), \(end))"
    }
}
