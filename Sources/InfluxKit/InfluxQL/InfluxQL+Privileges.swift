extension InfluxQL {
    /// `GRANT ALL PRIVILEGES TO "user"`: makes the user an administrator.
    public static func grantAdmin(to user: String) -> String {
        "GRANT ALL PRIVILEGES TO \(quoteIdentifier(user))"
    }

    /// `REVOKE ALL PRIVILEGES FROM "user"`: the user is no longer an administrator.
    public static func revokeAdmin(from user: String) -> String {
        "REVOKE ALL PRIVILEGES FROM \(quoteIdentifier(user))"
    }

    /// `GRANT READ|WRITE|ALL ON "database" TO "user"`.
    public static func grant(_ privilege: Privilege, on database: String, to user: String) -> String {
        "GRANT \(privilege.rawValue) ON \(quoteIdentifier(database)) TO \(quoteIdentifier(user))"
    }

    /// `REVOKE READ|WRITE|ALL ON "database" FROM "user"`.
    public static func revoke(_ privilege: Privilege, on database: String, from user: String) -> String {
        "REVOKE \(privilege.rawValue) ON \(quoteIdentifier(database)) FROM \(quoteIdentifier(user))"
    }

    /// `SHOW GRANTS FOR "user"`.
    public static func showGrants(for user: String) -> String {
        "SHOW GRANTS FOR \(quoteIdentifier(user))"
    }
}
