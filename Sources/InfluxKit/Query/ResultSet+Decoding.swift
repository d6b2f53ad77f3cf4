/// Decoding rows into the caller's own `Decodable` types.
extension ResultSet {
    /// The rows that match the filters decoded as `T`, in order: one value per row.
    ///
    /// The filters are those of ``points(measurement:tags:)``. Each row is decoded from its
    /// columns (column name → key), plus the series' tags (from `GROUP BY`) for the keys that are
    /// not columns. Integers decode into any integer type they fit and into `Double`; a whole
    /// float, which the server sends without a fraction, decodes into `Double` too; `null` is
    /// `nil` for optionals; `time` decodes as `Date`, `String` or an integer type. A `Date` from
    /// an integer time needs the `epoch` the query was run with.
    ///
    /// ```swift
    /// struct Usage: Decodable { var time: Date; var host: String; var usage: Double? }
    /// let rows = try client.query("SELECT * FROM cpu")[0].decode(Usage.self)
    /// ```
    ///
    /// Throws the `DecodingError` of the first row that does not fit (`keyNotFound` for a
    /// missing column, `typeMismatch`, `dataCorrupted` for an integer out of range); its coding
    /// path starts with the row's index.
    public func decode<T: Decodable>(
        _ type: T.Type,
        measurement: String? = nil,
        tags: [String: String]? = nil,
        epoch: Precision? = nil
    ) throws -> [T] {
        var decoded: [T] = []
        try forEachPoint(measurement: measurement, tags: tags) { series, point in
            decoded.append(try series.decodeRow(point, as: type, index: decoded.count, epoch: epoch))
        }
        return decoded
    }
}

extension Series {
    /// Every row of the series decoded as `T`, in order, with the rules of
    /// ``ResultSet/decode(_:measurement:tags:epoch:)``.
    public func decode<T: Decodable>(_ type: T.Type, epoch: Precision? = nil) throws -> [T] {
        try values.enumerated().map { index, row in
            try decodeRow(ResultSet.point(columns: columns, values: row), as: type, index: index, epoch: epoch)
        }
    }

    /// One row (as column → value) with the series' tags added under it, decoded as `T`.
    func decodeRow<T: Decodable>(
        _ point: [String: JSONValue], as type: T.Type, index: Int, epoch: Precision?
    ) throws -> T {
        var row = point
        for (key, value) in tags ?? [:] where row[key] == nil {
            row[key] = .string(value)
        }
        return try T(from: RowDecoder(row: row, epoch: epoch, codingPath: [RowIndexKey(index)]))
    }
}
