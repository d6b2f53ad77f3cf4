extension InfluxClient {
    /// Every user and whether it is an administrator.
    public func users() throws -> [User] {
        try execute(InfluxQL.showUsers).rows.map { row in
            User(name: try row.string("user"), isAdmin: try row.bool("admin"))
        }
    }

    /// Creates a user, an administrator when `admin` is true.
    public func createUser(_ name: String, password: String, admin: Bool = false) throws {
        try execute(InfluxQL.createUser(name, password: password, admin: admin))
    }

    /// Drops a user.
    public func dropUser(_ name: String) throws {
        try execute(InfluxQL.dropUser(name))
    }

    /// Changes a user's password.
    public func setPassword(_ password: String, forUser user: String) throws {
        try execute(InfluxQL.setPassword(password, for: user))
    }
}
