import InfluxKit

extension ColumnRenderer {
    /// Cells are made from the rows' JSON text.
    public var rendersRawRows: Bool { true }

    /// Renders the messages and series of `result` from the rows' JSON text: the same bytes as
    /// ``render(_:into:)-(ResultSet,_)`` writes for `result.decoded()`, without a `JSONValue`
    /// for each value.
    public mutating func render(_ result: RawResultSet, into out: inout OutputBuffer) {
        appendMessages(of: result.result, into: &out)
        for (index, series) in result.result.series.enumerated() {
            begin(series, of: result.result, into: &out)
            for row in result.rows(ofSeriesAt: index) {
                add(row.map(ValueText.text), into: &out)
            }
        }
    }
}
