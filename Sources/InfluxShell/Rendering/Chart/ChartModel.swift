import InfluxKit

/// What a chart draws, gathered from the results of one statement as they arrive: one panel
/// per numeric column, one line per series (its tags), each line's values in bounded
/// ``ChartBuckets``.
public struct ChartModel: Sendable {
    /// One line: a series' values of one column.
    public struct Line: Sendable {
        /// The series, as its tags (`host=a,region=eu`) or its name.
        public var label: String
        /// The values.
        public var buckets: ChartBuckets
    }

    /// One chart: a numeric column and its lines.
    public struct Panel: Sendable {
        /// The column.
        public var column: String
        /// The lines, in the order their series first arrived.
        public var lines: [Line] = []

        /// The values the value axis spans: the lowest and highest of every line, stretched to
        /// zero when all are negative, or all positive and the lowest under 5 % of the highest.
        public var drawnRange: (low: Double, high: Double) {
            let values = lines.flatMap { $0.buckets.buckets.values }
            var low = values.map(\.minimum).min() ?? 0, high = values.map(\.maximum).max() ?? 0
            if low < 0 && high < 0 { high = 0 } else if low > 0 && high > 0 && low < high * 0.05 { low = 0 }
            return (low, high)
        }
    }

    /// The most lines a panel draws; the series after them are counted in ``hiddenSeries``.
    public static let maximumLines = 12

    /// The numeric columns' panels, in column order.
    public private(set) var panels: [Panel] = []
    /// Columns that hold something other than numbers (not drawn).
    public private(set) var skippedColumns: [String] = []
    /// Series beyond ``maximumLines`` (not drawn).
    public private(set) var hiddenSeries = 0
    /// Whether a result had series without a time column (nothing to draw them against).
    public private(set) var lacksTime = false
    /// How many buckets each line keeps.
    public let bucketCapacity: Int
    /// Nanoseconds in the unit of integer times (1 for `epoch=ns`).
    public let timeUnit: Int64
    private var labels: [String] = []

    /// Creates an empty model whose lines keep `bucketCapacity` buckets each; integer times
    /// are in units of `timeUnit` nanoseconds.
    public init(bucketCapacity: Int, timeUnit: Int64 = 1) {
        self.bucketCapacity = bucketCapacity
        self.timeUnit = max(timeUnit, 1)
    }

    /// Whether there is anything to draw.
    public var isEmpty: Bool { panels.allSatisfy { $0.lines.allSatisfy { $0.buckets.count == 0 } } }

    /// The time range of every line together.
    public var timeRange: ClosedRange<Int64>? {
        let ranges = panels.flatMap { $0.lines.compactMap(\.buckets.timeRange) }
        guard let low = ranges.map(\.lowerBound).min(), let high = ranges.map(\.upperBound).max() else { return nil }
        return low...high
    }

    /// Adds the rows of `result` (times as integers in nanoseconds, or RFC 3339 text).
    public mutating func add(_ result: ResultSet) {
        for series in result.series {
            guard let timeColumn = series.columns.firstIndex(of: "time") else {
                lacksTime = true
                continue
            }
            let label = Self.label(of: series)
            var lineIndex = labels.firstIndex(of: label)
            if lineIndex == nil {
                guard labels.count < Self.maximumLines else {
                    hiddenSeries += 1
                    continue
                }
                labels.append(label)
                lineIndex = labels.count - 1
            }
            for (column, name) in series.columns.enumerated() where column != timeColumn {
                add(series, column: column, name: name, timeColumn: timeColumn, line: lineIndex!, label: label)
            }
        }
    }

    private mutating func add(_ series: Series, column: Int, name: String, timeColumn: Int, line: Int, label: String) {
        guard !skippedColumns.contains(name) else { return }
        let panelIndex = panels.firstIndex { $0.column == name } ?? {
            panels.append(Panel(column: name))
            return panels.count - 1
        }()
        while panels[panelIndex].lines.count <= line {
            let next = labels[panels[panelIndex].lines.count]
            panels[panelIndex].lines.append(Line(label: next, buckets: ChartBuckets(capacity: bucketCapacity)))
        }
        for row in series.values where column < row.count && timeColumn < row.count {
            guard let time = time(row[timeColumn]) else { continue }
            switch row[column] {
            case let .float(value): panels[panelIndex].lines[line].buckets.add(value, at: time)
            case let .integer(value): panels[panelIndex].lines[line].buckets.add(Double(value), at: time)
            case let .unsigned(value): panels[panelIndex].lines[line].buckets.add(Double(value), at: time)
            case .null: panels[panelIndex].lines[line].buckets.addGap(at: time)
            default:
                skippedColumns.append(name)
                panels.remove(at: panelIndex)
                return
            }
        }
    }

    /// A series' label: its tags, or its name when it has none.
    static func label(of series: Series) -> String {
        let tags = (series.tags ?? [:]).filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        guard !tags.isEmpty else { return series.name ?? "" }
        return tags.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    private func time(_ value: JSONValue) -> Int64? {
        switch value {
        case let .integer(time): return time.multipliedReportingOverflow(by: timeUnit).partialValue
        case let .string(text): return try? RFC3339.nanoseconds(from: text)
        default: return nil
        }
    }
}
