import InfluxKit

extension JSONRenderer {
    /// When streaming, each result is written straight from its rows' JSON text; a document
    /// collected whole needs the rows decoded.
    public var rendersRawRows: Bool { streaming }

    /// Renders or collects one result: the same bytes as ``render(_:into:)-(ResultSet,_)``
    /// writes for `result.decoded()`.
    ///
    /// Streaming, the line is `{"results":[…]}` with the result's members in the server's
    /// order, as `ResultSet.raw` and `Series.raw` lay them out: everything but the rows is
    /// serialized from the decoded parts, and each row value is copied or serialized as
    /// `RawValue.appendJSON(to:)` does.
    public mutating func render(_ result: RawResultSet, into out: inout OutputBuffer) {
        guard streaming else {
            pending.append(result.decoded())
            return
        }
        let decoded = result.result
        // `{"statement_id":N`, then the series, then the members that follow them, with the
        // closing brace.
        var opening: [UInt8] = []
        ResultSet(statementID: decoded.statementID).raw.serialize(into: &opening)
        opening.removeLast()
        var rest: [UInt8] = []
        var tail = decoded
        tail.series = []
        tail.raw.serialize(into: &rest)
        out.append(#"{"results":["#)
        out.append(opening)
        if !decoded.series.isEmpty {
            out.append(#","series":["#)
            for (index, series) in decoded.series.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.append(series, rows: result.rows(ofSeriesAt: index), into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        rest.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[opening.count...])) }
        out.append("]}\n")
    }

    /// Appends one series as `Series.raw` serializes it, its values being `rows`: `name`,
    /// `tags` and `columns` (when present), `values` (when there are rows), `partial` (when
    /// true).
    private static func append(_ series: Series, rows: RawRows, into out: inout OutputBuffer) {
        var head = series
        head.values = []
        head.partial = false
        var text: [UInt8] = []
        head.raw.serialize(into: &text)
        text.removeLast()
        out.append(text)
        var hasMembers = text.count > 1
        if !rows.isEmpty {
            out.append(hasMembers ? #","values":["# : #""values":["#)
            for (position, row) in rows.enumerated() {
                out.append(position > 0 ? ",[" : "[")
                for (index, value) in row.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    value.appendJSON(to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "]"))
            hasMembers = true
        }
        if series.partial {
            out.append(hasMembers ? #","partial":true"# : #""partial":true"#)
        }
        out.append(UInt8(ascii: "}"))
    }
}
