/// What ``InfluxClient/exportPlan(for:)`` reads out of a database.
///
/// Times are nanoseconds since the epoch; the range is half-open, `[start, end)`.
public struct ExportSelection: Sendable, Equatable {
    /// The database to read.
    public var database: String
    /// The retention policies to read, in this order; empty means every one the database has.
    public var retentionPolicies: [String]
    /// The measurements to read; empty (and no ``measurementPattern``) means every one.
    public var measurements: [String]
    /// A regular expression (without slashes) that measurement names must match.
    public var measurementPattern: String?
    /// The first instant to read; `nil` reads from the earliest point.
    public var start: Int64?
    /// The instant after the last one to read; `nil` reads to the latest point.
    public var end: Int64?
    /// An InfluxQL condition on tags, added to every query with `AND (…)`.
    public var tagPredicate: String?
    /// The longest time range one query reads, in nanoseconds; `nil` reads one shard group a
    /// query. Slices never cross a shard group's boundary either way.
    public var sliceDuration: Int64?

    /// Creates a selection of the whole of `database`.
    public init(
        database: String,
        retentionPolicies: [String] = [],
        measurements: [String] = [],
        measurementPattern: String? = nil,
        start: Int64? = nil,
        end: Int64? = nil,
        tagPredicate: String? = nil,
        sliceDuration: Int64? = nil
    ) {
        self.database = database
        self.retentionPolicies = retentionPolicies
        self.measurements = measurements
        self.measurementPattern = measurementPattern
        self.start = start
        self.end = end
        self.tagPredicate = tagPredicate
        self.sliceDuration = sliceDuration
    }
}
