extension UInt64 {
    /// For eight bytes loaded at once: the high bit of each byte that equals `byte` is set (bits
    /// above the lowest such byte may be set too; the lowest set bit is exact), the rest are
    /// clear. `trailingZeroBitCount / 8` of the result, or of several results or-ed together,
    /// is the offset of the first match; nonzero exactly when a byte matches. For the
    /// package's modules, not part of the library's API.
    @inlinable @inline(__always)
    package func bytesEqual(to byte: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let difference = self ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & (ones &<< 7)
    }

    /// For eight bytes loaded at once: the high bit of each byte that equals `byte` is set, and
    /// no other bit; ``highBitCount`` of the result counts the matches.
    @inline(__always)
    func bytesExactlyEqual(to byte: UInt8) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let difference = self ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        // A byte's high bit survives only if its low seven bits and its high bit are all clear.
        return ~(((difference & low7) &+ low7) | difference | low7)
    }

    /// How many bytes have their high bit set, for a value whose other bits are all clear (as
    /// ``bytesExactlyEqual(to:)`` gives); cheaper than `nonzeroBitCount` without a popcount
    /// instruction in the baseline x86-64 target.
    @inline(__always)
    var highBitCount: Int {
        // Each byte becomes 0 or 1; the multiplication sums all eight into the top byte.
        Int(((self &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
    }

    /// The high bit of every byte that is below 0x20 or above 0x7F (a control character, or
    /// part of a multi-byte UTF-8 sequence).
    @inline(__always)
    func bytesBelow0x20OrAbove0x7F() -> UInt64 {
        // A byte below 0x20 borrows when 0x20 is taken from it; only the lowest such byte is
        // sure to be flagged exactly, which is all the caller needs.
        let below = (self &- 0x2020_2020_2020_2020) & ~self
        return (below | self) & 0x8080_8080_8080_8080
    }
}
