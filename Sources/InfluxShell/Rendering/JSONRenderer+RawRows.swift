import InfluxKit

extension JSONRenderer {
    /// Rows are copied from their JSON text.
    public var rendersRawRows: Bool { true }

    /// Writes one result into the document: the same bytes as ``render(_:into:)-(ResultSet,_)``
    /// writes for `result.decoded()`, each row value copied or serialized as
    /// `RawValue.appendJSON(to:)` does.
    public mutating func render(_ result: RawResultSet, into out: inout OutputBuffer) {
        emit(into: &out) { renderer, text in
            renderer.write(result.result, hasRows: { !result.rows(ofSeriesAt: $0).isEmpty }, into: &text) { index, text in
                for (position, row) in result.rows(ofSeriesAt: index).enumerated() {
                    text.append(position > 0 ? ",[" : "[")
                    for (column, value) in row.enumerated() {
                        if column > 0 { text.append(UInt8(ascii: ",")) }
                        value.appendJSON(to: &text)
                    }
                    text.append(UInt8(ascii: "]"))
                }
            }
        }
    }
}
