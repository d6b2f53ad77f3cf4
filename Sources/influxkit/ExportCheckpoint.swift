/// What `influxkit export --checkpoint` records after each slice: the export it belongs to, how
/// long the output file was after the last slice, and the slices written.
struct ExportCheckpoint: Codable, Sendable {
    /// The database exported.
    var database: String
    /// The output file.
    var output: String?
    /// The output's length after the last slice written.
    var outputBytes: Int
    /// The keys (``ExportSlice/key``) of the slices written.
    var finished: [String]
}
