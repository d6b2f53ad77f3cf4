import InfluxKit

/// What the shell's commands change: where statements go and how results print.
public struct ShellSettings: Sendable, Equatable {
    /// The database of queries and inserts (`use`).
    public var database: String?
    /// The retention policy of queries and inserts (`use DB.RP`).
    public var retentionPolicy: String?
    /// Times as integers in this unit; `nil` prints RFC3339 (`precision`).
    public var precision: Precision?
    /// The output format (`format`).
    public var format: OutputFormat = .column
    /// Box-drawing frames for the table format on a terminal, and indented json (`pretty`).
    public var pretty = true
    /// Streamed answers, rows printed as they arrive (`chunked`).
    public var chunked = true
    /// Rows per chunk; 0 is the server's default (`chunk size`).
    public var chunkSize = 0
    /// The write consistency of `insert` (`consistency`).
    public var consistency: Consistency?
    /// A line with rows, bytes and time after each query (`timing`).
    public var timing = false
    /// One block per row: never, always, or for tables wider than the terminal (`\x`).
    public var expanded = ExpandedDisplay.off
    /// Output taller than the terminal goes through `$PAGER` (`pager`), in interactive use.
    public var pager = true

    /// Creates the default settings.
    public init(database: String? = nil, retentionPolicy: String? = nil) {
        self.database = database
        self.retentionPolicy = retentionPolicy
    }

    /// The settings as (name, value) rows, for `settings`.
    public var rows: [(String, String)] {
        [
            ("database", database ?? ""),
            ("retention policy", retentionPolicy ?? ""),
            ("precision", precision?.rawValue ?? "rfc3339"),
            ("format", format.rawValue),
            ("pretty", pretty ? "on" : "off"),
            ("chunked", chunked ? "on" : "off"),
            ("chunk size", chunkSize == 0 ? "server default" : String(chunkSize)),
            ("consistency", consistency?.rawValue ?? "server default"),
            ("timing", timing ? "on" : "off"),
            ("expanded", expanded.rawValue),
            ("pager", pager ? "on" : "off"),
        ]
    }
}
