/// What ``InfluxClient/writeFrame(_:measurement:tagColumns:fieldColumns:globalTags:precision:database:retentionPolicy:batchSize:consistency:)``
/// did with the rows of a frame.
public struct FrameWriteResult: Sendable, Equatable {
    /// The rows written as points.
    public var pointsWritten: Int
    /// The rows left out because none of their field cells had a value (missing, NaN or
    /// infinite): a point needs at least one field.
    public var rowsSkipped: Int

    /// Creates a result.
    public init(pointsWritten: Int, rowsSkipped: Int) {
        self.pointsWritten = pointsWritten
        self.rowsSkipped = rowsSkipped
    }
}
