extension ResultSet {
    /// The result as one frame per series, keyed by measurement and tags (influxdb-python's
    /// DataFrameClient `query` for one statement).
    ///
    /// Each frame is sorted by time. Column types are chosen from the values (see
    /// ``InfluxClient/queryFrames(_:database:retentionPolicy:params:chunkSize:dropEmptyColumns:columnTypes:typesFromSchema:)``).
    /// - Parameters:
    ///   - epoch: the unit of integer times (the query's `epoch`); RFC3339 times are read as such.
    ///   - dropEmptyColumns: leave out columns whose values are all missing (influxdb-python's
    ///     `dropna`, on by default there too).
    /// - Throws: `InfluxError.statement` when the statement failed, `.invalidArgument` for a
    ///   series without a `time` column.
    public func frames(epoch: Precision = .nanoseconds, dropEmptyColumns: Bool = true) throws -> [FrameKey: Frame] {
        if let error { throw InfluxError.statement(index: statementID, message: error) }
        var accumulator = FrameAccumulator(epoch: epoch)
        for series in series {
            try accumulator.add(series)
        }
        return accumulator.frames(dropEmptyColumns: dropEmptyColumns)
    }
}
