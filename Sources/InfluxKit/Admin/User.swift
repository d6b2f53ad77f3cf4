/// A user as `SHOW USERS` lists it.
public struct User: Sendable, Hashable {
    /// The user name.
    public var name: String
    /// Whether the user is an administrator (has all privileges).
    public var isAdmin: Bool

    /// Creates a user value.
    public init(name: String, isAdmin: Bool) {
        self.name = name
        self.isAdmin = isAdmin
    }
}
