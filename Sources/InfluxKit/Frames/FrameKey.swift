/// Identifies one series of a query: its measurement and its `GROUP BY` tags (influxdb-python's
/// `measurement` or `(measurement, (('tag', 'value'), …))` dictionary keys).
public struct FrameKey: Sendable, Hashable, Comparable, CustomStringConvertible {
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

    /// Orders keys by measurement, then by their tags sorted by key (so `frames.keys.sorted()`
    /// lists series in a stable order).
    public static func < (lhs: FrameKey, rhs: FrameKey) -> Bool {
        if lhs.measurement != rhs.measurement { return lhs.measurement < rhs.measurement }
        let left = lhs.tags.sorted { $0.key < $1.key }
        let right = rhs.tags.sorted { $0.key < $1.key }
        for (l, r) in zip(left, right) where l != r {
            return l.key != r.key ? l.key < r.key : l.value < r.value
        }
        return left.count < right.count
    }
}
