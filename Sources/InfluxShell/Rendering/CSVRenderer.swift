import InfluxKit

/// RFC 4180 CSV as the Go shell's `-format csv` writes it: a `name` column when a series has
/// a name and a `tags` column (`k=v,k=v`) when it has tags, before its own columns, so all
/// series of a result form one flat table.
///
/// A header line is printed only when it differs from the last one printed: once for all the
/// chunks and series of a statement that share their shape, and again for a series or a
/// statement with other columns (the Go shell repeats it for every series of a statement).
public struct CSVRenderer: ResultRenderer {
    var lastHeader: [String]?
    /// The quoted name and tags of the series being written, with their commas, reused between
    /// series.
    var rowPrefix: [UInt8] = []

    /// Creates a renderer.
    public init() {}

    /// Renders the rows of every series of `result`.
    public mutating func render(_ result: ResultSet, into out: inout OutputBuffer) {
        for series in result.series {
            beginSeries(name: series.name, tags: series.tags, columns: series.columns, into: &out)
            for row in series.values {
                out.append(rowPrefix)
                for (index, value) in row.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
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

    /// Prints the header of a series unless it is the last one printed, and prepares
    /// ``rowPrefix``: the name and tags columns the header has.
    mutating func beginSeries(name: String?, tags: [String: String]?, columns: [String], into out: inout OutputBuffer) {
        let hasName = !(name ?? "").isEmpty, hasTags = !(tags ?? [:]).isEmpty
        let header = (hasName ? ["name"] : []) + (hasTags ? ["tags"] : []) + columns
        if header != lastHeader {
            appendRow(header, into: &out)
            lastHeader = header
        }
        rowPrefix.removeAll(keepingCapacity: true)
        if let name, hasName {
            Self.appendQuoted(name, to: &rowPrefix)
            rowPrefix.append(UInt8(ascii: ","))
        }
        if hasTags {
            Self.appendQuoted(ValueText.tagList(tags), to: &rowPrefix)
            rowPrefix.append(UInt8(ascii: ","))
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
