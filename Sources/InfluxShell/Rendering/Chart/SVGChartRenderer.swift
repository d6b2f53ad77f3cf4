import InfluxKit

/// Draws the results as one standalone SVG document (`--format svg`): for each statement and
/// numeric column a line chart with a value axis, a time axis and a legend, drawn the same
/// way as ``ChartRenderer`` draws in the terminal (min/max per column, gaps at nulls).
public struct SVGChartRenderer: ResultRenderer {
    /// The width and height of one chart, in pixels.
    let width: Int, height: Int
    private let options: ChartOptions
    private var models: [ChartModel] = []
    private var statement: Int?

    /// The line colours, in order.
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"]

    /// A renderer drawing charts of the options' size in pixels (800 × 300 when not given, at
    /// least 200 × 120).
    public init(options: ChartOptions = ChartOptions()) {
        width = max(options.size?.columns ?? 800, 200)
        height = max(options.size?.rows ?? 300, 120)
        self.options = options
    }

    public mutating func render(_ result: ResultSet, into out: inout OutputBuffer) {
        if statement != result.statementID {
            models.append(ChartModel(bucketCapacity: 2 * width, timeUnit: options.timeUnit))
            statement = result.statementID
        }
        models[models.count - 1].add(result)
    }

    public mutating func finish(into out: inout OutputBuffer) {
        var panels: [(ChartModel.Panel, ClosedRange<Int64>)] = []
        var notes: [String] = []
        for model in models {
            guard let range = model.timeRange, !model.isEmpty else {
                notes.append("nothing to chart: no numeric column over time")
                continue
            }
            panels += model.panels.filter { $0.lines.contains { $0.buckets.count > 0 } }.map { ($0, range) }
            if !model.skippedColumns.isEmpty { notes.append("not drawn (not numbers): " + model.skippedColumns.joined(separator: ", ")) }
            if model.hiddenSeries > 0 { notes.append("\(model.hiddenSeries) more series not drawn") }
        }
        let legendHeight = 20
        let total = panels.reduce(0) { $0 + height + legendHeight * ((($1.0.lines.count - 1) / 3) + 1) } + 20 * notes.count + 10
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(max(total, 40))\" viewBox=\"0 0 \(width) \(max(total, 40))\" font-family=\"sans-serif\" font-size=\"12\">\n")
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
        var top = 0
        for (panel, range) in panels {
            top = drawPanel(panel, range: range, top: top, into: &out)
        }
        for note in notes {
            top += 20
            out.append("<text x=\"10\" y=\"\(top)\" fill=\"#555\">\(Self.escaped(note))</text>\n")
        }
        out.append("</svg>\n")
    }

    /// Draws one chart below `top`; returns where the next starts.
    private func drawPanel(_ panel: ChartModel.Panel, range: ClosedRange<Int64>, top: Int, into out: inout OutputBuffer) -> Int {
        let (low, high) = panel.drawnRange
        let scale = ChartScale(minimum: low, maximum: high, count: 5)
        let (left, right, plotTop, plotBottom) = (70, width - 20, top + 25, top + height - 40)
        let plotWidth = right - left
        func y(_ position: Double) -> Double { Double(plotBottom) - position * Double(plotBottom - plotTop) }
        out.append("<text x=\"\(left)\" y=\"\(top + 16)\" font-weight=\"bold\">\(Self.escaped(panel.column))</text>\n")
        for tick in scale.ticks {
            let at = Self.number(y(scale.position(of: tick)))
            let stroke = tick == 0 && scale.lower < 0 ? "#888" : "#e5e5e5"
            out.append("<line x1=\"\(left)\" x2=\"\(right)\" y1=\"\(at)\" y2=\"\(at)\" stroke=\"\(stroke)\"/>\n")
            out.append("<text x=\"\(left - 6)\" y=\"\(at)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(Self.escaped(ChartScale.label(tick)))</text>\n")
        }
        out.append("<line x1=\"\(left)\" x2=\"\(left)\" y1=\"\(plotTop)\" y2=\"\(plotBottom)\" stroke=\"#333\"/>\n")
        out.append("<line x1=\"\(left)\" x2=\"\(right)\" y1=\"\(plotBottom)\" y2=\"\(plotBottom)\" stroke=\"#333\"/>\n")
        for (index, label) in ChartTimeAxis.labels(for: range, count: 3, in: options.timeZone).enumerated() {
            let anchor = ["start", "middle", "end"][index]
            let x = left + plotWidth * index / 2
            out.append("<text x=\"\(x)\" y=\"\(plotBottom + 16)\" text-anchor=\"\(anchor)\">\(Self.escaped(label)) \(options.timeZone.name)</text>\n")
        }
        for (index, line) in panel.lines.enumerated() where line.buckets.count > 0 {
            let trace = ChartTrace(line.buckets, range: range, count: plotWidth)
            var path = ""
            for stroke in trace.strokes(position: scale.position) {
                let (x1, x2) = (left + stroke.from.x, left + stroke.to.x)
                var (y1, y2) = (y(stroke.from.y), y(stroke.to.y))
                if x1 == x2 && y1 == y2 { y1 -= 0.75; y2 += 0.75 }  // a lone point stays visible
                path += "M\(x1) \(Self.number(y1))L\(x2) \(Self.number(y2))"
            }
            let colour = Self.palette[index % Self.palette.count]
            out.append("<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" stroke-linecap=\"round\"/>\n")
        }
        var legendTop = plotBottom + 34
        for (index, line) in panel.lines.enumerated() where line.buckets.count > 0 {
            let x = left + (index % 3) * (plotWidth / 3)
            if index > 0 && index % 3 == 0 { legendTop += 20 }
            out.append("<rect x=\"\(x)\" y=\"\(legendTop - 9)\" width=\"14\" height=\"4\" fill=\"\(Self.palette[index % Self.palette.count])\"/>\n")
            out.append("<text x=\"\(x + 20)\" y=\"\(legendTop - 4)\">\(Self.escaped(line.label))</text>\n")
        }
        return legendTop + 12
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// `text` for SVG: `&`, `<`, `>` and quotes escaped, control characters dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
