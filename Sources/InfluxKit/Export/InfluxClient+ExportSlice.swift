extension InfluxClient {
    /// Reads one slice of `plan` and hands its line protocol to `output` in pieces of about
    /// `pieceSize` bytes, times in `precision`; with `omittingStrings`, string fields are
    /// counted instead of written.
    ///
    /// Fields with several types are first resolved for the slice's time range (`EXPLAIN`
    /// names the type the shards there hold), so that every value is read in its own type and
    /// never converted. The query asks for `GROUP BY *`, so tags come as the series key.
    func exportSlice(
        _ slice: ExportSlice, of plan: ExportPlan, precision: Precision, omittingStrings: Bool = false,
        pieceSize: Int = 1 << 18,
        output: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> ExportSliceStatistics {
        let fields = try resolvedFields(of: slice, in: plan)
        var statistics = ExportSliceStatistics()
        guard !fields.isEmpty else { return statistics }
        var encoder = try ExportLineEncoder(fields: fields, omittingStrings: omittingStrings)
        func flush() throws {
            guard !encoder.bytes.isEmpty else { return }
            statistics.bytes += encoder.bytes.count
            try encoder.bytes.withUnsafeBytes(output)
            encoder.bytes.removeAll(keepingCapacity: true)
        }
        let columns = fields.map { "\(InfluxQL.quoteIdentifier($0.name))::\($0.type.rawValue)" }
        let statement = "SELECT \(columns.joined(separator: ", ")) FROM \(Self.source(of: slice))"
            + " WHERE \(Self.condition(of: slice, in: plan)) GROUP BY *"
        try streamRawResults(of: statement, database: plan.database, epoch: precision) { result in
            if let error = result.result.error {
                throw InfluxError.statement(index: result.result.statementID, message: error)
            }
            try encoder.append(result)
            if encoder.bytes.count >= pieceSize { try flush() }
        }
        try flush()
        statistics.points = encoder.pointCount
        statistics.seriesHashes = encoder.seriesHashes
        statistics.omittedStrings = encoder.omittedStrings
        statistics.omittedPoints = encoder.omittedPoints
        return statistics
    }

    /// `"rp"."measurement"` of a slice.
    static func source(of slice: ExportSlice) -> String {
        "\(InfluxQL.quoteIdentifier(slice.retentionPolicy)).\(InfluxQL.quoteIdentifier(slice.measurement))"
    }

    /// The `WHERE` condition of a slice: its time range and the plan's tag predicate.
    static func condition(of slice: ExportSlice, in plan: ExportPlan) -> String {
        var condition = "time >= \(slice.start) AND time < \(slice.end)"
        if let predicate = plan.tagPredicate { condition += " AND (\(predicate))" }
        return condition
    }

    /// The slice's fields, each with one type: the plan's single-typed fields and, for a field
    /// with several, the type the slice's shard group holds (left out where it holds none).
    private func resolvedFields(of slice: ExportSlice, in plan: ExportPlan) throws -> [ExportField] {
        let known = plan.fields(of: slice)
        guard !known.ambiguous.isEmpty else { return known.typed }
        var fields = known.typed
        for name in known.ambiguous.keys {
            let statement = "EXPLAIN SELECT \(InfluxQL.quoteIdentifier(name)) FROM \(Self.source(of: slice))"
                + " WHERE time >= \(slice.start) AND time < \(slice.end)"
            let plan = try execute(statement, database: plan.database)
            for row in plan.rows {
                let line = try row.string("QUERY PLAN")
                guard line.hasPrefix("AUXILIARY FIELDS: "), let cast = line.split(separator: ":").last,
                    let type = FieldKey.ValueType(rawValue: String(cast))
                else { continue }
                fields.append(ExportField(name: name, type: type))
            }
        }
        return fields.sorted { Array($0.name.utf8).lexicographicallyPrecedes($1.name.utf8) }
    }
}
