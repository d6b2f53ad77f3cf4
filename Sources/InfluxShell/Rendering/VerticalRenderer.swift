import InfluxKit

/// One block per row, one `label: value` line per column, like MySQL's `\G`: a rule with the
/// row's number (counting from 1 over the whole output), then `name` and `tags` (when the series
/// has them, unless a column has that name, as in `SHOW DATABASES`) and every column, labels
/// right-aligned to the longest.
///
/// ```
/// *************************** 1. row ***************************
///  name: cpu
///  tags: host=a
///  time: 2024-01-01T00:00:00Z
/// usage: 0.5
/// ```
public struct VerticalRenderer: ResultRenderer {
    /// The number of the last row printed.
    var rowNumber = 0
    /// Whether control characters in names, values and messages show escaped (on a terminal;
    /// see ``TerminalText``).
    public var escapesControlCharacters = false

    /// Creates a renderer.
    public init() {}

    /// Renders every row of `result`.
    public mutating func render(_ result: ResultSet, into out: inout OutputBuffer) {
        for message in result.messages {
            SeriesHeading.append(message, escaping: escapesControlCharacters, into: &out)
        }
        for series in result.series {
            let (fixed, padded) = Self.labels(of: series, escaping: escapesControlCharacters)
            for row in series.values {
                appendRule(into: &out)
                for (index, text) in (fixed + row.map(ValueText.text)).enumerated() where index < padded.count {
                    out.append(padded[index])
                    out.append(index < fixed.count || !escapesControlCharacters ? text : TerminalText.escaped(text))
                    out.append(UInt8(ascii: "\n"))
                }
            }
        }
    }

    /// The texts printed before a row's values (`name` and `tags`, when shown) and every line's
    /// label, right-aligned and followed by `: `.
    static func labels(of series: Series, escaping: Bool = false) -> (fixed: [String], padded: [String]) {
        var labels: [String] = []
        var fixed: [String] = []
        if let name = series.name, !name.isEmpty, !series.columns.contains("name") {
            labels.append("name")
            fixed.append(name)
        }
        if let tags = series.tags, !tags.isEmpty, !series.columns.contains("tags") {
            labels.append("tags")
            fixed.append(ValueText.tagList(tags))
        }
        labels += series.columns
        if escaping {
            labels = labels.map { TerminalText.escaped($0) }
            fixed = fixed.map { TerminalText.escaped($0) }
        }
        let width = labels.map(ValueText.width).max() ?? 0
        let padded = labels.map { String(repeating: " ", count: width - ValueText.width($0)) + $0 + ": " }
        return (fixed, padded)
    }

    /// Counts the next row and appends its rule.
    mutating func appendRule(into out: inout OutputBuffer) {
        rowNumber += 1
        out.append("*************************** \(rowNumber). row ***************************\n")
    }
}
