import InfluxKit

extension JSONLinesRenderer {
    /// JSON Lines are written straight from the rows' JSON text.
    public var rendersRawRows: Bool { true }

    /// Renders every row of `result` from its JSON text: the same bytes as
    /// ``render(_:into:)-(ResultSet,_)`` writes for `result.decoded()`.
    ///
    /// The members before the first value and each column's key are serialized once per
    /// series; ASCII strings without escapes, literals and numbers that print as written (see
    /// `ValueText.printsAsWritten`) are copied; any other value is decoded and serialized.
    public mutating func render(_ result: RawResultSet, into out: inout OutputBuffer) {
        for (index, series) in result.result.series.enumerated() {
            let meta = Self.meta(of: series)
            // `{` and the members before the columns, without the closing brace.
            var head: [UInt8] = []
            JSONValue.object(meta).serialize(into: &head)
            head.removeLast()
            // Each column's `"key":`, with the comma before it when a member precedes it.
            var keys: [UInt8] = []
            var keyEnds: [Int] = []
            for (position, column) in series.columns.enumerated() {
                if position > 0 || !meta.isEmpty { keys.append(UInt8(ascii: ",")) }
                JSONValue.serialize(string: column, into: &keys)
                keys.append(UInt8(ascii: ":"))
                keyEnds.append(keys.count)
            }
            head.withUnsafeBufferPointer { head in
                keys.withUnsafeBufferPointer { keys in
                    for row in result.rows(ofSeriesAt: index) {
                        out.append(head)
                        var keyStart = 0
                        for position in 0..<min(row.count, keyEnds.count) {
                            let keyEnd = keyEnds[position]
                            out.append(UnsafeBufferPointer(rebasing: keys[keyStart..<keyEnd]))
                            keyStart = keyEnd
                            row[position].appendJSON(to: &out)
                        }
                        out.append(UInt8(ascii: "}"))
                        out.append(UInt8(ascii: "\n"))
                    }
                }
            }
        }
    }
}
