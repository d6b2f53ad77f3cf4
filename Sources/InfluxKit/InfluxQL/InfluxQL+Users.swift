extension InfluxQL {
    /// `SHOW USERS`.
    public static let showUsers = "SHOW USERS"

    /// `CREATE USER "name" WITH PASSWORD 'password' [WITH ALL PRIVILEGES]`.
    public static func createUser(_ name: String, password: String, admin: Bool = false) -> String {
        "CREATE USER \(quoteIdentifier(name)) WITH PASSWORD \(quoteLiteral(password))"
            + (admin ? " WITH ALL PRIVILEGES" : "")
    }

    /// `DROP USER "name"`.
    public static func dropUser(_ name: String) -> String {
        "DROP USER \(quoteIdentifier(name))"
    }

    /// `SET PASSWORD FOR "user" = 'password'`.
    public static func setPassword(_ password: String, for user: String) -> String {
        "SET PASSWORD FOR \(quoteIdentifier(user)) = \(quoteLiteral(password))"
    }
}
