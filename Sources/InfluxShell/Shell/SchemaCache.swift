import InfluxKit

/// Names for Tab completion, fetched with SHOW queries on first use and kept per database until
/// ``forget()`` (`refresh`, or a CREATE/DROP statement). A failing query gives no names, and is
/// asked again next time.
final class SchemaCache: CompletionSchema {
    private let client: InfluxClient
    private var databaseNames: [String]?
    private var policyNames: [String: [String]] = [:]
    private var measurementNames: [String: [String]] = [:]
    private var fieldNames: [String: [String: [String]]] = [:]
    private var tagNames: [String: [String: [String]]] = [:]
    private var valueNames: [String: [String]] = [:]

    init(client: InfluxClient) {
        self.client = client
    }

    /// Forgets everything fetched.
    func forget() {
        databaseNames = nil
        policyNames = [:]
        measurementNames = [:]
        fieldNames = [:]
        tagNames = [:]
        valueNames = [:]
    }

    func databases() -> [String] {
        if let databaseNames { return databaseNames }
        guard let names = try? client.databases() else { return [] }
        databaseNames = names
        return names
    }

    func retentionPolicies(in database: String) -> [String] {
        cached(&policyNames, database, otherwise: []) { try client.retentionPolicies(database: database).map(\.name) }
    }

    func measurements(in database: String) -> [String] {
        cached(&measurementNames, database, otherwise: []) { try client.measurements(database: database) }
    }

    func fieldKeys(in database: String, measurement: String?) -> [String] {
        let all = cached(&fieldNames, database, otherwise: [:]) {
            Dictionary(grouping: try client.fieldKeys(database: database), by: \.measurement).mapValues { $0.map(\.name) }
        }
        return Self.names(all, measurement)
    }

    func tagKeys(in database: String, measurement: String?) -> [String] {
        let all = cached(&tagNames, database, otherwise: [:]) {
            Dictionary(grouping: try client.tagKeys(database: database), by: \.measurement).mapValues { $0.map(\.name) }
        }
        return Self.names(all, measurement)
    }

    func tagValues(in database: String, measurement: String?, key: String) -> [String] {
        // The key is made of parts no name can hold together (a NUL between them).
        let cacheKey = [database, measurement ?? "", key].joined(separator: "\u{0}")
        return cached(&valueNames, cacheKey, otherwise: []) {
            Array(Set(try client.tagValues(key: key, database: database, measurement: measurement).map(\.value))).sorted()
        }
    }

    /// The names of `measurement` in `all`, or of every measurement when it is `nil` or unknown.
    private static func names(_ all: [String: [String]], _ measurement: String?) -> [String] {
        if let measurement, let names = all[measurement] { return names }
        return Array(Set(all.values.joined())).sorted()
    }

    /// `cache[key]`, fetched with `fetch` the first time; `otherwise` when that fails (the
    /// server may be back at the next Tab).
    private func cached<Value>(
        _ cache: inout [String: Value], _ key: String, otherwise: Value, fetch: () throws -> Value
    ) -> Value {
        if let value = cache[key] { return value }
        guard let value = try? fetch() else { return otherwise }
        cache[key] = value
        return value
    }
}
