/// One line of a panel reduced to the columns of a drawing: for each column the lowest and
/// highest value that falls in it, and the columns where the line must break (a null).
public struct ChartTrace: Sendable {
    /// The extent of each column, `nil` where the line has no value.
    public let columns: [ChartBuckets.Extent?]
    /// Columns holding a null and no value: the line is not drawn across them.
    public let gaps: Set<Int>

    /// The trace of `buckets` over `range` in `count` columns.
    public init(_ buckets: ChartBuckets, range: ClosedRange<Int64>, count: Int) {
        var columns = [ChartBuckets.Extent?](repeating: nil, count: max(count, 1))
        let span = Double(range.upperBound) - Double(range.lowerBound) + 1
        func column(_ index: Int64) -> Int {
            let middle = Double(index) * Double(buckets.width) + Double(buckets.width) / 2
            let position = (middle - Double(range.lowerBound)) / span
            return min(max(Int(position * Double(columns.count)), 0), columns.count - 1)
        }
        for (index, extent) in buckets.buckets {
            let x = column(index)
            if let existing = columns[x] {
                columns[x] = .init(minimum: min(existing.minimum, extent.minimum), maximum: max(existing.maximum, extent.maximum))
            } else {
                columns[x] = extent
            }
        }
        self.columns = columns
        gaps = Set(buckets.gaps.map(column).filter { columns[$0] == nil })
    }

    /// The strokes that draw the line: a vertical stroke from low to high in each column with
    /// values (`y` from `position`, 0 at the bottom to 1 at the top), and a stroke joining it to
    /// the previous column with values unless a gap lies between them.
    public func strokes(position: (Double) -> Double) -> [(from: (x: Int, y: Double), to: (x: Int, y: Double))] {
        var strokes: [(from: (x: Int, y: Double), to: (x: Int, y: Double))] = []
        var previous: (x: Int, low: Double, high: Double)?
        for (x, extent) in columns.enumerated() {
            guard let extent else { continue }
            let (low, high) = (position(extent.minimum), position(extent.maximum))
            if let previous, !(previous.x + 1..<x).contains(where: gaps.contains) {
                let from = (previous.low + previous.high) / 2, to = (low + high) / 2
                strokes.append(((previous.x, from), (x, to)))
            }
            strokes.append(((x, low), (x, high)))
            previous = (x, low, high)
        }
        return strokes
    }
}
