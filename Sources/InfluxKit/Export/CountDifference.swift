/// A slice whose field holds a different number of values on two servers, as found by
/// ``ExportPlan/countDifferences(source:destination:database:retentionPolicy:omittingStrings:)``.
public struct CountDifference: Sendable, Equatable {
    /// The slice, named as on the source.
    public var slice: ExportSlice
    /// The field.
    public var field: String
    /// Values of the field in the slice on the source.
    public var source: Int64
    /// Values of the field in the slice on the destination.
    public var destination: Int64

    /// Creates a difference.
    public init(slice: ExportSlice, field: String, source: Int64, destination: Int64) {
        self.slice = slice
        self.field = field
        self.source = source
        self.destination = destination
    }
}
