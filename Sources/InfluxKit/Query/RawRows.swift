/// The rows of one series of a ``RawResultSet``, each a ``RawRow``.
///
/// Valid only while the callback that received it runs.
public struct RawRows: RandomAccessCollection {
    /// All values of the response object, row after row.
    @usableFromInline
    let values: UnsafePointer<RawValue>?
    /// Where each row starts in `values`, and after them where the last one ends.
    @usableFromInline
    let bounds: UnsafeBufferPointer<Int>

    /// Rows whose values lie in `values` between consecutive `bounds`.
    @usableFromInline
    init(values: UnsafePointer<RawValue>?, bounds: UnsafeBufferPointer<Int>) {
        self.values = values
        self.bounds = bounds
    }

    /// The position of the first row (always 0).
    @inlinable
    public var startIndex: Int { 0 }
    /// One past the position of the last row.
    @inlinable
    public var endIndex: Int { Swift.max(bounds.count - 1, 0) }

    /// The row at `position`; traps (in every build) when it is out of range.
    @inlinable
    public subscript(position: Int) -> RawRow {
        // An `UnsafeBufferPointer` checks its bounds in debug builds only.
        precondition(position >= 0 && position < endIndex, "RawRows index \(position) out of range 0..<\(endIndex)")
        let start = bounds[position]
        return RawRow(UnsafeBufferPointer(start: values.map { $0 + start }, count: bounds[position + 1] - start))
    }
}
