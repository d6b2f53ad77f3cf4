/// One series of a statement result: a name, its tags, column names and rows.
public struct Series: Sendable, Equatable {
    /// The measurement name; `nil` for results without one (e.g. `SHOW RETENTION POLICIES`).
    public var name: String?
    /// The series' tags (from `GROUP BY`); `nil` when the server sent none.
    public var tags: [String: String]?
    /// Column names, `time` first when present.
    public var columns: [String]
    /// Rows, each with one value per column.
    public var values: [[JSONValue]]
    /// True when more rows of this series follow in a later chunk (the server's `partial`).
    public var isPartial: Bool

    /// Creates a series.
    public init(
        name: String?,
        tags: [String: String]? = nil,
        columns: [String],
        values: [[JSONValue]] = [],
        isPartial: Bool = false
    ) {
        self.name = name
        self.tags = tags
        self.columns = columns
        self.values = values
        self.isPartial = isPartial
    }
}
