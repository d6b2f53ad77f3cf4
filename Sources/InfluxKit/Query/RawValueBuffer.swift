/// The row values of a `RawRowTape`: a growable buffer appended to without the uniqueness and
/// capacity checks of `Array.append` beyond one comparison (a row value is appended for every
/// value of every row, and the array's checks cost as much as reading the value).
///
/// Not a value type: copies share the memory. The tape is moved, never copied, so one buffer
/// has one user at a time.
struct RawValueBuffer {
    /// The memory, owned by `owner`.
    private(set) var start: UnsafeMutablePointer<RawValue>?
    /// The number of values held.
    private(set) var count = 0
    /// The number of values there is room for.
    private var capacity = 0
    /// Frees the memory when the last copy goes.
    private var owner: Owner?

    /// Appends `value`.
    @inline(__always)
    mutating func append(_ value: RawValue) {
        if count == capacity { grow() }
        start.unsafelyUnwrapped[count] = value
        count += 1
    }

    /// Forgets every value, keeping the memory.
    mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the values.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<RawValue>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    /// Doubles the room (at least 1024 values).
    private mutating func grow() {
        let larger = Swift.max(capacity * 2, 1024)
        let moved = UnsafeMutablePointer<RawValue>.allocate(capacity: larger)
        if let start { moved.moveInitialize(from: start, count: count) }
        owner = Owner(moved)
        start = moved
        capacity = larger
    }

    /// Owns one allocation.
    private final class Owner {
        let memory: UnsafeMutablePointer<RawValue>

        init(_ memory: UnsafeMutablePointer<RawValue>) {
            self.memory = memory
        }

        deinit {
            memory.deallocate()
        }
    }
}
