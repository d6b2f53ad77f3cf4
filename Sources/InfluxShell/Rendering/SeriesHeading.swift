import InfluxKit

/// The lines the Go `influx` shell prints above a series and for a server message.
enum SeriesHeading {
    /// `name: …` and `tags: k=v, k=v`, each only when there is something to show.
    static func append(_ series: Series, into out: inout OutputBuffer) {
        if let name = series.name, !name.isEmpty { out.append("name: \(name)\n") }
        if let tags = series.tags, !tags.isEmpty { out.append("tags: \(ValueText.tagList(tags, separator: ", "))\n") }
    }

    /// A server message such as `warning: deprecated use of ….`
    static func append(_ message: ResultSet.Message, into out: inout OutputBuffer) {
        out.append("\(message.level): \(message.text).\n")
    }
}
