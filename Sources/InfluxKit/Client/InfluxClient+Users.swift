extension InfluxClient {
    /// Every user and whether it is an administrator.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func users() throws -> [User] {
        try execute(InfluxQL.showUsers).rows.map { row in
            User(name: try row.string("user"), isAdmin: try row.bool("admin"))
        }
    }

    /// Creates a user, an administrator when `admin` is true.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func createUser(_ name: String, password: String, admin: Bool = false) throws {
        try execute(InfluxQL.createUser(name, password: password, admin: admin))
    }

    /// Drops a user.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func dropUser(_ name: String) throws {
        try execute(InfluxQL.dropUser(name))
    }

    /// Changes a user's password.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func setPassword(_ password: String, forUser user: String) throws {
        try execute(InfluxQL.setPassword(password, for: user))
    }
}
