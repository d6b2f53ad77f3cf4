extension UnsafeRawBufferPointer {
    /// The index of the first line-protocol delimiter (see ``isLineProtocolDelimiter(_:)``) in
    /// `start..<limit`, or `limit` when there is none.
    ///
    /// Looks at eight bytes at a time: most bytes of a line (names, numbers, string contents)
    /// are not delimiters, and this is the scanners' innermost loop.
    @inline(__always)
    func firstDelimiter(from start: Int, to limit: Int) -> Int {
        var i = start
        if let base = baseAddress {
            while i + 8 <= limit {
                let word = (base + i).loadUnaligned(as: UInt64.self)
                let found = word.bytesEqual(to: 0x0A) | word.bytesEqual(to: 0x20) | word.bytesEqual(to: 0x22)
                    | word.bytesEqual(to: 0x2C) | word.bytesEqual(to: 0x3D) | word.bytesEqual(to: 0x5C)
                if found != 0 { return i + found.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        while i < limit && !isLineProtocolDelimiter(self[i]) { i += 1 }
        return i
    }

    /// The index of the first `a`, `b` or `c` in `start..<limit`, or `limit` when there is none;
    /// eight bytes at a time, as ``firstDelimiter(from:to:)``, for scanners that need only three
    /// of the delimiters (two thirds of the work, and no stops at the others).
    @inline(__always)
    func firstIndex(of a: UInt8, _ b: UInt8, _ c: UInt8, from start: Int, to limit: Int) -> Int {
        var i = start
        if let base = baseAddress {
            while i + 8 <= limit {
                let word = (base + i).loadUnaligned(as: UInt64.self)
                let found = word.bytesEqual(to: a) | word.bytesEqual(to: b) | word.bytesEqual(to: c)
                if found != 0 { return i + found.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        while i < limit && self[i] != a && self[i] != b && self[i] != c { i += 1 }
        return i
    }

    /// How many bytes in `start..<limit` are `a`, and how many are `b`; eight bytes at a time.
    @inline(__always)
    func count(of a: UInt8, _ b: UInt8, from start: Int, to limit: Int) -> (Int, Int) {
        var i = start
        var countA = 0, countB = 0
        if let base = baseAddress {
            while i + 8 <= limit {
                let word = (base + i).loadUnaligned(as: UInt64.self)
                countA += word.bytesExactlyEqual(to: a).highBitCount
                countB += word.bytesExactlyEqual(to: b).highBitCount
                i += 8
            }
        }
        while i < limit {
            if self[i] == a { countA += 1 } else if self[i] == b { countB += 1 }
            i += 1
        }
        return (countA, countB)
    }
}

/// Whether `byte` is one of the bytes line protocol gives a meaning: `\n`, space, `"`, `,`,
/// `=` or `\`.
@inline(__always)
func isLineProtocolDelimiter(_ byte: UInt8) -> Bool {
    // One bit per byte value below 64 (`\n`, space, `"`, `,`, `=`); `\` is above.
    let delimitersBelow64: UInt64 = 1 << 0x0A | 1 << 0x20 | 1 << 0x22 | 1 << 0x2C | 1 << 0x3D
    return byte < 64 ? delimitersBelow64 &>> UInt64(byte) & 1 != 0 : byte == UInt8(ascii: "\\")
}
