import InfluxKit

/// RFC 4180 CSV with `name` and `tags` (as `k=v,k=v`) as the first two columns of every row,
/// so all series of a result form one flat table.
///
/// The header line is printed once, and again only when a series has different columns (e.g. a
/// second statement selecting other fields).
public struct CSVRenderer: ResultRenderer {
    var lastColumns: [String]?
    /// The quoted name and tags of the series being written, reused between series.
    var rowPrefix: [UInt8] = []

    /// Creates a renderer.
    public init() {}

    /// Renders the rows of every series of `result`.
    public mutating func render(_ result: ResultSet, into out: inout OutputBuffer) {
        for series in result.series {
            if series.columns != lastColumns {
                appendRow(["name", "tags"] + series.columns, into: &out)
                lastColumns = series.columns
            }
            let name = series.name ?? ""
            let tags = ValueText.tagList(series.tags)
            for row in series.values {
                appendQuoted(name, into: &out)
                out.append(UInt8(ascii: ","))
                appendQuoted(tags, into: &out)
                for value in row {
                    out.append(UInt8(ascii: ","))
                    if case let .string(s) = value {
                        appendQuoted(s, into: &out)
                    } else {
                        ValueText.append(value, to: &out)
                    }
                }
                out.append(UInt8(ascii: "\n"))
            }
        }
    }

    func appendRow(_ fields: [String], into out: inout OutputBuffer) {
        for (index, text) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendQuoted(text, into: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// Appends `text`, quoted only when it holds a comma, quote or line break.
    func appendQuoted(_ text: String, into out: inout OutputBuffer) {
        var text = text
        text.withUTF8 { appendQuoted($0, into: &out) }
    }

    /// Appends the UTF-8 bytes `utf8`, quoted only when they hold a comma, quote or line break.
    @inline(__always)
    func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout OutputBuffer) {
        guard utf8.contains(where: Self.needsQuotes) else { return out.append(utf8) }
        out.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether `byte` makes a field need quotes: a comma, a quote or a line break.
    @inline(__always)
    static func needsQuotes(_ byte: UInt8) -> Bool {
        // All four are below 0x2D: one comparison settles most bytes.
        byte < 0x2D && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13)
    }
}
