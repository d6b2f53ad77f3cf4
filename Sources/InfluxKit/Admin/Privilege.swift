/// A privilege on one database, as granted with `GRANT … ON "db" TO "user"`.
public enum Privilege: String, Sendable, Hashable, CaseIterable {
    /// Read (query) the database.
    case read = "READ"
    /// Write to the database.
    case write = "WRITE"
    /// Read and write.
    case all = "ALL"

    /// Reads `read`, `write`, `all` or `all privileges` in any case (what users type, and what
    /// `SHOW GRANTS` answers); `nil` for anything else.
    public init?(name: String) {
        switch name.lowercased() {
        case "read": self = .read
        case "write": self = .write
        case "all", "all privileges": self = .all
        default: return nil
        }
    }
}
