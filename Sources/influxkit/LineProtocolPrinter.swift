import InfluxKit
import InfluxShell

/// Prints the rows of `SELECT` results as line protocol for `influxkit query --format lp`: the
/// series' name and tags as the series key, each column a field in the type `SHOW FIELD KEYS`
/// gives it in the database's retention policies (asked once per measurement, over a second
/// connection; a field with two types is written as its values read), columns that are no field
/// (`mean`, `count`…) as their values read (numbers as floats), and the time as an integer.
final class LineProtocolPrinter {
    private let schema: InfluxClient
    private var types: [String: [String: FieldKey.ValueType]] = [:]
    private var policies: [String]?
    private var encoders: [[String]: ExportLineEncoder] = [:]

    /// A printer asking `schema` (a client of its own) for field types.
    init(schema: InfluxClient) {
        self.schema = schema
    }

    /// Writes the rows of `result` to `out`; returns why a series cannot be written as line
    /// protocol, if one cannot.
    func print(_ result: RawResultSet, into out: inout OutputBuffer) -> String? {
        for (index, series) in result.result.series.enumerated() {
            guard series.columns.first == "time", let name = series.name else {
                return "--format lp needs series with a name and a time column (a SELECT)"
            }
            let key = [name] + series.columns
            do {
                var encoder = try encoders[key] ?? makeEncoder(measurement: name, columns: Array(series.columns.dropFirst()))
                try encoder.appendSeries(at: index, of: result)
                out.append(encoder.bytes)
                encoder.bytes.removeAll(keepingCapacity: true)
                encoders[key] = encoder
            } catch {
                return "\(error)"
            }
        }
        return nil
    }

    private func makeEncoder(measurement: String, columns: [String]) throws -> ExportLineEncoder {
        let known = try fieldTypes(of: measurement)
        return try ExportLineEncoder(columns: columns.map { ($0, known[$0]) })
    }

    /// The fields of `measurement` that have one type in every retention policy.
    private func fieldTypes(of measurement: String) throws -> [String: FieldKey.ValueType] {
        if let known = types[measurement] { return known }
        policies = try policies ?? schema.retentionPolicies().map(\.name)
        var byName: [String: FieldKey.ValueType?] = [:]
        for policy in policies ?? [] {
            let statement = "SHOW FIELD KEYS FROM \(InfluxQL.quoteIdentifier(policy)).\(InfluxQL.quoteIdentifier(measurement))"
            for series in try schema.execute(statement).series {
                for row in series.values {
                    guard row.count == 2, case let .string(name) = row[0], case let .string(typeName) = row[1] else { continue }
                    let type = FieldKey.ValueType(rawValue: typeName)
                    byName[name] = byName[name].map { $0 == type ? type : nil } ?? type
                }
            }
        }
        let known = byName.compactMapValues { $0 }
        types[measurement] = known
        return known
    }
}
