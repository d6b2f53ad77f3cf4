import InfluxKit

/// The Go `influx` shell's `column` format.
///
/// Per series: `name: NAME` (when the series has one), `tags: k=v, k=v` (when it has tags),
/// the column names, a row of dashes as long as each name, then the values, with a blank line
/// between series. Cells are separated as Go's tabwriter (padding 1) lays them out: every
/// column but the last is padded with spaces to its widest cell plus one; the last is not
/// padded. Values print as the server sent them, null as nothing. Messages print as
/// `level: text.`.
///
/// The first ``windowSize`` rows of a series fix its widths; later rows (and the chunks that
/// continue it, which get no new header) keep them.
public struct ColumnRenderer: ResultRenderer {
    /// Rows that fix the column widths of a series.
    public let windowSize: Int
    private var window: WidthWindow
    private var tracker = ContinuationTracker()
    private var printedAnything = false
    /// Whether control characters in names, values and messages show escaped (on a terminal;
    /// see ``TerminalText``).
    public var escapesControlCharacters = false

    /// Creates a renderer.
    public init(windowSize: Int = 1000) {
        self.windowSize = windowSize
        window = WidthWindow(limit: windowSize)
    }

    /// Renders the messages and series of `result`.
    public mutating func render(_ result: ResultSet, into out: inout OutputBuffer) {
        appendMessages(of: result, into: &out)
        for series in result.series {
            begin(series, of: result, into: &out)
            for row in series.values {
                add(row.map(ValueText.text), into: &out)
            }
        }
    }

    /// Starts `series` of `result` unless it continues the series before it: its heading,
    /// column names and dashes, after a blank line when something was printed; before the
    /// series, the result's messages.
    mutating func begin(_ series: Series, of result: ResultSet, into out: inout OutputBuffer) {
        if !tracker.continues(series, of: result) {
            flushBlock(into: &out)
            if printedAnything { out.append(UInt8(ascii: "\n")) }
            SeriesHeading.append(series, escaping: escapesControlCharacters, into: &out)
            add(series.columns, into: &out)
            add(series.columns.map { String(repeating: "-", count: $0.utf8.count) }, into: &out)
            printedAnything = true
        }
    }

    /// Prints the messages of `result`, after the rows held.
    mutating func appendMessages(of result: ResultSet, into out: inout OutputBuffer) {
        for message in result.messages {
            flushBlock(into: &out)
            SeriesHeading.append(message, escaping: escapesControlCharacters, into: &out)
            printedAnything = true
        }
    }

    /// Prints the rows still held.
    public mutating func finish(into out: inout OutputBuffer) {
        flushBlock(into: &out)
    }

    /// Adds a row's cells: printed at once when the widths are fixed and no row is held, held
    /// otherwise.
    mutating func add(_ cells: [String], into out: inout OutputBuffer) {
        let cells = escapesControlCharacters ? cells.map { TerminalText.escaped($0) } : cells
        if let widths = window.widths, window.pending.isEmpty {
            printRow(cells, widths: widths, into: &out)
        } else if window.add(cells) {
            printHeld(into: &out)
        }
    }

    private mutating func flushBlock(into out: inout OutputBuffer) {
        window.fix()
        printHeld(into: &out)
        window = WidthWindow(limit: windowSize)
    }

    private mutating func printHeld(into out: inout OutputBuffer) {
        let widths = window.widths ?? []
        for cells in window.take() {
            printRow(cells, widths: widths, into: &out)
        }
    }

    /// Prints one row: every cell but the last padded to its column's width plus one.
    private func printRow(_ cells: [String], widths: [Int], into out: inout OutputBuffer) {
        for (index, cell) in cells.enumerated() {
            out.append(cell)
            if index < cells.count - 1 {
                let width = index < widths.count ? widths[index] : 0
                out.append(UInt8(ascii: " "), count: max(width - ValueText.width(cell), 0) + 1)
            }
        }
        out.append(UInt8(ascii: "\n"))
    }
}
