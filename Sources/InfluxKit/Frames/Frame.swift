import FoundationEssentials

/// A small columnar table: a time index and named, typed columns of the same length
/// (what influxdb-python's DataFrameClient uses pandas DataFrames for).
///
/// ```swift
/// var frame = try Frame(
///     time: [1_700_000_000_000_000_000, 1_700_000_001_000_000_000],
///     columns: ["host": .string(["a", "b"]), "usage": .float([0.5, .nan])])
/// try frame.setColumn("procs", .integer([12, nil]))
/// try client.writeFrame(frame, measurement: "cpu", tagColumns: ["host"])
/// ```
///
/// Times are nanoseconds since the Unix epoch, exact. Column names are unique and never `time`.
/// A frame is a value: small, `Sendable`, and meant for thousands to millions of rows, not for
/// analysis (no joins, resampling or arithmetic).
public struct Frame: Sendable, Equatable {
    /// The time of each row, in nanoseconds since the Unix epoch.
    public private(set) var time: [Int64]
    /// The column names, in order.
    public private(set) var columnNames: [String]
    private var storage: [Column]

    /// Creates a frame; throws `InfluxError.invalidArgument` when a column's length differs from
    /// `time`'s or a name is repeated or `time`.
    public init(time: [Int64] = [], columns: KeyValuePairs<String, Column> = [:]) throws {
        self.time = time
        self.columnNames = []
        self.storage = []
        for (name, column) in columns {
            guard !columnNames.contains(name) else {
                throw InfluxError.invalidArgument("column \"\(name)\" is given twice")
            }
            try setColumn(name, column)
        }
    }

    /// Creates a frame from parts already known to fit (same lengths, unique names).
    init(time: [Int64], columnNames: [String], storage: [Column]) {
        self.time = time
        self.columnNames = columnNames
        self.storage = storage
    }

    /// The number of rows.
    public var rowCount: Int { time.count }

    /// The times as `Date`s (which keep about a tenth of a microsecond of today's times).
    public var dates: [Date] {
        time.map { Date(timeIntervalSince1970: Double($0 / 1_000_000_000) + Double($0 % 1_000_000_000) / 1e9) }
    }

    /// The columns with their names, in order.
    public var columns: [(name: String, column: Column)] {
        Array(zip(columnNames, storage)).map { (name: $0.0, column: $0.1) }
    }

    /// The column named `name`, or `nil`.
    public subscript(name: String) -> Column? {
        columnNames.firstIndex(of: name).map { storage[$0] }
    }

    /// Replaces the column named `name`, or adds it after the others.
    ///
    /// Throws `InfluxError.invalidArgument` when its length is not ``rowCount`` or the name is
    /// `time`.
    public mutating func setColumn(_ name: String, _ column: Column) throws {
        guard name != "time" else {
            throw InfluxError.invalidArgument("a column cannot be called time: it is the index")
        }
        guard column.count == time.count else {
            throw InfluxError.invalidArgument("column \"\(name)\" has \(column.count) rows, the index \(time.count)")
        }
        if let index = columnNames.firstIndex(of: name) {
            storage[index] = column
        } else {
            columnNames.append(name)
            storage.append(column)
        }
    }

    /// Removes the column named `name` and returns it, or returns `nil` when there is none.
    @discardableResult
    public mutating func removeColumn(_ name: String) -> Column? {
        guard let index = columnNames.firstIndex(of: name) else { return nil }
        columnNames.remove(at: index)
        return storage.remove(at: index)
    }

    /// The frame without its columns whose values are all missing (influxdb-python's
    /// `dropna=True`, which drops all-NaN columns).
    public func droppingEmptyColumns() -> Frame {
        var frame = self
        for (name, column) in columns where column.isEmpty {
            frame.removeColumn(name)
        }
        return frame
    }

    /// The frame with its rows in ascending time order; rows with the same time keep their
    /// order.
    public func sortedByTime() -> Frame {
        guard zip(time, time.dropFirst()).contains(where: { $0 > $1 }) else { return self }
        let order = time.indices.sorted { time[$0] < time[$1] || (time[$0] == time[$1] && $0 < $1) }
        var frame = self
        frame.time = order.map { time[$0] }
        frame.storage = storage.map { $0.rows(order) }
        return frame
    }
}
