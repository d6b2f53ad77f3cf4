import InfluxKit

/// When results print one block per row (`\x`, `expanded`): never, always, or when a table
/// would be wider than the terminal (`auto`, as pgcli's `\x auto`).
public enum ExpandedDisplay: String, Sendable, CaseIterable {
    /// Results print in the chosen format.
    case off
    /// Results print vertically, whatever the format.
    case on
    /// Tables wider than the terminal print vertically.
    case auto

    /// Whether a series of `result` laid out in `format` takes more than `columns` characters
    /// on a line; only the column and table formats can be too wide. The `name:` and `tags:`
    /// headings do not count: the vertical display prints them as long.
    static func isTooWide(_ result: ResultSet, format: OutputFormat, columns: Int) -> Bool {
        guard format == .column || format == .table else { return false }
        return result.series.contains { series in
            var widths = series.columns.map(ValueText.width)
            for row in series.values {
                for (index, value) in row.enumerated() where index < widths.count {
                    widths[index] = max(widths[index], ValueText.width(ValueText.text(value)))
                }
            }
            let separators = format == .table ? 3 * widths.count + 1 : max(widths.count - 1, 0)
            return widths.reduce(separators, +) > columns
        }
    }
}
