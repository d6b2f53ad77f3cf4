/// A continuous query as `SHOW CONTINUOUS QUERIES` lists it.
public struct ContinuousQuery: Sendable, Hashable {
    /// The database the query belongs to.
    public var database: String
    /// The query's name.
    public var name: String
    /// The whole `CREATE CONTINUOUS QUERY …` statement, as the server rewrote it (with fully
    /// qualified measurements).
    public var query: String

    /// Creates a continuous query value.
    public init(database: String, name: String, query: String) {
        self.database = database
        self.name = name
        self.query = query
    }
}
