extension InfluxQL {
    /// `SHOW SERIES ON "database" [FROM "measurement"] [WHERE "key" = 'value' AND …]`.
    ///
    /// Tag conditions are sorted by key.
    public static func showSeries(on database: String, from measurement: String? = nil, tags: [String: String] = [:]) -> String {
        "SHOW SERIES ON \(quoteIdentifier(database))" + seriesFilter(measurement: measurement, tags: tags)
    }

    /// `DROP SERIES [FROM "measurement"] [WHERE "key" = 'value' AND …]`; the database travels as
    /// the request's `db` parameter (the statement has no `ON`).
    ///
    /// Without a measurement or a tag the statement would drop every series of the database: it
    /// is refused with `.invalidArgument` unless `allowUnfiltered` is true, and then written
    /// `DROP SERIES FROM /.*/` (influxd refuses a bare `DROP SERIES`).
    public static func dropSeries(from measurement: String? = nil, tags: [String: String] = [:], allowUnfiltered: Bool = false) throws -> String {
        guard measurement != nil || !tags.isEmpty else {
            guard allowUnfiltered else {
                throw InfluxError.invalidArgument(
                    "deleting series without a measurement or tag would delete them all; pass allowUnfiltered to do that")
            }
            return "DROP SERIES FROM /.*/"
        }
        return "DROP SERIES" + seriesFilter(measurement: measurement, tags: tags)
    }

    /// ` FROM "m" WHERE "k" = 'v' AND …`, each part only when given.
    static func seriesFilter(measurement: String?, tags: [String: String]) -> String {
        var clause = ""
        if let measurement { clause += " FROM \(quoteIdentifier(measurement))" }
        if !tags.isEmpty {
            let conditions = tags.sorted { $0.key < $1.key }.map { "\(quoteIdentifier($0.key)) = \(quoteLiteral($0.value))" }
            clause += " WHERE " + conditions.joined(separator: " AND ")
        }
        return clause
    }
}
