/// What reading one slice gave.
public struct ExportSliceStatistics: Sendable, Equatable {
    /// The points written out.
    public var points: Int
    /// The bytes of line protocol written out.
    public var bytes: Int
    /// String values left out (``Exporter/Options/omitsStringFields``).
    public var omittedStrings: Int
    /// Points left out because they held nothing but strings.
    public var omittedPoints: Int
    /// Hashes of the slice's series keys, to count series across slices.
    var seriesHashes: Set<Int>

    /// Nothing read yet.
    init() {
        points = 0
        bytes = 0
        omittedStrings = 0
        omittedPoints = 0
        seriesHashes = []
    }
}
