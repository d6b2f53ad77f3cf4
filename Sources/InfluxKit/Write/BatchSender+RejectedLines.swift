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

    /// The reason when the server refused every line of `lines` for a malformed one it names,
    /// but not all of them: InfluxDB 2.x answers 400 `unable to parse '…'` with the first
    /// malformed line only and writes nothing (docs.influxdata.com/influxdb/v2/write-data/
    /// troubleshoot/), where 1.x names every malformed line (and says `partial write` when it
    /// stored the others). Such a refusal is sent again in halves until the line stands alone.
    func refusalOfAll(_ error: InfluxError, in batch: LineBatch, lines: Range<Int>) -> String? {
        let message = error.message
        guard error.code == .http, error.status == 400, message.hasPrefix("unable to parse '") else { return nil }
        let named = lines.filter { message.contains("unable to parse '\(batch.text(of: $0))'") }.count
        guard named < lines.count else { return nil }
        return lines.count == 1 ? String(message.prefix { $0 != "\n" }) : message
    }
}
