extension InfluxQL {
    /// `SHOW SHARDS`.
    public static let showShards = "SHOW SHARDS"

    /// `SHOW QUERIES`: the queries running now.
    public static let showQueries = "SHOW QUERIES"

    /// `KILL QUERY id`; a negative id is refused with `.invalidArgument`.
    public static func killQuery(_ id: Int) throws -> String {
        guard id >= 0 else { throw InfluxError.invalidArgument("query id \(id) is negative") }
        return "KILL QUERY \(id)"
    }
}
