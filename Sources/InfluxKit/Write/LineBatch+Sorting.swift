#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LineBatch {
    /// The indices of `lines` grouped by series: ordered by series key (measurement and tags as
    /// written, compared byte by byte) and, within a series, in input order, so that of two
    /// points of one series at one time the later one still wins.
    ///
    /// influxd spends markedly less time on a request whose points come sorted by series key.
    /// Every line keeps its source and line number, so the server's answers still map back.
    func seriesOrder() -> [Int] {
        bytes.withUnsafeBytes { seriesOrder(in: $0) } ?? Array(lines.indices)
    }

    /// One request's share of a batch: see ``parts(of:maxLines:maxBytes:)``.
    struct Part {
        /// The positions in the series order that go into the request.
        var range: Range<Int>
        /// The last line (an index into `lines`) such that every line up to it is in this part
        /// or an earlier one, when this part adds to that prefix: where a checkpoint may move
        /// once this part and those before it are written.
        var completes: Int?
    }

    /// Cuts `order` (see ``seriesOrder()``) into as few parts of at most `maxLines` lines and
    /// about `maxBytes` bytes as it takes, of about equal size, each ending where a series ends
    /// when that end is near enough: parts with no series in common may be in flight together
    /// (see ``mayShareSeries(with:)``), and influxd handles two requests with different series
    /// at once with less work than two with the same series.
    func parts(of order: [Int], maxLines: Int, maxBytes: Int) -> [Part] {
        guard !order.isEmpty else { return [] }
        func quotientRoundedUp(_ a: Int, _ b: Int) -> Int { a / b + (a % b > 0 ? 1 : 0) }
        let maxLines = max(maxLines, 1)
        let count = max(quotientRoundedUp(order.count, maxLines), quotientRoundedUp(bytes.count, max(maxBytes, 1)))
        let target = quotientRoundedUp(order.count, count)
        var parts: [Part] = []
        var covered = [Bool](repeating: false, count: order.count)
        var prefix = 0
        bytes.withUnsafeBytes { buffer in
            func key(_ index: Int) -> SeriesKey {
                SeriesKey(bytes: UnsafeRawBufferPointer(rebasing: buffer[lines[order[index]].key]))
            }
            var start = 0
            while start < order.count {
                var end = min(start + target, order.count)
                while end < order.count && end - start < maxLines && key(end) == key(end - 1) { end += 1 }
                for index in order[start..<end] { covered[index] = true }
                let before = prefix
                while prefix < covered.count && covered[prefix] { prefix += 1 }
                parts.append(Part(range: start..<end, completes: prefix > before ? prefix - 1 : nil))
                start = end
            }
        }
        return parts
    }

    /// Whether a series may have lines in both `self` and `other`, two batches sorted by series
    /// key: whether the ranges of their keys overlap.
    func mayShareSeries(with other: LineBatch) -> Bool {
        guard let mine = lines.first.map({ ($0, lines[lines.count - 1]) }),
              let theirs = other.lines.first.map({ ($0, other.lines[other.lines.count - 1]) })
        else { return false }
        return bytes.withUnsafeBytes { a in
            other.bytes.withUnsafeBytes { b in
                func key(_ line: Line, in buffer: UnsafeRawBufferPointer) -> SeriesKey {
                    SeriesKey(bytes: UnsafeRawBufferPointer(rebasing: buffer[line.key]))
                }
                return !(key(mine.1, in: a) < key(theirs.0, in: b) || key(theirs.1, in: b) < key(mine.0, in: a))
            }
        }
    }

    /// The indices of `lines` in series order, or `nil` when they already are in that order.
    private func seriesOrder(in buffer: UnsafeRawBufferPointer) -> [Int]? {
        func key(_ index: Int) -> SeriesKey {
            SeriesKey(bytes: UnsafeRawBufferPointer(rebasing: buffer[lines[index].key]))
        }
        guard (1..<lines.count).contains(where: { key($0) < key($0 - 1) }) else { return nil }
        // Number the series in order of appearance, then sort the (usually few) series.
        var numbering = SeriesNumbering()
        var seriesSizes: [Int] = []
        var seriesOfLine = [Int32](repeating: 0, count: lines.count)
        for index in lines.indices {
            let number = numbering.number(of: key(index))
            if number == seriesSizes.count { seriesSizes.append(0) }
            seriesOfLine[index] = Int32(number)
            seriesSizes[number] += 1
        }
        let seriesKeys = numbering.keys
        // Where each series' lines start in the new order (a counting sort: stable).
        var next = [Int](repeating: 0, count: seriesKeys.count)
        var start = 0
        for number in seriesKeys.indices.sorted(by: { seriesKeys[$0] < seriesKeys[$1] }) {
            next[number] = start
            start += seriesSizes[number]
        }
        var order = [Int](repeating: 0, count: lines.count)
        for index in lines.indices {
            let number = Int(seriesOfLine[index])
            order[next[number]] = index
            next[number] += 1
        }
        return order
    }
}

/// The bytes of a series key in a batch's body, compared byte by byte.
private struct SeriesKey: Comparable {
    let bytes: UnsafeRawBufferPointer

    /// A quick digest of the bytes, eight at a time; its high bits are the best mixed.
    var digest: UInt64 {
        var digest = UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            digest = (digest ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            digest ^= digest &>> 29
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < bytes.count {
            tail = tail &<< 8 | UInt64(bytes[offset])
            offset += 1
        }
        return (digest ^ tail) &* 0x9E37_79B9_7F4A_7C15
    }

    static func == (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        lhs.bytes.count == rhs.bytes.count && compare(lhs, rhs, count: lhs.bytes.count) == 0
    }

    static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        let common = min(lhs.bytes.count, rhs.bytes.count)
        let order = compare(lhs, rhs, count: common)
        return order != 0 ? order < 0 : lhs.bytes.count < rhs.bytes.count
    }

    private static func compare(_ lhs: SeriesKey, _ rhs: SeriesKey, count: Int) -> Int32 {
        guard count > 0, let left = lhs.bytes.baseAddress, let right = rhs.bytes.baseAddress else { return 0 }
        return memcmp(left, right, count)
    }
}

/// Numbers the distinct series keys in the order they first come: a hash table of the keys'
/// digests with open addressing, without `Hasher` (which costs more than the digest itself).
private struct SeriesNumbering {
    /// The distinct keys; a key's number is its index.
    private(set) var keys: [SeriesKey] = []
    /// For each slot, the number of the key there, or -1.
    private var slots = [Int32](repeating: -1, count: 64)
    /// log2 of the number of slots.
    private var shift = 6

    /// The number of `key`: a new one, the count so far, when it was not seen before.
    mutating func number(of key: SeriesKey) -> Int {
        if keys.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.digest &>> UInt64(64 - shift))
        while true {
            let number = Int(slots[slot])
            if number < 0 {
                slots[slot] = Int32(keys.count)
                keys.append(key)
                return keys.count - 1
            }
            if keys[number] == key { return number }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the slots and places the keys again.
    private mutating func grow() {
        shift += 1
        slots = [Int32](repeating: -1, count: 1 << shift)
        let mask = slots.count - 1
        for (number, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key.digest &>> UInt64(64 - shift))
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
