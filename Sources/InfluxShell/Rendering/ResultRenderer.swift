import InfluxKit

/// Turns results into text as they arrive (one call per result or chunk).
public protocol ResultRenderer {
    /// Renders one result (a whole statement, or one chunk of it when streaming).
    mutating func render(_ result: ResultSet, into out: inout OutputBuffer)
    /// Writes whatever must come after the last result.
    mutating func finish(into out: inout OutputBuffer)
}

extension ResultRenderer {
    /// Nothing to finish by default.
    public mutating func finish(into out: inout OutputBuffer) {}
}

/// The output formats of one-shot queries.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// One flat CSV table: `name`, `tags`, then the columns.
    case csv
    /// The server's JSON structure.
    case json

    /// A renderer for this format.
    public func makeRenderer(streaming: Bool) -> any ResultRenderer {
        switch self {
        case .csv: return CSVRenderer()
        case .json: return JSONRenderer(streaming: streaming)
        }
    }
}
