import FoundationEssentials

/// A shard as `SHOW SHARDS` lists it.
public struct Shard: Sendable, Hashable {
    /// The shard's id.
    public var id: Int
    /// Its database.
    public var database: String
    /// Its retention policy.
    public var retentionPolicy: String
    /// The id of its shard group.
    public var shardGroup: Int
    /// The first instant the shard holds.
    public var startTime: Date
    /// The instant after the last one it holds.
    public var endTime: Date
    /// When the shard is deleted by its retention policy (equal to `endTime` when kept forever).
    public var expiryTime: Date
    /// The ids of the data nodes holding it (empty on a single server).
    public var owners: [String]

    /// Creates a shard value.
    public init(
        id: Int, database: String, retentionPolicy: String, shardGroup: Int,
        startTime: Date, endTime: Date, expiryTime: Date, owners: [String]
    ) {
        self.id = id
        self.database = database
        self.retentionPolicy = retentionPolicy
        self.shardGroup = shardGroup
        self.startTime = startTime
        self.endTime = endTime
        self.expiryTime = expiryTime
        self.owners = owners
    }
}
