import InfluxKit

/// The lines the Go `influx` shell prints above a series and for a server message.
enum SeriesHeading {
    /// `name: …` and `tags: k=v, k=v`, each only when there is something to show; with
    /// `escaping`, control characters show escaped (see ``TerminalText``).
    static func append(_ series: Series, escaping: Bool = false, into out: inout OutputBuffer) {
        if let name = series.name, !name.isEmpty { out.append("name: \(text(name, escaping))\n") }
        if let tags = series.tags, !tags.isEmpty {
            out.append("tags: \(text(ValueText.tagList(tags, separator: ", "), escaping))\n")
        }
    }

    /// A server message such as `warning: deprecated use of ….`
    static func append(_ message: ResultSet.Message, escaping: Bool = false, into out: inout OutputBuffer) {
        out.append("\(text(message.level, escaping)): \(text(message.text, escaping)).\n")
    }

    private static func text(_ text: String, _ escaping: Bool) -> String {
        escaping ? TerminalText.escaped(text) : text
    }
}
