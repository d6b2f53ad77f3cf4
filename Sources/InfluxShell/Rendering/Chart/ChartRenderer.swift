import Glibc
import InfluxKit

/// Draws the results of each statement as line charts in the terminal (`--format chart`): one
/// chart per numeric column, one line per series in its own colour, with a value axis, a time
/// axis and a legend. Results without a time column or a numeric column are shown as a table.
public struct ChartRenderer: ResultRenderer {
    /// Characters across and lines down of one chart, axes and legend included.
    let width: Int, height: Int
    /// Whether to colour the lines (ANSI escapes).
    let colour: Bool
    private let options: ChartOptions
    private var model: ChartModel
    private var statement: Int?
    /// Results kept in case the statement has nothing to chart (bounded).
    private var kept: [ResultSet] = []
    private var keptRows = 0

    /// Whether colour is allowed at all: not when `NO_COLOR` is set (https://no-color.org).
    public static var colourAllowed: Bool { getenv("NO_COLOR").map { $0.pointee == 0 } ?? true }

    /// Whether `TERM` names a terminal with 256 colours (`xterm-256color`, `tmux-256color`).
    public static var terminalHas256Colours: Bool {
        getenv("TERM").map { String(cString: $0).contains("256") } ?? false
    }

    /// The ANSI colours of the lines, in order.
    static let palette = [32, 33, 34, 35, 36, 31, 92, 93, 94, 95, 96, 91]
    /// The same from the 256-colour table: distinct hues that read on dark and light backgrounds.
    static let palette256 = [39, 214, 70, 170, 44, 203, 141, 178, 33, 208, 77, 197]

    /// A renderer drawing charts of the options' size in characters (80 × 22 when not given, at
    /// least 30 × 8), title, axes and legend included; in colour when `colour`.
    public init(options: ChartOptions, colour: Bool) {
        width = max(options.size?.columns ?? 80, 30)
        height = max(options.size?.rows ?? 22, 8)
        self.colour = colour
        self.options = options
        model = ChartModel(bucketCapacity: 4 * width, timeUnit: options.timeUnit)
    }

    public mutating func render(_ result: ResultSet, into out: inout OutputBuffer) {
        if statement != result.statementID {
            draw(into: &out)
            statement = result.statementID
        }
        model.add(result)
        if keptRows < 1_000 {
            kept.append(result)
            keptRows += result.series.reduce(0) { $0 + $1.values.count }
        }
    }

    public mutating func finish(into out: inout OutputBuffer) {
        draw(into: &out)
    }

    /// Draws the current statement's charts, or its table when there is nothing to chart.
    private mutating func draw(into out: inout OutputBuffer) {
        defer {
            model = ChartModel(bucketCapacity: 4 * width, timeUnit: options.timeUnit)
            kept = []
            keptRows = 0
        }
        guard statement != nil else { return }
        guard let range = model.timeRange, !model.isEmpty else {
            if kept.contains(where: { !$0.series.isEmpty }) {
                out.append("(nothing to chart: no numeric column over time; shown as a table)\n")
                var table = TableRenderer(unicode: colour)
                for result in kept { table.render(result, into: &out) }
                table.finish(into: &out)
            }
            return
        }
        for panel in model.panels where panel.lines.contains(where: { $0.buckets.count > 0 }) {
            drawPanel(panel, range: range, into: &out)
        }
        var notes: [String] = []
        if !model.skippedColumns.isEmpty { notes.append("not drawn (not numbers): " + model.skippedColumns.joined(separator: ", ")) }
        if model.hiddenSeries > 0 { notes.append("\(model.hiddenSeries) more series not drawn") }
        for note in notes { out.append(note + "\n") }
    }

