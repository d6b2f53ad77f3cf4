/// Browsing a result the way influxdb-python 5.3's `ResultSet` does.
///
/// A series is identified by its name and tags. The server omits the name for results such as
/// `SHOW RETENTION POLICIES`; like influxdb-python (which reads `series.get('name', 'results')`),
/// such a series is known by the name `results` for keys, items and measurement filtering.
extension ResultSet {
    /// The name influxdb-python gives a series the server sent without one.
    public static let unnamedSeriesName = "results"

    /// One `(name, tags)` key per series, in order, as influxdb-python's `keys()`.
    ///
    /// `name` is `results` when the series has none; `tags` is `nil` when the server sent none.
    public func keys() -> [(name: String, tags: [String: String]?)] {
        series.map { (name: $0.name ?? Self.unnamedSeriesName, tags: $0.tags) }
    }

    /// Each series' key with its points, in order, as influxdb-python's `items()`.
    public func items() -> [(key: (name: String, tags: [String: String]?), points: [[String: JSONValue]])] {
        series.map { series in
            (
                key: (name: series.name ?? Self.unnamedSeriesName, tags: series.tags),
                points: series.values.map { Self.point(columns: series.columns, values: $0) }
            )
        }
    }

    /// The points (one `column → value` dictionary per row) that match the filters, in order,
    /// with exactly the rules of influxdb-python's `get_points`:
    ///
    /// - `measurement`: when given, only series with that name are considered (a series without
    ///   a name is called `results`).
    /// - `tags`: when given, a point matches when *every* filter entry is equal to the series'
    ///   tags, or when *every* entry is equal to the point's own columns (a column value matches
    ///   only a string with the same text). The two are not mixed: some entries matched by the
    ///   series tags and the rest by the columns is no match. An empty filter matches everything.
    ///
    /// - Parameters:
    ///   - measurement: the series name to keep, or `nil` for all.
    ///   - tags: the tag values to keep, or `nil` for all.
    public func points(measurement: String? = nil, tags: [String: String]? = nil) -> [[String: JSONValue]] {
        var points: [[String: JSONValue]] = []
        forEachPoint(measurement: measurement, tags: tags) { _, point in points.append(point) }
        return points
    }

    /// Calls `body` with each point that `points(measurement:tags:)` keeps, and its series.
    func forEachPoint(
        measurement: String?,
        tags: [String: String]?,
        _ body: (Series, [String: JSONValue]) throws -> Void
    ) rethrows {
        for series in series {
            let name = series.name ?? Self.unnamedSeriesName
            if let measurement, measurement != name { continue }
            let seriesMatches = tags.map { Self.matches(series.tags ?? [:], $0) } ?? true
            for row in series.values {
                let point = Self.point(columns: series.columns, values: row)
                if seriesMatches || Self.matches(point, tags ?? [:]) {
                    try body(series, point)
                }
            }
        }
    }

    /// The point of one row: each column name mapped to the row's value in that position, as
    /// influxdb-python's `point_from_cols_vals`. A later column with the same name wins; columns
    /// beyond the end of the row are left out.
    public static func point(columns: [String], values: [JSONValue]) -> [String: JSONValue] {
        var point: [String: JSONValue] = [:]
        point.reserveCapacity(columns.count)
        for (column, value) in zip(columns, values) {
            point[column] = value
        }
        return point
    }

    /// Whether every filter entry equals the series tag of that name.
    static func matches(_ seriesTags: [String: String], _ filter: [String: String]) -> Bool {
        filter.allSatisfy { seriesTags[$0.key] == $0.value }
    }

    /// Whether every filter entry equals the point's column of that name, as a string.
    static func matches(_ point: [String: JSONValue], _ filter: [String: String]) -> Bool {
        filter.allSatisfy { point[$0.key] == .string($0.value) }
    }
}
