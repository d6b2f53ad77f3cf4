/// A privilege a user holds on one database, as `SHOW GRANTS FOR` lists it.
public struct Grant: Sendable, Hashable {
    /// The database.
    public var database: String
    /// What the user may do there.
    public var privilege: Privilege

    /// Creates a grant value.
    public init(database: String, privilege: Privilege) {
        self.database = database
        self.privilege = privilege
    }
}
