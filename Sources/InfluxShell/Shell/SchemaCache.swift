import InfluxKit

/// Names for Tab completion, fetched with SHOW queries on first use and kept per database until
/// ``forget()`` (`refresh`, or a CREATE/DROP statement). A failing query gives no names.
final class SchemaCache {
    private let client: InfluxClient
    private var databaseNames: [String]?
    private var measurementNames: [String: [String]] = [:]
    private var keyNames: [String: [String: [String]]] = [:]

    init(client: InfluxClient) {
        self.client = client
    }

    /// Forgets everything fetched.
    func forget() {
        databaseNames = nil
        measurementNames = [:]
        keyNames = [:]
    }

    /// The database names.
    func databases() -> [String] {
        if let databaseNames { return databaseNames }
        let names = (try? client.databases()) ?? []
        databaseNames = names
        return names
    }

    /// The measurement names of `database`.
    func measurements(in database: String) -> [String] {
        if let names = measurementNames[database] { return names }
        let names = (try? client.measurements(database: database)) ?? []
        measurementNames[database] = names
        return names
    }

    /// The field and tag keys of `measurement` in `database` (of every measurement when `nil`).
    func keys(in database: String, measurement: String?) -> [String] {
        let all = keysByMeasurement(in: database)
        if let measurement, let keys = all[measurement] { return keys }
        return Array(Set(all.values.joined())).sorted()
    }

    private func keysByMeasurement(in database: String) -> [String: [String]] {
        if let keys = keyNames[database] { return keys }
        var keys: [String: [String]] = [:]
        for field in (try? client.fieldKeys(database: database)) ?? [] { keys[field.measurement, default: []].append(field.name) }
        for tag in (try? client.tagKeys(database: database)) ?? [] { keys[tag.measurement, default: []].append(tag.name) }
        keyNames[database] = keys
        return keys
    }
}
