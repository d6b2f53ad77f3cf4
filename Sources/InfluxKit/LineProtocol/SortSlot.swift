/// A dictionary entry to sort by the UTF-8 bytes of its key: the key's first 8 bytes, as a
/// big-endian number, decide most comparisons without touching the strings again.
struct SortSlot<Index: Sendable>: Sendable {
    var prefix: UInt64
    var index: Index
    /// For tags: whether `index` points into the global tags rather than the point's.
    var isGlobal: Bool

    init(key: String, index: Index, isGlobal: Bool) {
        prefix = key.withUTF8Buffer { utf8 in
            if utf8.count >= 8, let base = utf8.baseAddress {
                return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self).bigEndian
            }
            var prefix: UInt64 = 0
            for position in 0..<8 {
                prefix <<= 8
                if position < utf8.count { prefix |= UInt64(utf8[position]) }
            }
            return prefix
        }
        self.index = index
        self.isGlobal = isGlobal
    }
}

extension LineProtocolEncoder {
    /// Sorts slots by the UTF-8 bytes of their keys (`key` fetches a slot's key when prefixes
    /// tie): insertion sort for the usual handful.
    static func sort<Index>(_ slots: UnsafeMutableBufferPointer<SortSlot<Index>>, key: (SortSlot<Index>) -> String) {
        guard slots.count > 1 else { return }
        func precedes(_ lhs: SortSlot<Index>, _ rhs: SortSlot<Index>) -> Bool {
            if lhs.prefix != rhs.prefix { return lhs.prefix < rhs.prefix }
            return utf8Precedes(key(lhs), key(rhs))
        }
        guard slots.count <= 16 else {
            var slots = slots
            slots.sort(by: precedes)
            return
        }
        for index in 1..<slots.count {
            let slot = slots[index]
            var position = index
            while position > 0, precedes(slot, slots[position - 1]) {
                slots[position] = slots[position - 1]
                position -= 1
            }
            slots[position] = slot
        }
    }

    /// Byte-wise comparison of UTF-8 (String's own `<` compares canonical equivalents).
    static func utf8Precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.withUTF8Buffer { left in
            rhs.withUTF8Buffer { right in
                let common = min(left.count, right.count)
                for index in 0..<common where left[index] != right[index] {
                    return left[index] < right[index]
                }
                return left.count < right.count
            }
        }
    }
}
