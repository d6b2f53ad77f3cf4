import InfluxKit

/// The server's JSON structure, `{"results":[…]}`: one document for a whole answer, or one line
/// per chunk when the query streams (as the server itself sends chunked answers).
public struct JSONRenderer: ResultRenderer {
    /// The results collected for one document, when not streaming.
    var pending: [ResultSet] = []
    /// Whether each result is printed as its own line at once.
    let streaming: Bool

    /// Creates a renderer; with `streaming`, each result is printed as its own line at once.
    public init(streaming: Bool = false) {
        self.streaming = streaming
    }

    /// Renders or collects one result.
    public mutating func render(_ result: ResultSet, into out: inout OutputBuffer) {
        if streaming {
            append([result], into: &out)
        } else {
            pending.append(result)
        }
    }

    /// Prints the collected results as one document.
    public mutating func finish(into out: inout OutputBuffer) {
        guard !streaming else { return }
        append(pending, into: &out)
        pending.removeAll()
    }

    private func append(_ results: [ResultSet], into out: inout OutputBuffer) {
        let document = JSONValue.object([(key: "results", value: .array(results.map(\.raw)))])
        out.append(document.serialized())
        out.append(UInt8(ascii: "\n"))
    }
}
