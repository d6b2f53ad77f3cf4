extension Sequence where Element == ResultSet {
    /// The chunks of a chunked query response merged into one result per statement, following
    /// the rules of `ResultSetAccumulator`.
    public func mergingChunks() -> [ResultSet] {
        var accumulator = ResultSetAccumulator()
        var merged: [ResultSet] = []
        for chunk in self {
            if let result = accumulator.add(chunk) {
                merged.append(result)
            }
        }
        if let result = accumulator.finish() {
            merged.append(result)
        }
        return merged
    }
}
