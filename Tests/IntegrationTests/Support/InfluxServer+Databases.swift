import Foundation
import Synchronization

extension InfluxServer {
    private static let databaseCounter = Atomic<Int>(0)

    /// A database name no other test of this process gets, such as `it_writesbatches_7`.
    ///
    /// The name only holds lower-case ASCII letters, digits and `_`, so it needs no quoting.
    /// The database is not created: tests create it through the client under test, or with
    /// `createDatabase(_:)`.
    func makeDatabaseName(_ label: String = #function) -> String {
        let number = Self.databaseCounter.add(1, ordering: .relaxed).newValue
        let cleaned = label.lowercased()
            .prefix { $0 != "(" }
            .filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            .prefix(40)
        return "it_\(cleaned)_\(number)"
    }

    /// Creates a database with a fresh name from `makeDatabaseName(_:)` and returns the name.
    func createDatabase(_ label: String = #function) throws -> String {
        let name = makeDatabaseName(label)
        try execute("CREATE DATABASE \"\(name)\"")
        return name
    }

    /// The names listed by `SHOW DATABASES`.
    func databaseNames() throws -> [String] {
        let reply = try execute("SHOW DATABASES")
        let object = try JSONSerialization.jsonObject(with: Data(reply.utf8))
        guard let results = (object as? [String: Any])?["results"] as? [[String: Any]],
              let series = results.first?["series"] as? [[String: Any]]
        else { return [] }
        let rows = series.first?["values"] as? [[Any]] ?? []
        return rows.compactMap { $0.first as? String }
    }
}
