extension InfluxQL {
    /// `SHOW MEASUREMENTS ON "database"`.
    public static func showMeasurements(on database: String) -> String {
        "SHOW MEASUREMENTS ON \(quoteIdentifier(database))"
    }

    /// `DROP MEASUREMENT "name"`; the database travels as the request's `db` parameter (the
    /// statement has no `ON`).
    public static func dropMeasurement(_ name: String) -> String {
        "DROP MEASUREMENT \(quoteIdentifier(name))"
    }
}
