extension ExportPlan {
    /// Compares, slice by slice, how many values each field has on the source and on the
    /// destination (`SELECT count(*) … WHERE` the slice's range and the tag predicate), and
    /// returns every field whose counts differ. The destination is read in `database` (the
    /// plan's when `nil`) and `retentionPolicy` (each slice's own when `nil`); with
    /// `omittingStrings`, string fields are left out of the comparison.
    public func countDifferences(
        source: InfluxClient, destination: InfluxClient, database: String? = nil, retentionPolicy: String? = nil,
        omittingStrings: Bool = false
    ) throws -> [CountDifference] {
        var differences: [CountDifference] = []
        for slice in slices {
            var target = slice
            target.retentionPolicy = retentionPolicy ?? slice.retentionPolicy
            let here = try counts(of: slice, on: source, database: self.database)
            let there = try counts(of: target, on: destination, database: database ?? self.database)
            let skipped = omittingStrings ? Set(fields(of: slice).typed.filter { $0.type == .string }.map(\.name)) : []
            for field in Set(here.keys).union(there.keys).sorted() where !skipped.contains(field) {
                let (a, b) = (here[field] ?? 0, there[field] ?? 0)
                if a != b { differences.append(CountDifference(slice: slice, field: field, source: a, destination: b)) }
            }
        }
        return differences
    }

    /// The number of values of each field of `slice` on `client`'s server, by field name.
    private func counts(of slice: ExportSlice, on client: InfluxClient, database: String) throws -> [String: Int64] {
        let statement = "SELECT count(*) FROM \(InfluxClient.source(of: slice)) WHERE \(InfluxClient.condition(of: slice, in: self))"
        guard let result = try client.query(statement, database: database, epoch: .nanoseconds).first else { return [:] }
        if let error = result.error { throw InfluxError.statement(index: 0, message: error) }
        var counts: [String: Int64] = [:]
        for series in result.series {
            for row in series.values {
                for (column, value) in zip(series.columns, row) where column.hasPrefix("count_") {
                    if case let .integer(count) = value { counts[String(column.dropFirst(6)), default: 0] += count }
                }
            }
        }
        return counts
    }
}
