/// A query the server is running, as `SHOW QUERIES` lists it.
public struct RunningQuery: Sendable, Hashable {
    /// The id to pass to `killQuery(_:)` (`qid`).
    public var id: Int
    /// The statement's text.
    public var query: String
    /// Its database; empty when it has none.
    public var database: String
    /// How long it has been running, as the server writes it (`25µs`, `1m2.5s`).
    public var duration: String
    /// `running` or `killed`.
    public var status: String

    /// Creates a running query value.
    public init(id: Int, query: String, database: String, duration: String, status: String) {
        self.id = id
        self.query = query
        self.database = database
        self.duration = duration
        self.status = status
    }
}
