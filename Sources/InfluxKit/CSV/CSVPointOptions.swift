/// How ``CSVPointStream`` makes points of the columns of a plain CSV file (one whose header has
/// no annotations). Annotations (`#datatype`, `name|type` headers) take precedence over these.
package struct CSVPointOptions: Sendable {
    /// The measurement of every point, when no column holds it.
    package var measurement: String?
    /// The column that holds the measurement of each row.
    package var measurementColumn: String?
    /// The columns that are tags; every other column (but the measurement and the time) is a field.
    package var tagColumns: [String] = []
    /// The column that holds the time; by default a column named `time` or `_time`, if any.
    package var timeColumn: String?
    /// How the time column is written.
    package var timeFormat: CSVTimeFormat = .auto
    /// Field types by column; the type of any other field column is inferred from its first rows.
    package var fieldTypes: [String: CSVFieldType] = [:]
    /// The unit of integer times under ``CSVTimeFormat/auto``.
    package var precision: Precision = .nanoseconds
    /// How many rows of a table are read to infer the types of its field columns.
    package var inferenceRows = 1000

    /// Creates options: no measurement, no tags, the time in a `time` column, inferred types.
    package init() {}
}

/// How the times of a CSV time column are written.
package enum CSVTimeFormat: String, CaseIterable, Sendable {
    /// An integer is a count of ``CSVPointOptions/precision`` units since the epoch; any other
    /// text is read as ``rfc3339`` is.
    case auto
    /// RFC3339, such as `2024-01-02T03:04:05.5Z` or `2024-01-02T04:04:05+01:00`, and the other
    /// ISO 8601 forms of ``RFC3339/nanoseconds(fromISO8601:)`` (no zone is UTC).
    case rfc3339
    /// Integer seconds since the epoch.
    case epochSeconds = "epoch-s"
    /// Integer milliseconds since the epoch.
    case epochMilliseconds = "epoch-ms"
    /// Integer microseconds since the epoch.
    case epochMicroseconds = "epoch-us"
    /// Integer nanoseconds since the epoch.
    case epochNanoseconds = "epoch-ns"
}

/// The type of a CSV field column.
package enum CSVFieldType: String, CaseIterable, Sendable {
    /// A 64-bit float.
    case float
    /// A signed 64-bit integer.
    case integer
    /// An unsigned 64-bit integer.
    case unsigned
    /// `true` or `false` (also `t`/`f`, `yes`/`no`, `y`/`n`, `1`/`0`, in any case).
    case boolean
    /// The text as it is.
    case string
}
