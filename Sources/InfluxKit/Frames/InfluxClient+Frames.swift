extension InfluxClient {
    /// Runs one InfluxQL query and returns one frame per series, keyed by measurement and tags
    /// (influxdb-python's `DataFrameClient.query`).
    ///
    /// The answer is streamed (`chunked=true`) and times are asked for in nanoseconds, so the
    /// index is exact and only the frames are held in memory. Each frame is sorted by time.
    ///
    /// Column types come from the values, as with influxdb-python: a column of integers is an
    /// ``Frame/ColumnType/integer`` column, one mixing integers and floats a float column. The
    /// server writes whole floats without a decimal point (`2.0` is sent as `2`), so a float
    /// field whose values happen to be whole comes back as integers: `typesFromSchema` asks
    /// `SHOW FIELD KEYS` for the types and makes such columns floats, and `columnTypes` sets
    /// any column's type by name (for aliases and functions such as `mean(x)`), converting its
    /// values (see ``Frame/Column/converted(to:)``).
    ///
    /// - Parameters:
    ///   - database: the database (`db=`); defaults to the configured one.
    ///   - retentionPolicy: the retention policy (`rp=`); defaults to the configured one.
    ///   - params: bind parameters, referenced as `$name` in the statement.
    ///   - chunkSize: rows per chunk of the streamed answer (server default 10,000).
    ///   - dropEmptyColumns: leave out columns whose values are all missing (influxdb-python's
    ///     `dropna`).
    ///   - columnTypes: the type of named columns, overriding what the values suggest.
    ///   - typesFromSchema: make the columns of float fields float columns.
    /// - Throws: `InfluxError.statement` when the statement fails; `.invalidArgument` when the
    ///   query holds more than one statement (use ``query(_:database:retentionPolicy:epoch:params:chunked:chunkSize:)``
    ///   and ``ResultSet/frames(epoch:dropEmptyColumns:)`` for several), when a series has no
    ///   `time` column (`SHOW …` statements), or when a column cannot take its requested type.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func queryFrames(
        _ query: String,
        database: String? = nil,
        retentionPolicy: String? = nil,
        params: [String: JSONValue] = [:],
        chunkSize: Int? = nil,
        dropEmptyColumns: Bool = true,
        columnTypes: [String: Frame.ColumnType] = [:],
        typesFromSchema: Bool = false
    ) throws -> [FrameKey: Frame] {
        var accumulator = FrameAccumulator(epoch: .nanoseconds)
        try self.query(
            query, database: database, retentionPolicy: retentionPolicy, epoch: .nanoseconds, params: params,
            chunked: true, chunkSize: chunkSize
        ) { result in
            guard result.statementID == 0 else {
                throw InfluxError.invalidArgument("queryFrames takes one statement; use query() and ResultSet.frames() for several")
            }
            if let error = result.error { throw InfluxError.statement(index: result.statementID, message: error) }
            for series in result.series {
                try accumulator.add(series)
            }
        }
        var frames = accumulator.frames(dropEmptyColumns: dropEmptyColumns)
        guard typesFromSchema || !columnTypes.isEmpty, !frames.isEmpty else { return frames }
        var floatFields: [String: Set<String>] = [:]
        if typesFromSchema {
            for key in try fieldKeys(database: database) where key.type == .float {
                floatFields[key.measurement, default: []].insert(key.name)
            }
        }
        for (key, frame) in frames {
            var typed = frame
            for (name, column) in frame.columns {
                let wanted = columnTypes[name] ?? (floatFields[key.measurement]?.contains(name) == true ? .float : nil)
                guard let wanted, wanted != column.type else { continue }
                do {
                    try typed.setColumn(name, column.converted(to: wanted))
                } catch let error as InfluxError where error.code == .invalidArgument {
                    throw InfluxError.invalidArgument("column \"\(name)\" of \(key): \(error.message)")
                }
            }
            frames[key] = typed
        }
        return frames
    }

    /// Writes every row of a frame as a point of `measurement` (influxdb-python's
    /// `DataFrameClient.write_points`).
    ///
    /// Columns are tags or fields by the rules of ``Frame/roles(tagColumns:fieldColumns:)``.
    /// A field cell that is missing, NaN or infinite is left out of its point, and a row left
    /// without any field is skipped and counted. A tag cell that is missing (or empty) leaves
    /// the tag out; tag cells of other types are written as their text. `globalTags` are added
    /// to every point and, as in influxdb-python, replace a tag column of the same name.
    /// Times are floored to `precision`. With `batchSize`, rows are sent that many points
    /// per request.
    /// - Returns: how many points were written and how many rows skipped.
    /// - Throws: `InfluxError.invalidArgument` for unknown or doubly-assigned columns or a frame
    ///   without field columns; otherwise as ``writePoints(_:precision:database:retentionPolicy:tags:batchSize:consistency:)``.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    @discardableResult
    public func writeFrame(
        _ frame: Frame,
        measurement: String,
        tagColumns: [String]? = nil,
        fieldColumns: [String]? = nil,
        globalTags: [String: String] = [:],
        precision: Precision = .nanoseconds,
        database: String? = nil,
        retentionPolicy: String? = nil,
        batchSize: Int? = nil,
        consistency: Consistency? = nil
    ) throws -> FrameWriteResult {
        let roles = try frame.roles(tagColumns: tagColumns, fieldColumns: fieldColumns)
        guard !roles.fields.isEmpty || frame.rowCount == 0 else {
            throw InfluxError.invalidArgument("the frame has no field columns to write")
        }
        let tags = roles.tags.compactMap { name in frame[name].map { (name: name, column: $0) } }
        let fields = roles.fields.compactMap { name in frame[name].map { (name: name, column: $0) } }
        var skipped = 0
        let points = frame.time.indices.lazy.compactMap { row -> Point? in
            var pointFields: [String: FieldValue] = [:]
            for field in fields {
                if let value = field.column.value(at: row) { pointFields[field.name] = value }
            }
            guard !pointFields.isEmpty else {
                skipped += 1
                return nil
            }
            var pointTags: [String: String] = [:]
            for tag in tags {
                if let text = tag.column.text(at: row) { pointTags[tag.name] = text }
            }
            pointTags.merge(globalTags) { _, global in global }
            return Point(
                measurement: measurement, tags: pointTags, fields: pointFields,
                time: .epoch(frame.time[row], .nanoseconds))
        }
        try writePoints(
            points, precision: precision, database: database, retentionPolicy: retentionPolicy,
            batchSize: batchSize, consistency: consistency)
        return FrameWriteResult(pointsWritten: frame.rowCount - skipped, rowsSkipped: skipped)
    }
}
