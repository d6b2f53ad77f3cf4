extension InfluxClient {
    /// The earliest and the latest instant a query can name (influxd's own limits).
    static let exportTimeRange: ClosedRange<Int64> = Int64.min...Int64.max

    /// Works out what exporting `selection` reads: its retention policies, the fields of every
    /// measurement (from `SHOW FIELD KEYS`, one query per policy) and the slices (from
    /// `SHOW SHARDS`, so that no slice crosses a shard group; a user who may not run it gets
    /// slices aligned to the policy's shard group duration over the measurement's time span).
    ///
    /// Throws `.notFound` for a database, retention policy or named measurement that does not
    /// exist.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func exportPlan(for selection: ExportSelection) throws -> ExportPlan {
        let database = selection.database
        let policies = try selectedPolicies(selection)
        var warnings: [String] = []
        var fields: [String: [String: ExportPlan.Fields]] = [:]
        for policy in policies {
            fields[policy.name] = try exportFields(of: selection, in: policy.name, warnings: &warnings)
        }
        for name in selection.measurements where !policies.contains(where: { fields[$0.name]?[name] != nil }) {
            throw InfluxError.notFound(message: "measurement not found: \(InfluxQL.quoteIdentifier(name)) in database \(InfluxQL.quoteIdentifier(database))")
        }
        let groups = try? shardGroups(of: database)
        var slices: [ExportSlice] = []
        for policy in policies {
            for measurement in (fields[policy.name] ?? [:]).keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }) {
                let ranges: [Range<Int64>]
                if let groups {
                    ranges = groups[policy.name] ?? []
                } else {
                    ranges = try alignedGroups(
                        of: measurement, policy: policy, database: database, within: selection)
                }
                slices += Self.slices(
                    of: ranges, policy: policy.name, measurement: measurement, selection: selection)
            }
        }
        return ExportPlan(
            database: database, retentionPolicies: policies, fields: fields, slices: slices,
            tagPredicate: selection.tagPredicate, warnings: warnings)
    }

    /// The policies of the selection, in its order (or the database's), checked to exist.
    private func selectedPolicies(_ selection: ExportSelection) throws -> [RetentionPolicy] {
        let all = try retentionPolicies(database: selection.database)
        guard !selection.retentionPolicies.isEmpty else { return all }
        return try selection.retentionPolicies.map { name in
            guard let policy = all.first(where: { $0.name == name }) else {
                throw InfluxError.notFound(
                    message: "retention policy not found: \(InfluxQL.quoteIdentifier(name)) on database \(InfluxQL.quoteIdentifier(selection.database))")
            }
            return policy
        }
    }

    /// The fields of the selected measurements that have any in `policy`, by measurement.
    private func exportFields(
        of selection: ExportSelection, in policy: String, warnings: inout [String]
    ) throws -> [String: ExportPlan.Fields] {
        let pattern = selection.measurementPattern.map(InfluxQL.regexLiteral) ?? "/.*/"
        let statement = "SHOW FIELD KEYS FROM \(InfluxQL.quoteIdentifier(policy)).\(pattern)"
        var types: [String: [(String, FieldKey.ValueType)]] = [:]
        for row in try execute(statement, database: selection.database).rows {
            let measurement = try row.requiredSeriesName()
            guard selection.measurements.isEmpty || selection.measurements.contains(measurement) else { continue }
            let typeName = try row.string("fieldType")
            guard let type = FieldKey.ValueType(rawValue: typeName) else {
                throw InfluxError.malformedResponse(reason: "unknown field type \(typeName)")
            }
            types[measurement, default: []].append((try row.string("fieldKey"), type))
        }
        return types.reduce(into: [:]) { result, entry in
            var byName: [String: [FieldKey.ValueType]] = [:]
            for (name, type) in entry.value where !(byName[name]?.contains(type) ?? false) {
                byName[name, default: []].append(type)
            }
            var fields = ExportPlan.Fields(typed: [])
            for name in byName.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }) {
                let kinds = byName[name]!
                if kinds.count == 1 {
                    fields.typed.append(ExportField(name: name, type: kinds[0]))
                } else {
                    fields.ambiguous[name] = kinds
                    warnings.append(
                        "field \(InfluxQL.quoteIdentifier(name)) of \(InfluxQL.quoteIdentifier(policy)).\(InfluxQL.quoteIdentifier(entry.key))"
                            + " has the types \(kinds.map(\.rawValue).joined(separator: ", ")) in different shard groups:"
                            + " each slice reads it as the type its shard group holds (\"\(name)\"::type)")
                }
            }
            result[entry.key] = fields
        }
    }

    /// The time ranges of the shard groups of `database`, by retention policy, in time order.
    /// Throws when the user may not run `SHOW SHARDS`.
    private func shardGroups(of database: String) throws -> [String: [Range<Int64>]] {
        var groups: [String: Set<Range<Int64>>] = [:]
        for row in try execute("SHOW SHARDS").rows where try row.string("database") == database {
            let start = try Self.shardTime(row.string("start_time"))
            var end = try Self.shardTime(row.string("end_time"))
            // influxd prints the last possible shard group's end cut to the second, before the
            // last instant it holds.
            if end > Int64.max - 2_000_000_000 { end = Int64.max }
            guard start < end else { continue }
            groups[try row.string("retention_policy"), default: []].insert(start..<end)
        }
        return groups.mapValues { $0.sorted { $0.lowerBound < $1.lowerBound } }
    }

    /// A time of `SHOW SHARDS` in nanoseconds, clamped to the range a query can name.
    private static func shardTime(_ text: String) throws -> Int64 {
        guard let (seconds, fraction) = RFC3339.secondsAndFraction(text) else {
            throw InfluxError.malformedResponse(reason: "invalid time \(text) in the answer")
        }
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? Int64.min : Int64.max }
        let (total, overflowAgain) = scaled.addingReportingOverflow(fraction)
        if overflowAgain { return seconds < 0 ? Int64.min : Int64.max }
        return total
    }

    /// Without `SHOW SHARDS`: windows of the policy's shard group duration, aligned to the
    /// epoch as influxd aligns its shard groups, from the measurement's first point to its last
    /// (within the selection).
    private func alignedGroups(
        of measurement: String, policy: RetentionPolicy, database: String, within selection: ExportSelection
    ) throws -> [Range<Int64>] {
        let source = "\(InfluxQL.quoteIdentifier(policy.name)).\(InfluxQL.quoteIdentifier(measurement))"
        var condition = "time >= \(selection.start ?? Int64.min) AND time < \(selection.end ?? Int64.max)"
        if let predicate = selection.tagPredicate { condition += " AND (\(predicate))" }
        func edge(_ order: String) throws -> Int64? {
            let statement = "SELECT * FROM \(source) WHERE \(condition) ORDER BY time \(order) LIMIT 1"
            guard let result = try query(statement, database: database, epoch: .nanoseconds).first else { return nil }
            if let error = result.error { throw InfluxError.statement(index: 0, message: error) }
            guard let value = result.series.first?.values.first?.first, case let .integer(time) = value else { return nil }
            return time
        }
        guard let first = try edge("ASC"), let last = try edge("DESC") else { return [] }
        guard let width = FieldTypeLedger.Schema.nanoseconds(policy.shardGroupDuration), width > 0 else {
            return [first..<(last == Int64.max ? last : last + 1)]
        }
        var ranges: [Range<Int64>] = []
        let (aligned, overflow) = RFC3339.floorDivide(first, by: width).quotient.multipliedReportingOverflow(by: width)
        var start = overflow ? Int64.min : aligned
        while start <= last {
            let (next, overflow) = start.addingReportingOverflow(width)
            ranges.append(start..<(overflow ? Int64.max : next))
            if overflow { break }
            start = next
        }
        return ranges
    }

    /// The slices of one measurement: each group cut to the selection's range, then into
    /// pieces of at most the selection's slice duration.
    static func slices(
        of groups: [Range<Int64>], policy: String, measurement: String, selection: ExportSelection
    ) -> [ExportSlice] {
        var slices: [ExportSlice] = []
        for group in groups {
            let start = max(group.lowerBound, selection.start ?? Int64.min)
            let end = min(group.upperBound, selection.end ?? Int64.max)
            guard start < end else { continue }
            var piece = start
            while piece < end {
                var next = end
                if let width = selection.sliceDuration, width > 0 {
                    let (sum, overflow) = piece.addingReportingOverflow(width)
                    if !overflow { next = min(sum, end) }
                }
                slices.append(ExportSlice(retentionPolicy: policy, measurement: measurement, start: piece, end: next))
                piece = next
            }
        }
        return slices
    }
}
