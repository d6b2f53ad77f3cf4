/// Where the rows of one response object were found while it was checked: every row value
/// (kind and text) in order, and which of them belong to which row, series and result.
///
/// The decoder keeps one tape and reuses its storage for every object. The values point into
/// the object's bytes; they are read only while that object is decoded and forgotten before the
/// decoder returns, so the tape can travel with a `Sendable` decoder.
struct RawRowTape: @unchecked Sendable {
    /// Every row value of the object, row after row.
    var values = RawValueBuffer()
    /// Where each row starts in `values`; the last entry is where the last row ends.
    var rowBounds: [Int] = [0]
    /// For each series read, in order, the rows it holds (indices into the rows).
    var seriesRows: [Range<Int>] = []
    /// For each result read, in order, its series (indices into `seriesRows`).
    var resultSeries: [Range<Int>] = []
    /// The results of the object's `results` member (indices into `resultSeries`).
    var responseResults: Range<Int> = 0..<0

    /// The number of rows recorded.
    var rowCount: Int { rowBounds.count - 1 }

    /// Forgets everything recorded, keeping the storage.
    mutating func reset() {
        values.removeAll()
        rowBounds.removeAll(keepingCapacity: true)
        rowBounds.append(0)
        seriesRows.removeAll(keepingCapacity: true)
        resultSeries.removeAll(keepingCapacity: true)
        responseResults = 0..<0
    }

    /// Ends the row whose values were appended last.
    @inline(__always)
    mutating func endRow() {
        rowBounds.append(values.count)
    }
}
