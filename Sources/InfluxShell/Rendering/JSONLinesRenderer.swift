import InfluxKit

/// JSON Lines: one object per row, `{"name":…,"tags":{…},"col":value,…}`, values with their
/// JSON types. `name` is the series name, left out when it has none (`SHOW SERIES`; rather
/// than influxdb-python's made-up `results`, which a real measurement may be called), and `tags`
/// its tags (`{}` when none). A column called `name` or `tags` (as in `SHOW DATABASES`) takes that key and the
/// series' own is left out, so no object holds a key twice.
public struct JSONLinesRenderer: ResultRenderer {
    /// Creates a renderer.
    public init() {}

    /// Renders every row of `result`.
    public mutating func render(_ result: ResultSet, into out: inout OutputBuffer) {
        for series in result.series {
            let meta = Self.meta(of: series)
            for row in series.values {
                var fields = meta
                for (column, value) in zip(series.columns, row) { fields.append((column, value)) }
                out.append(JSONValue.object(fields).serialized())
                out.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// The members every row of `series` starts with: its `name` and `tags`, unless a column
    /// has that name.
    static func meta(of series: Series) -> [(key: String, value: JSONValue)] {
        var meta: [(key: String, value: JSONValue)] = []
        if let name = series.name, !series.columns.contains("name") { meta.append(("name", .string(name))) }
        if !series.columns.contains("tags") {
            let tags = (series.tags ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, value: JSONValue.string($0.value)) }
            meta.append(("tags", .object(tags)))
        }
        return meta
    }
}
