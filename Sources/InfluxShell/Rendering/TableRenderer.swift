import InfluxKit

/// Tables with box lines: per series, `name:` and `tags:` lines as in ``ColumnRenderer``, then
/// a framed table with a header row; numbers are right-aligned, text left-aligned, null is
/// empty.
///
/// With `unicode` (for a terminal) the frame is drawn with box-drawing characters; otherwise
/// with ASCII `+`, `-` and `|`, which survive any file or pager. The first ``windowSize`` rows
/// of a series fix the column widths; a longer value later overflows its cell.
public struct TableRenderer: ResultRenderer {
    /// The characters of a frame.
    struct Frame {
        var horizontal: String, vertical: String
        /// Left, middle and right joints of the top, middle and bottom lines.
        var top: (String, String, String), middle: (String, String, String), bottom: (String, String, String)

        static let ascii = Frame(horizontal: "-", vertical: "|", top: ("+", "+", "+"), middle: ("+", "+", "+"), bottom: ("+", "+", "+"))
        static let unicode = Frame(horizontal: "─", vertical: "│", top: ("┌", "┬", "┐"), middle: ("├", "┼", "┤"), bottom: ("└", "┴", "┘"))
    }

    /// Rows that fix the column widths of a series.
    public let windowSize: Int
    private let frame: Frame
    private var window: WidthWindow
    private var header: [String]?
    var numeric: [Bool] = []
    private var tableOpen = false
    private var tracker = ContinuationTracker()
    private var printedAnything = false
    /// Whether control characters in names, values and messages show escaped (on a terminal;
    /// see ``TerminalText``).
    public var escapesControlCharacters = false

    /// Creates a renderer; `unicode` draws box-drawing characters instead of ASCII.
    public init(unicode: Bool, windowSize: Int = 1000) {
        frame = unicode ? .unicode : .ascii
        self.windowSize = windowSize
        window = WidthWindow(limit: windowSize)
    }

    /// Renders the messages and series of `result`.
    public mutating func render(_ result: ResultSet, into out: inout OutputBuffer) {
        appendMessages(of: result, into: &out)
        for series in result.series {
            begin(series, of: result, into: &out)
            for row in series.values {
                for (index, value) in row.enumerated() where index < numeric.count && ValueText.isNumber(value) {
                    numeric[index] = true
                }
                add(row.map(ValueText.text), into: &out)
            }
        }
    }

    /// Prints the messages of `result`, closing the table before them.
    mutating func appendMessages(of result: ResultSet, into out: inout OutputBuffer) {
        for message in result.messages {
            closeTable(into: &out)
            SeriesHeading.append(message, escaping: escapesControlCharacters, into: &out)
            printedAnything = true
        }
    }

    /// Starts a table for `series` of `result` unless it continues the series before it.
    mutating func begin(_ series: Series, of result: ResultSet, into out: inout OutputBuffer) {
        if !tracker.continues(series, of: result) {
            closeTable(into: &out)
            if printedAnything { out.append(UInt8(ascii: "\n")) }
            SeriesHeading.append(series, escaping: escapesControlCharacters, into: &out)
            let columns = escapesControlCharacters ? series.columns.map { TerminalText.escaped($0) } : series.columns
            header = columns
            numeric = Array(repeating: false, count: series.columns.count)
            _ = window.add(columns)
            printedAnything = true
        }
    }

    /// Adds a row's cells: printed at once when the table is open and no row is held (its
    /// widths are fixed then), held otherwise and printed once the widths are fixed.
    mutating func add(_ cells: [String], into out: inout OutputBuffer) {
        let cells = escapesControlCharacters ? cells.map { TerminalText.escaped($0) } : cells
        if tableOpen, window.widths != nil, window.pending.isEmpty {
            line(cells, rightAligned: numeric, into: &out)
        } else if window.add(cells) {
            printHeld(into: &out)
        }
    }

    /// Closes the last table.
    public mutating func finish(into out: inout OutputBuffer) {
        closeTable(into: &out)
    }

    private mutating func closeTable(into out: inout OutputBuffer) {
        guard header != nil else { return }
        window.fix()
        printHeld(into: &out)
        rule(frame.bottom, into: &out)
        header = nil
        tableOpen = false
        window = WidthWindow(limit: windowSize)
    }

    /// Prints the rows held; the first time for a table, its top and header first.
    private mutating func printHeld(into out: inout OutputBuffer) {
        var rows = window.take()
        if !tableOpen, !rows.isEmpty {
            tableOpen = true
            rule(frame.top, into: &out)
            line(rows.removeFirst(), rightAligned: [], into: &out)
            rule(frame.middle, into: &out)
        }
        for row in rows {
            line(row, rightAligned: numeric, into: &out)
        }
    }

    private func rule(_ joints: (String, String, String), into out: inout OutputBuffer) {
        let widths = window.widths ?? []
        out.append(joints.0)
        for (index, width) in widths.enumerated() {
            if index > 0 { out.append(joints.1) }
            out.append(String(repeating: frame.horizontal, count: width + 2))
        }
        out.append(joints.2 + "\n")
    }

    private func line(_ cells: [String], rightAligned: [Bool], into out: inout OutputBuffer) {
        let widths = window.widths ?? []
        out.append(frame.vertical)
        for (index, width) in widths.enumerated() {
            let cell = index < cells.count ? cells[index] : ""
            let padding = max(width - ValueText.width(cell), 0)
            let right = index < rightAligned.count && rightAligned[index]
            out.append(UInt8(ascii: " "))
            if right {
                out.append(UInt8(ascii: " "), count: padding)
                out.append(cell)
            } else {
                out.append(cell)
                out.append(UInt8(ascii: " "), count: padding)
            }
            out.append(UInt8(ascii: " "))
            out.append(frame.vertical)
        }
        out.append(UInt8(ascii: "\n"))
    }
}
