/// The values of one result row as the server wrote them (see ``RawValue``), in column order.
///
/// Valid only while the callback that received it runs.
package struct RawRow: RandomAccessCollection {
    /// The values.
    package let values: UnsafeBufferPointer<RawValue>

    /// Wraps the values of one row.
    @usableFromInline
    init(_ values: UnsafeBufferPointer<RawValue>) {
        self.values = values
    }

    /// The position of the first value (always 0).
    @inlinable
    package var startIndex: Int { 0 }
    /// One past the position of the last value.
    @inlinable
    package var endIndex: Int { values.count }

    /// The value at `position`; traps (in every build) when it is out of range.
    @inlinable
    package subscript(position: Int) -> RawValue {
        // An `UnsafeBufferPointer` checks its bounds in debug builds only.
        precondition(position >= 0 && position < values.count, "RawRow index \(position) out of range 0..<\(values.count)")
        return values[position]
    }

    /// The values decoded, as `Series.values` holds a row.
    package func decoded() -> [JSONValue] {
        values.map { $0.decoded() }
    }
}
