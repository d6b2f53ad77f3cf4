/// Gathers the series of one statement's result, chunk after chunk, into one frame per
/// (measurement, tags).
struct FrameAccumulator {
    private struct Builder {
        var time: [Int64] = []
        var columnNames: [String] = []
        var columns: [FrameColumnBuilder] = []
    }

    /// The unit of integer times in the result.
    let epoch: Precision
    private var builders: [FrameKey: Builder] = [:]

    /// Creates an empty accumulator for results whose integer times are in `epoch` units.
    init(epoch: Precision) {
        self.epoch = epoch
    }

    /// Adds the rows of one series (or one chunk of it).
    ///
    /// Throws `InfluxError.invalidArgument` for a series without a `time` column (such as the
    /// answer to `SHOW MEASUREMENTS`), and `.malformedResponse` for a time that is neither an
    /// integer nor RFC3339 text.
    mutating func add(_ series: Series) throws {
        let key = FrameKey(measurement: series.name ?? ResultSet.unnamedSeriesName, tags: series.tags ?? [:])
        guard let timeIndex = series.columns.firstIndex(of: "time") else {
            throw InfluxError.invalidArgument("series \(key) has no time column, so it cannot be a frame")
        }
        var builder = builders.removeValue(forKey: key) ?? Builder()
        let start = builder.time.count
        var slots: [(column: Int, slot: Int)] = []
        for (column, name) in series.columns.enumerated() where column != timeIndex {
            if let slot = builder.columnNames.firstIndex(of: name) {
                slots.append((column, slot))
            } else {
                builder.columnNames.append(name)
                builder.columns.append(FrameColumnBuilder(missing: start))
                slots.append((column, builder.columns.count - 1))
            }
        }
        builder.time.reserveCapacity(start + series.values.count)
        for row in series.values {
            builder.time.append(try nanoseconds(timeIndex < row.count ? row[timeIndex] : .null))
            for (column, slot) in slots {
                builder.columns[slot].append(column < row.count ? row[column] : .null)
            }
        }
        for slot in builder.columns.indices {
            builder.columns[slot].pad(to: builder.time.count)
        }
        builders[key] = builder
    }

    /// The frames, each sorted by time, without their all-missing columns when
    /// `dropEmptyColumns` is set.
    func frames(dropEmptyColumns: Bool) -> [FrameKey: Frame] {
        builders.mapValues { builder in
            let frame = Frame(
                time: builder.time, columnNames: builder.columnNames, storage: builder.columns.map { $0.column() }
            ).sortedByTime()
            return dropEmptyColumns ? frame.droppingEmptyColumns() : frame
        }
    }

    private func nanoseconds(_ value: JSONValue) throws -> Int64 {
        switch value {
        case let .integer(units):
            let (nanoseconds, overflow) = units.multipliedReportingOverflow(by: epoch.nanosecondsPerUnit)
            guard !overflow else { throw InfluxError.malformedResponse(reason: "time \(units)\(epoch.rawValue) overflows") }
            return nanoseconds
        case let .string(text):
            return try RFC3339.nanoseconds(from: text)
        default:
            throw InfluxError.malformedResponse(reason: "time \(value.serialized()) is not a time")
        }
    }
}
