/// The values of one line of a chart reduced to at most `capacity` time buckets, each keeping
/// the lowest and highest value that fell in it, so memory stays bounded however many points
/// arrive and a one-sample spike is never averaged away.
///
/// Buckets are aligned to multiples of their width since the epoch; when the times seen span
/// more buckets than the capacity, the width doubles and neighbouring buckets merge.
public struct ChartBuckets: Sendable {
    /// The lowest and highest value of one bucket.
    public struct Extent: Sendable, Equatable {
        /// The lowest value.
        public var minimum: Double
        /// The highest value.
        public var maximum: Double
    }

    /// The most buckets kept.
    public let capacity: Int
    /// The width of a bucket, in the unit of the times given.
    public private(set) var width: Int64 = 1
    /// The buckets holding values, by index (time divided by width, rounded down).
    public private(set) var buckets: [Int64: Extent] = [:]
    /// How many values were added.
    public private(set) var count = 0
    /// The buckets where a point had no value (null): lines are not drawn across them.
    public private(set) var gaps: Set<Int64> = []
    /// The first and the last index holding a value.
    private var indexes: ClosedRange<Int64>?

    /// Creates empty buckets; `capacity` is at least 2.
    public init(capacity: Int) {
        self.capacity = max(capacity, 2)
    }

    /// Adds the value of one point.
    public mutating func add(_ value: Double, at time: Int64) {
        guard value.isFinite else { return }
        count += 1
        let index = place(time)
        if var extent = buckets[index] {
            extent.minimum = min(extent.minimum, value)
            extent.maximum = max(extent.maximum, value)
            buckets[index] = extent
        } else {
            buckets[index] = Extent(minimum: value, maximum: value)
        }
    }

    /// Records a point without a value (null) at `time`.
    public mutating func addGap(at time: Int64) {
        gaps.insert(place(time))
    }

    /// The index of `time`'s bucket, widening the buckets first when it would not fit.
    private mutating func place(_ time: Int64) -> Int64 {
        var index = Self.floorDivide(time, by: width)
        while span(including: index) > capacity && width <= Int64.max / 2 {
            merge()
            index = Self.floorDivide(time, by: width)
        }
        indexes = indexes.map { min($0.lowerBound, index)...max($0.upperBound, index) } ?? index...index
        return index
    }

    /// The time range the buckets cover: from the start of the first to the end of the last.
    public var timeRange: ClosedRange<Int64>? {
        indexes.map { ($0.lowerBound &* width)...($0.upperBound &* width &+ (width - 1)) }
    }

    /// The number of buckets from the first to the last if `index` were added.
    private func span(including index: Int64) -> Int {
        guard let indexes else { return 1 }
        let (low, high) = (min(indexes.lowerBound, index), max(indexes.upperBound, index))
        let (difference, overflow) = high.subtractingReportingOverflow(low)
        return overflow || difference >= Int64(Int.max) ? Int.max : Int(difference) + 1
    }

    /// Doubles the width, merging each pair of neighbouring buckets.
    private mutating func merge() {
        let (doubled, overflow) = width.multipliedReportingOverflow(by: 2)
        guard !overflow else { return }
        var merged: [Int64: Extent] = [:]
        for (index, extent) in buckets {
            let target = Self.floorDivide(index, by: 2)
            if let existing = merged[target] {
                merged[target] = Extent(minimum: min(existing.minimum, extent.minimum), maximum: max(existing.maximum, extent.maximum))
            } else {
                merged[target] = extent
            }
        }
        width = doubled
        buckets = merged
        gaps = Set(gaps.map { Self.floorDivide($0, by: 2) })
        indexes = indexes.map { Self.floorDivide($0.lowerBound, by: 2)...Self.floorDivide($0.upperBound, by: 2) }
    }

    static func floorDivide(_ value: Int64, by divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
