/// The values of one result row as the server wrote them (see ``RawValue``), in column order.
///
/// Valid only while the callback that received it runs.
public struct RawRow: RandomAccessCollection {
    /// The values.
    public let values: UnsafeBufferPointer<RawValue>

    /// Wraps the values of one row.
    @usableFromInline
    init(_ values: UnsafeBufferPointer<RawValue>) {
        self.values = values
    }

    /// The position of the first value (always 0).
    @inlinable
    public var startIndex: Int { 0 }
    /// One past the position of the last value.
    @inlinable
    public var endIndex: Int { values.count }

    /// The value at `position`; traps (in every build) when it is out of range.
    @inlinable
    public subscript(position: Int) -> RawValue {
        // An `UnsafeBufferPointer` checks its bounds in debug builds only.
        precondition(position >= 0 && position < values.count, "RawRow index \(position) out of range 0..<\(values.count)")
        return values[position]
    }

    /// The values decoded, as `Series.values` holds a row.
    public func decoded() -> [JSONValue] {
        values.map { $0.decoded() }
    }
}
