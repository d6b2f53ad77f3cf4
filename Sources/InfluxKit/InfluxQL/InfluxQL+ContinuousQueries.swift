extension InfluxQL {
    /// `SHOW CONTINUOUS QUERIES`.
    public static let showContinuousQueries = "SHOW CONTINUOUS QUERIES"

    /// `CREATE CONTINUOUS QUERY "name" ON "database" [RESAMPLE [EVERY e] [FOR f]] BEGIN select END`.
    ///
    /// `select` is InfluxQL written by the caller (a `SELECT … INTO … GROUP BY time(…)`); it is
    /// refused when it holds a `;` anywhere, even inside quotes, so that it can never end the
    /// statement and start another. The resample durations are checked (see ``isDuration(_:allowingInfinite:)``; not `INF`).
    public static func createContinuousQuery(
        _ name: String,
        on database: String,
        select: String,
        resampleEvery: String? = nil,
        resampleFor: String? = nil
    ) throws -> String {
        guard !select.contains(";") else {
            throw InfluxError.invalidArgument("the select of a continuous query must not contain ';'")
        }
        var statement = "CREATE CONTINUOUS QUERY \(quoteIdentifier(name)) ON \(quoteIdentifier(database))"
        if resampleEvery != nil || resampleFor != nil {
            statement += " RESAMPLE"
            if let resampleEvery { statement += " EVERY " + (try duration(resampleEvery, for: "resample interval")) }
            if let resampleFor { statement += " FOR " + (try duration(resampleFor, for: "resample range")) }
        }
        return statement + " BEGIN \(select) END"
    }

    /// `DROP CONTINUOUS QUERY "name" ON "database"`.
    public static func dropContinuousQuery(_ name: String, on database: String) -> String {
        "DROP CONTINUOUS QUERY \(quoteIdentifier(name)) ON \(quoteIdentifier(database))"
    }
}
