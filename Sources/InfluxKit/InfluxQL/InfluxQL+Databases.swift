extension InfluxQL {
    /// `SHOW DATABASES`.
    public static let showDatabases = "SHOW DATABASES"

    /// `CREATE DATABASE "name"`.
    public static func createDatabase(_ name: String) -> String {
        "CREATE DATABASE \(quoteIdentifier(name))"
    }

    /// `DROP DATABASE "name"`.
    public static func dropDatabase(_ name: String) -> String {
        "DROP DATABASE \(quoteIdentifier(name))"
    }
}
