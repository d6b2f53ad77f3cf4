/// What `influxkit copy --checkpoint` records each time the destination has settled a slice
/// whole: the copy it belongs to and the slices acknowledged.
struct CopyCheckpoint: Codable, Sendable {
    /// The source database.
    var database: String
    /// The destination database.
    var destination: String
    /// The keys (``ExportSlice/key``) of the slices acknowledged.
    var finished: [String]
}
