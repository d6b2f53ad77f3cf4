extension UInt64 {
    /// For eight bytes loaded at once: the high bit of each byte that equals `byte` is set (bits
    /// above the lowest such byte may be set too; the lowest set bit is exact), the rest are
    /// clear. `trailingZeroBitCount / 8` of the result, or of several results or-ed together,
    /// is the offset of the first match.
    @inline(__always)
    func bytesEqual(to byte: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let difference = self ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & (ones &<< 7)
    }
}
