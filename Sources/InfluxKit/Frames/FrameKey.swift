/// Identifies one series of a query: its measurement and its `GROUP BY` tags (influxdb-python's
/// `measurement` or `(measurement, (('tag', 'value'), …))` dictionary keys).
public struct FrameKey: Sendable, Hashable, CustomStringConvertible {
    /// The measurement (series) name; `results` when the server sent none.
    public var measurement: String
    /// The series' tags; empty when the query had no `GROUP BY` tags.
    public var tags: [String: String]

    /// Creates a key.
    public init(measurement: String, tags: [String: String] = [:]) {
        self.measurement = measurement
        self.tags = tags
    }

    /// `measurement,k=v,k=v` with the tags sorted by key.
    public var description: String {
        ([measurement] + tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: ",")
    }
}
