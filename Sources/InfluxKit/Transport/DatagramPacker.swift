/// Packs lines of line protocol into datagrams of at most ``limit`` bytes, never splitting a
/// line.
///
/// Lines are joined with `\n` (a datagram has no trailing newline), in order, as many to a
/// datagram as fit. A line that is longer than the limit on its own is refused by ``add(_:)``
/// and the packing goes on without it.
struct DatagramPacker {
    /// The largest datagram, in bytes.
    let limit: Int
    /// The completed datagrams not taken yet.
    private var completed: [[UInt8]] = []
    /// The datagram being filled.
    private var current: [UInt8] = []

    /// Creates a packer of datagrams no larger than `limit` bytes.
    init(limit: Int) {
        self.limit = limit
    }

    /// Adds one line, given without its newline. Returns false, adding nothing, when the line
    /// alone is longer than ``limit``; an empty line is skipped.
    @discardableResult
    mutating func add(_ line: some Collection<UInt8>) -> Bool {
        let size = line.count
        guard size <= limit else { return false }
        guard size > 0 else { return true }
        if !current.isEmpty && current.count + 1 + size > limit {
            completed.append(current)
            current = []
        }
        if current.isEmpty {
            current.reserveCapacity(limit)
        } else {
            current.append(UInt8(ascii: "\n"))
        }
        current.append(contentsOf: line)
        return true
    }

    /// Removes and returns the datagrams that are complete; with `flush`, the one being
    /// filled too.
    mutating func take(flush: Bool = false) -> [[UInt8]] {
        if flush && !current.isEmpty {
            completed.append(current)
            current = []
        }
        defer { completed = [] }
        return completed
    }
}
