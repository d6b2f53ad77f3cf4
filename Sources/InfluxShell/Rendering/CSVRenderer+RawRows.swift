import InfluxKit

extension CSVRenderer {
    /// CSV is written straight from the rows' JSON text.
    public var rendersRawRows: Bool { true }

    /// Renders the rows of every series of `result` from their JSON text: the same bytes as
    /// ``render(_:into:)-(ResultSet,_)`` writes for `result.decoded()`.
    ///
    /// ASCII strings without escapes are copied (quoted as CSV needs), and so are numbers that
    /// print as written (see `ValueText.printsAsWritten`); any other value is decoded and
    /// written as the decoding path writes it.
    public mutating func render(_ result: RawResultSet, into out: inout OutputBuffer) {
        for (index, series) in result.result.series.enumerated() {
            beginSeries(name: series.name, tags: series.tags, columns: series.columns, into: &out)
            rowPrefix.withUnsafeBufferPointer { prefix in
                for row in result.rows(ofSeriesAt: index) {
                    out.append(prefix)
                    var first = true
                    for value in row {
                        if !first { out.append(UInt8(ascii: ",")) }
                        first = false
                        appendRaw(value, into: &out)
                    }
                    out.append(UInt8(ascii: "\n"))
                }
            }
        }
    }

    /// Appends one value as a CSV field.
    @inline(__always)
    private func appendRaw(_ value: RawValue, into out: inout OutputBuffer) {
        if let bytes = ValueText.printedBytes(value) {
            // An ASCII string without escapes holds no quote and no line break (both would be
            // escaped): only a comma makes it need quotes. The other kinds hold none.
            if value.kind == .asciiString && Self.containsComma(bytes) {
                appendQuoted(bytes, into: &out)
            } else {
                out.append(bytes)
            }
            return
        }
        let decoded = value.decoded()
        if case let .string(text) = decoded {
            appendQuoted(text, into: &out)
        } else {
            ValueText.append(decoded, to: &out)
        }
    }

    /// Whether `bytes` hold a comma; eight bytes at a time, the last word overlapping the one
    /// before it rather than reading past the end.
    @inline(__always)
    static func containsComma(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return false }
        let count = bytes.count
        guard count >= 8 else { return bytes.contains(UInt8(ascii: ",")) }
        let raw = UnsafeRawPointer(start)
        var offset = 0
        while true {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if word.bytesEqual(to: UInt8(ascii: ",")) != 0 { return true }
            if offset + 8 == count { return false }
            offset = Swift.min(offset + 8, count - 8)
        }
    }

    /// Appends `text` to `bytes`, quoted as ``appendQuoted(_:into:)`` quotes it.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = Array(text.utf8)
        guard utf8.contains(where: needsQuotes) else { return bytes.append(contentsOf: utf8) }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
