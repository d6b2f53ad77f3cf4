extension FieldTypeLedger {
    /// A ledger that asks `client`'s server for its field types, and the function that traces
    /// a conflict it did not foresee to the lines of a batch (and makes the ledger ask again).
    static func asking(
        _ client: InfluxClient, precision: Precision
    ) -> (ledger: FieldTypeLedger, explainDrops: BatchSender.ExplainDrops) {
        let staleness = Staleness()
        let ledger = FieldTypeLedger(precision: precision, staleness: staleness) { database, rp in
            try .fetch(from: client, database: database, retentionPolicy: rp)
        }
        let explain: BatchSender.ExplainDrops = { batch, lines in
            // Another writer gave a field its type first: ask the server what it has now.
            staleness.mark()
            guard let schema = try? Schema.fetch(
                from: client, database: batch.database, retentionPolicy: batch.retentionPolicy)
            else { return [] }
            return conflictingLines(in: batch, lines: lines, schema: schema, precision: precision)
        }
        return (ledger, explain)
    }
}

extension FieldTypeLedger.Schema {
    /// What `client`'s server has for `database` and `retentionPolicy` (`nil`: the client's
    /// defaults): one `SHOW RETENTION POLICIES` and one `SHOW FIELD KEYS` for every measurement.
    ///
    /// A database that does not exist has nothing yet; a user who may not read it, or a server
    /// that answers these queries strangely, gives an empty schema too, and the server stays the
    /// judge of the writes. Only errors that will stop the writes as well are thrown.
    static func fetch(from client: InfluxClient, database: String?, retentionPolicy: String?) throws -> Self {
        var schema = Self()
        guard let database = database ?? client.configuration.database else { return schema }
        do {
            let policies = try client.retentionPolicies(database: database)
            let wanted = retentionPolicy ?? client.configuration.retentionPolicy
            guard let policy = policies.first(where: { wanted == nil ? $0.isDefault : $0.name == wanted }) else {
                return schema
            }
            schema.shardGroupDuration = Self.nanoseconds(policy.shardGroupDuration)
            let statement = "SHOW FIELD KEYS ON \(InfluxQL.quoteIdentifier(database)) FROM "
                + "\(InfluxQL.quoteIdentifier(policy.name))./.*/"
            for row in try client.execute(statement).rows {
                let typeName = try row.string("fieldType")
                guard let type = FieldKey.ValueType(rawValue: typeName) else { continue }
                schema.fields[try row.requiredSeriesName(), default: [:]][try row.string("fieldKey"), default: []].append(type)
            }
        } catch let error as InfluxError {
            switch error.code {
            case .connectionFailed, .tls, .timeout, .authentication, .cancelled: throw error
            default: return Self()
            }
        }
        return schema
    }

    /// The nanoseconds of a duration as the server prints it (`168h0m0s`, `30m0s`, `1h0m0s`);
    /// `nil` when it is not one, or does not fit in 64 bits.
    static func nanoseconds(_ text: String) -> Int64? {
        var total: Int64 = 0
        var number: Int64 = 0
        var digits = 0
        var unit = ""
        func add() -> Bool {
            let scale: Int64
            switch unit {
            case "h": scale = 3_600_000_000_000
            case "m": scale = 60_000_000_000
            case "s": scale = 1_000_000_000
            case "ms": scale = 1_000_000
            case "us", "µs": scale = 1_000
            case "ns": scale = 1
            default: return false
            }
            let (scaled, o1) = number.multipliedReportingOverflow(by: scale)
            let (sum, o2) = total.addingReportingOverflow(scaled)
            guard !o1, !o2 else { return false }
            total = sum
            number = 0
            digits = 0
            unit = ""
            return true
        }
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                if !unit.isEmpty { guard add() else { return nil } }
                let (times10, o1) = number.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int64(digit))
                guard !o1, !o2 else { return nil }
                number = sum
                digits += 1
            } else {
                guard digits > 0 else { return nil }
                unit.append(character)
            }
        }
        guard digits > 0, add() else { return nil }
        return total
    }
}
