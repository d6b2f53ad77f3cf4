import InfluxKit

extension VerticalRenderer {
    /// Rows are written straight from their JSON text.
    public var rendersRawRows: Bool { true }

    /// Renders every row of `result` from its JSON text: the same bytes as
    /// ``render(_:into:)-(ResultSet,_)`` writes for `result.decoded()`.
    ///
    /// ASCII strings without escapes, literals and numbers that print as written (see
    /// `ValueText.printsAsWritten`) are copied; any other value is decoded and written as the
    /// decoding path writes it.
    public mutating func render(_ result: RawResultSet, into out: inout OutputBuffer) {
        for message in result.result.messages {
            SeriesHeading.append(message, escaping: escapesControlCharacters, into: &out)
        }
        for (index, series) in result.result.series.enumerated() {
            let (fixed, padded) = Self.labels(of: series, escaping: escapesControlCharacters)
            for row in result.rows(ofSeriesAt: index) {
                appendRule(into: &out)
                for (position, text) in fixed.enumerated() where position < padded.count {
                    out.append(padded[position])
                    out.append(text)
                    out.append(UInt8(ascii: "\n"))
                }
                for (position, value) in row.enumerated() where fixed.count + position < padded.count {
                    out.append(padded[fixed.count + position])
                    if escapesControlCharacters {
                        out.append(TerminalText.escaped(ValueText.text(value)))
                    } else {
                        Self.appendRaw(value, into: &out)
                    }
                    out.append(UInt8(ascii: "\n"))
                }
            }
        }
    }

    /// Appends one value as `ValueText.text` writes it.
    @inline(__always)
    private static func appendRaw(_ value: RawValue, into out: inout OutputBuffer) {
        if let bytes = ValueText.printedBytes(value) {
            out.append(bytes)
        } else {
            out.append(ValueText.text(value.decoded()))
        }
    }
}