    private func drawPanel(_ panel: ChartModel.Panel, range: ClosedRange<Int64>, into out: inout OutputBuffer) {
        let (low, high) = panel.drawnRange
        let plotHeight = height - 4
        let scale = ChartScale(minimum: low, maximum: high, count: max(plotHeight / 2, 3))
        let dotRows = plotHeight * 4
        let dotRow = { (position: Double) in Int(((1 - position) * Double(dotRows - 1)).rounded()) }
        // The lowest and highest value drawn on the bottom and top rows, round values between.
        var tickRows: [Int: String] = [0: ChartScale.label(scale.upper), plotHeight - 1: ChartScale.label(scale.lower)]
        for tick in scale.ticks {
            let row = dotRow(scale.position(of: tick)) / 4
            if row > 0 && row < plotHeight - 1 { tickRows[row] = ChartScale.label(tick) }
        }
        let labelWidth = tickRows.values.map(\.count).max() ?? 1
        var canvas = BrailleCanvas(columns: width - labelWidth - 2, rows: plotHeight)
        draw(panel, range: range, scale: scale, dotRow: dotRow, on: &canvas)
        out.append(panel.column + "\n")
        for row in 0..<plotHeight {
            let label = tickRows[row] ?? ""
            out.append(String(repeating: " ", count: labelWidth - label.count) + label + (tickRows[row] == nil ? " │" : " ┤"))
            for column in 0..<canvas.columns {
                appendCell(canvas, column: column, row: row, into: &out)
            }
            if colour { out.append("\u{1B}[0m") }
            out.append("\n")
        }
        out.append(String(repeating: " ", count: labelWidth + 1) + "└" + String(repeating: "─", count: canvas.columns) + "\n")
        out.append(String(repeating: " ", count: labelWidth + 2) + Self.spread(timeLabels(range), width: canvas.columns) + "\n")
        // The legend, wrapped to the width: entries and their visible lengths.
        let indent = String(repeating: " ", count: labelWidth + 2)
        var line = indent, visible = indent.count
        for (index, series) in panel.lines.enumerated() where series.buckets.count > 0 {
            let name = Self.printable(series.label)
            let mark = colour ? "\u{1B}[\(colourCode(index))m━━\u{1B}[0m" : Self.marks[index % Self.marks.count]
            let length = 2 + 1 + name.count
            if visible > indent.count && visible + 2 + length > width {
                out.append(line + "\n")
                (line, visible) = (indent, indent.count)
            }
            if visible > indent.count { (line, visible) = (line + "  ", visible + 2) }
            (line, visible) = (line + mark + " " + name, visible + length)
        }
        out.append(line + "\n")
    }

    /// Draws the zero line (when the range crosses zero) and every line of `panel`.
    private func draw(
        _ panel: ChartModel.Panel, range: ClosedRange<Int64>, scale: ChartScale, dotRow: (Double) -> Int,
        on canvas: inout BrailleCanvas
    ) {
        if scale.lower < 0 && scale.upper > 0 {
            let zero = dotRow(scale.position(of: 0))
            for x in stride(from: 0, to: canvas.dotColumns, by: 4) { canvas.set(x: x, y: zero, colour: -2) }
        }
        for (index, line) in panel.lines.enumerated() {
            let trace = ChartTrace(line.buckets, range: range, count: canvas.dotColumns)
            for stroke in trace.strokes(position: scale.position) {
                if stroke.from.x == stroke.to.x {
                    canvas.vertical(x: stroke.from.x, from: dotRow(stroke.from.y), to: dotRow(stroke.to.y), colour: index)
                } else {
                    canvas.line(from: (stroke.from.x, dotRow(stroke.from.y)), to: (stroke.to.x, dotRow(stroke.to.y)), colour: index)
                }
            }
        }
    }

    /// The SGR parameters of line `index`'s colour: from 256 when the terminal has them.
    private func colourCode(_ index: Int) -> String {
        options.colours256 ? "38;5;\(Self.palette256[index % Self.palette256.count])" : String(Self.palette[index % Self.palette.count])
    }

    /// The time labels of `range`: three, with the zone when it is not UTC.
    private func timeLabels(_ range: ClosedRange<Int64>) -> [String] {
        var labels = ChartTimeAxis.labels(for: range, count: 3, in: options.timeZone)
        if options.timeZone != .utc { labels[2] += " " + options.timeZone.name }
        return labels
    }

    /// Letters that tell lines apart without colour, in the legend.
    static let marks = ["a:", "b:", "c:", "d:", "e:", "f:", "g:", "h:", "i:", "j:", "k:", "l:"]

    private func appendCell(_ canvas: BrailleCanvas, column: Int, row: Int, into out: inout OutputBuffer) {
        let character = canvas.character(column: column, row: row)
        let cellColour = canvas.colour(column: column, row: row)
        if colour {
            out.append("\u{1B}[\(cellColour == -2 ? "90" : cellColour >= 0 ? colourCode(cellColour) : "0")m")
        }
        out.append(String(character))
    }

    /// `text` with control characters shown as `\xNN`, so data cannot drive the terminal.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `labels` placed at the start, the middle and the end of `width` characters.
    static func spread(_ labels: [String], width: Int) -> String {
        guard labels.count >= 3 else { return labels.joined(separator: " ") }
        var line = Array(repeating: Character(" "), count: max(width, labels.map(\.count).reduce(0, +) + 2))
        func place(_ label: String, at start: Int) {
            for (offset, character) in label.enumerated() where start + offset < line.count { line[start + offset] = character }
        }
        place(labels[0], at: 0)
        place(labels[1], at: max(labels[0].count + 1, (line.count - labels[1].count) / 2))
        place(labels[2], at: line.count - labels[2].count)
        return String(line)
    }
}
