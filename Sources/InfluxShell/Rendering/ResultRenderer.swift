import InfluxKit

/// Turns results into text as they arrive (one call per result or chunk).
public protocol ResultRenderer {
    /// Renders one result (a whole statement, or one chunk of it when streaming).
    mutating func render(_ result: ResultSet, into out: inout OutputBuffer)
    /// Writes whatever must come after the last result.
    mutating func finish(into out: inout OutputBuffer)
    /// Writes what is still held when the answer broke off: the rows that came whole, but
    /// nothing that would make the output look complete.
    mutating func breakOff(into out: inout OutputBuffer)
    /// Whether ``render(_:into:)-(RawResultSet,_)`` writes rows from their JSON text, without
    /// decoding them first (then a caller should prefer it).
    var rendersRawRows: Bool { get }
    /// Renders one result whose rows are still JSON text: the same bytes as rendering
    /// `result.decoded()`.
    mutating func render(_ result: RawResultSet, into out: inout OutputBuffer)
}

extension ResultRenderer {
    /// Nothing to finish by default.
    public mutating func finish(into out: inout OutputBuffer) {}

    /// What ``finish(into:)`` writes, by default.
    public mutating func breakOff(into out: inout OutputBuffer) {
        finish(into: &out)
    }

    /// Rows are decoded first by default.
    public var rendersRawRows: Bool { false }

    /// Decodes the rows and renders the result.
    public mutating func render(_ result: RawResultSet, into out: inout OutputBuffer) {
        render(result.decoded(), into: &out)
    }
}

/// The output formats of one-shot queries.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// The Go `influx` shell's column layout (the default).
    case column
    /// Framed tables: box-drawing lines on a terminal, ASCII otherwise.
    case table
    /// One flat CSV table: `name`, `tags`, then the columns.
    case csv
    /// The server's JSON structure: one document for all statements.
    case json
    /// One JSON object per row.
    case jsonl
    /// One `label: value` block per row.
    case vertical
    /// Line charts drawn with braille characters, one per numeric column.
    case chart
    /// The same charts as one SVG document.
    case svg

    /// A renderer for this format; `terminal` says whether the output goes to a terminal (then
    /// the human formats show control characters escaped, see ``TerminalText``, and charts are
    /// coloured; csv, json and jsonl keep their bytes exact); `pretty` indents json; `chart`
    /// says how charts are drawn.
    public func makeRenderer(terminal: Bool = false, pretty: Bool = false, chart: ChartOptions = ChartOptions()) -> any ResultRenderer {
        switch self {
        case .column:
            var renderer = ColumnRenderer()
            renderer.escapesControlCharacters = terminal
            return renderer
        case .table:
            var renderer = TableRenderer(unicode: terminal)
            renderer.escapesControlCharacters = terminal
            return renderer
        case .csv: return CSVRenderer()
        case .json: return JSONRenderer(pretty: pretty)
        case .jsonl: return JSONLinesRenderer()
        case .vertical:
            var renderer = VerticalRenderer()
            renderer.escapesControlCharacters = terminal
            return renderer
        case .chart:
            var options = chart
            options.size = options.size ?? (80, 22)
            return ChartRenderer(options: options, colour: terminal && ChartRenderer.colourAllowed)
        case .svg:
            var options = chart
            options.size = options.size ?? (800, 300)
            return SVGChartRenderer(options: options)
        }
    }
}
