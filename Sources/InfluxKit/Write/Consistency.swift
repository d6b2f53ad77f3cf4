/// The write consistency level (meaningful for clustered InfluxDB Enterprise).
public enum Consistency: String, Sendable, CaseIterable {
    /// Any node, including hinted handoff.
    case any
    /// One node.
    case one
    /// A majority of nodes.
    case quorum
    /// Every node.
    case all
}
