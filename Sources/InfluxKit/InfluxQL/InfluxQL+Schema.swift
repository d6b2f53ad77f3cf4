extension InfluxQL {
    /// `SHOW TAG KEYS ON "database" [FROM "measurement"]`.
    public static func showTagKeys(on database: String, from measurement: String? = nil) -> String {
        "SHOW TAG KEYS ON \(quoteIdentifier(database))" + seriesFilter(measurement: measurement, tags: [:])
    }

    /// `SHOW FIELD KEYS ON "database" [FROM "measurement"]`.
    public static func showFieldKeys(on database: String, from measurement: String? = nil) -> String {
        "SHOW FIELD KEYS ON \(quoteIdentifier(database))" + seriesFilter(measurement: measurement, tags: [:])
    }

    /// `SHOW TAG VALUES ON "database" [FROM "measurement"] WITH KEY = "key"`.
    public static func showTagValues(on database: String, from measurement: String? = nil, key: String) -> String {
        "SHOW TAG VALUES ON \(quoteIdentifier(database))" + seriesFilter(measurement: measurement, tags: [:])
            + " WITH KEY = \(quoteIdentifier(key))"
    }
}
