/// One statement result (or one chunk of it) whose rows are still JSON text: what
/// ``QueryResponseDecoder/feedRaw(_:_:)`` hands over, for callers that write rows out again
/// and need no ``JSONValue`` for each value.
///
/// Everything but the rows is decoded in ``result``. The rows and their values point into the
/// response bytes and are valid only while the callback that received them runs.
public struct RawResultSet {
    /// The result, with every series' `values` left empty: the rows are in
    /// ``rows(ofSeriesAt:)``.
    public let result: ResultSet
    /// All row values of the response object.
    @usableFromInline
    let values: UnsafeBufferPointer<RawValue>
    /// Row boundaries in `values` for the whole object.
    @usableFromInline
    let rowBounds: UnsafeBufferPointer<Int>
    /// The rows of each series of `result`, in order.
    @usableFromInline
    let seriesRows: UnsafeBufferPointer<Range<Int>>

    /// A result whose series' rows are `seriesRows` (one entry per series of `result`).
    init(
        result: ResultSet,
        values: UnsafeBufferPointer<RawValue>,
        rowBounds: UnsafeBufferPointer<Int>,
        seriesRows: UnsafeBufferPointer<Range<Int>>
    ) {
        self.result = result
        self.values = values
        self.rowBounds = rowBounds
        self.seriesRows = seriesRows
    }

    /// The rows of the series at `index` in `result.series`; traps (in every build) when there
    /// is no such series.
    @inlinable
    public func rows(ofSeriesAt index: Int) -> RawRows {
        // An `UnsafeBufferPointer` checks its bounds in debug builds only.
        precondition(index >= 0 && index < seriesRows.count, "no series at index \(index) of \(seriesRows.count)")
        let rows = seriesRows[index]
        let bounds = UnsafeBufferPointer(rebasing: rowBounds[rows.lowerBound...rows.upperBound])
        return RawRows(values: values.baseAddress, bounds: bounds)
    }

    /// The number of rows in all series.
    public var rowCount: Int {
        seriesRows.reduce(0) { $0 + $1.count }
    }

    /// The result with its rows decoded: what ``QueryResponseDecoder/feed(_:_:)`` hands over
    /// for the same bytes.
    public func decoded() -> ResultSet {
        var decoded = result
        for index in decoded.series.indices {
            decoded.series[index].values = rows(ofSeriesAt: index).map { $0.decoded() }
        }
        return decoded
    }
}
