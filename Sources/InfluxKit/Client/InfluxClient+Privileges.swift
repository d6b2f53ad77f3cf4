extension InfluxClient {
    /// Makes a user an administrator.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func grantAdminPrivileges(to user: String) throws {
        try execute(InfluxQL.grantAdmin(to: user))
    }

    /// Takes a user's administrator rights away (its database privileges stay).
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func revokeAdminPrivileges(from user: String) throws {
        try execute(InfluxQL.revokeAdmin(from: user))
    }

    /// Grants a privilege on a database to a user.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func grant(_ privilege: Privilege, on database: String, to user: String) throws {
        try execute(InfluxQL.grant(privilege, on: database, to: user))
    }

    /// Revokes a privilege on a database from a user: revoking `.read` from a user with `.all`
    /// leaves `.write`.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func revoke(_ privilege: Privilege, on database: String, from user: String) throws {
        try execute(InfluxQL.revoke(privilege, on: database, from: user))
    }

    /// The database privileges of a user (`SHOW GRANTS FOR`).
    ///
    /// Databases on which everything was revoked, which influxd lists as `NO PRIVILEGES`, are
    /// left out.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func grants(for user: String) throws -> [Grant] {
        try execute(InfluxQL.showGrants(for: user)).rows.compactMap { row in
            let name = try row.string("privilege")
            if name == "NO PRIVILEGES" { return nil }
            guard let privilege = Privilege(name: name) else {
                throw InfluxError.malformedResponse(reason: "unknown privilege \(name)")
            }
            return Grant(database: try row.string("database"), privilege: privilege)
        }
    }
}
