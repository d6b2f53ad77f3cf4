/// Merges the chunks of a chunked (`chunked=true`) query response into one `ResultSet` per
/// statement, as they arrive.
///
/// Consecutive chunks with the same `statementID` form one result: their series are
/// concatenated, except that a series continuing the previous chunk's last series — one marked
/// `isPartial` with the same name, tags and columns — has its rows appended to it. Messages are
/// concatenated, the first error is kept, and `isPartial` is the last chunk's.
///
/// ```swift
/// var accumulator = ResultSetAccumulator()
/// try decoder.feed(piece) { chunk in
///     if let result = accumulator.add(chunk) { handle(result) }
/// }
/// if let result = accumulator.finish() { handle(result) }
/// ```
public struct ResultSetAccumulator: Sendable {
    /// The merged chunks of the statement being received.
    private var current: ResultSet?

    /// Creates an empty accumulator.
    public init() {}

    /// Adds the next chunk. When it belongs to a new statement, the previous statement is
    /// complete and its merged result is returned; otherwise `nil`.
    public mutating func add(_ chunk: ResultSet) -> ResultSet? {
        guard current?.statementID == chunk.statementID else {
            let completed = current
            current = chunk
            return completed
        }
        current?.absorb(chunk)
        return nil
    }

    /// Returns the merged result of the last statement, if any, and empties the accumulator.
    public mutating func finish() -> ResultSet? {
        defer { current = nil }
        return current
    }
}

extension ResultSet {
    /// Appends a later chunk of the same statement to this result.
    fileprivate mutating func absorb(_ chunk: ResultSet) {
        for next in chunk.series {
            if let last = series.indices.last, series[last].continues(into: next) {
                series[last].values.append(contentsOf: next.values)
                series[last].isPartial = next.isPartial
            } else {
                series.append(next)
            }
        }
        messages.append(contentsOf: chunk.messages)
        error = error ?? chunk.error
        isPartial = chunk.isPartial
    }
}

extension Series {
    /// Whether `next` carries more rows of this series: this one is marked `isPartial` and both
    /// have the same name, tags and columns.
    fileprivate func continues(into next: Series) -> Bool {
        isPartial && name == next.name && tags == next.tags && columns == next.columns
    }
}
