extension BatchSender {
    /// Reports the points an InfluxDB 3.x partial write names by their line in the request body;
    /// returns how many the server refused.
    ///
    /// The body of `lines` holds them in order, one per line, so body line `n` is line
    /// `lines.lowerBound + n - 1` of the batch, whose position says which input line it was
    /// (the writer sorts lines by series before sending). A line number outside the body is
    /// ignored; one named twice counts once.
    func attributeRejectedLines(_ rejected: [RejectedLine], in batch: LineBatch, lines: Range<Int>) -> Int {
        var seen = Set<Int>()
        for item in rejected where (1...lines.count).contains(item.line) {
            guard seen.insert(item.line).inserted else { continue }
            reject(lines.lowerBound + item.line - 1, of: batch, item.reason)
        }
        return seen.count
    }
}
