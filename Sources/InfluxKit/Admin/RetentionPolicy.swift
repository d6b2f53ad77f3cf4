/// A retention policy as `SHOW RETENTION POLICIES` lists it.
public struct RetentionPolicy: Sendable, Hashable {
    /// The policy's name.
    public var name: String
    /// How long data is kept, as the server writes it (`168h0m0s`); `0s` means forever.
    public var duration: String
    /// The time span of each shard group (`shardGroupDuration`), e.g. `24h0m0s`.
    public var shardGroupDuration: String
    /// The number of copies of each point (`replicaN`).
    public var replication: Int
    /// Whether writes and queries without a retention policy use this one.
    public var isDefault: Bool

    /// Creates a retention policy value.
    public init(name: String, duration: String, shardGroupDuration: String, replication: Int, isDefault: Bool) {
        self.name = name
        self.duration = duration
        self.shardGroupDuration = shardGroupDuration
        self.replication = replication
        self.isDefault = isDefault
    }
}
