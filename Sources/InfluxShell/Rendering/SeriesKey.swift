import InfluxKit

/// What makes rows belong to the same printed block: the series' name, tags and columns.
struct SeriesKey: Equatable {
    var name: String?
    var tags: [String: String]
    var columns: [String]

    init(_ series: Series) {
        name = series.name
        tags = series.tags ?? [:]
        columns = series.columns
    }
}

/// Tells which series of a stream of results continue the series before them (the chunks of a
/// chunked answer) and which start anew.
struct ContinuationTracker {
    private var previous: (statement: Int, key: SeriesKey, isPartial: Bool)?

    /// Whether `series`, of `result`, continues the series seen last; then remembers it.
    mutating func continues(_ series: Series, of result: ResultSet) -> Bool {
        let key = SeriesKey(series)
        defer { previous = (result.statementID, key, series.isPartial || result.isPartial) }
        guard let previous else { return false }
        return previous.isPartial && previous.statement == result.statementID && previous.key == key
    }
}
