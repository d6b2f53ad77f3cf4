/// One row of a statement's result, read by column name; for turning `SHOW …` answers into
/// typed values.
struct StatementRow {
    /// The name of the row's series (the measurement, or the database for `SHOW SHARDS`).
    var seriesName: String?
    /// The series' columns.
    var columns: [String]
    /// The row's values, one per column.
    var values: [JSONValue]

    /// The series name, which must be present.
    func requiredSeriesName() throws -> String {
        guard let seriesName else { throw InfluxError.malformedResponse(reason: "a series has no name") }
        return seriesName
    }

    /// The text in `column`.
    func string(_ column: String) throws -> String {
        guard case let .string(text) = try value(column) else { throw mistyped(column, "a string") }
        return text
    }

    /// The whole number in `column`.
    func int(_ column: String) throws -> Int {
        switch try value(column) {
        case let .integer(number): if let exact = Int(exactly: number) { return exact }
        case let .unsigned(number): if let exact = Int(exactly: number) { return exact }
        default: break
        }
        throw mistyped(column, "a whole number")
    }

    /// The boolean in `column`.
    func bool(_ column: String) throws -> Bool {
        guard case let .bool(flag) = try value(column) else { throw mistyped(column, "a boolean") }
        return flag
    }

    private func value(_ column: String) throws -> JSONValue {
        guard let index = columns.firstIndex(of: column), index < values.count else {
            throw InfluxError.malformedResponse(reason: "no column \(column) in the answer")
        }
        return values[index]
    }

    private func mistyped(_ column: String, _ expected: String) -> InfluxError {
        .malformedResponse(reason: "column \(column) does not hold \(expected)")
    }
}

extension ResultSet {
    /// Every row of every series, in order.
    var rows: [StatementRow] {
        series.flatMap { series in
            series.values.map { StatementRow(seriesName: series.name, columns: series.columns, values: $0) }
        }
    }
}
