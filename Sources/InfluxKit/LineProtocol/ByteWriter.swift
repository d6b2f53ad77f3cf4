/// Writes bytes through a pointer into memory reserved beforehand (no bounds or capacity
/// checks: the caller reserves enough room).
struct ByteWriter: TextOutputStream {
    let start: UnsafeMutablePointer<UInt8>
    /// How many bytes were written.
    private(set) var count = 0

    init(start: UnsafeMutablePointer<UInt8>) {
        self.start = start
    }

    @inline(__always)
    mutating func write(_ byte: UInt8) {
        start[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        (start + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func write(_ string: String) {
        string.withUTF8Buffer { write($0) }
    }

    /// Lets numbers write their text straight in (`Double.write(to:)` calls this) instead of
    /// making a `String` first.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        write(buffer)
    }

    mutating func writeDecimal(_ number: Int64) {
        if number < 0 { write(UInt8(ascii: "-")) }
        writeDecimal(number.magnitude)
    }

    mutating func writeDecimal(_ number: UInt64) {
        var digits = 1
        var bound: UInt64 = 10
        while digits < 20 && number >= bound {
            digits += 1
            bound &*= 10
        }
        // Two digits per division, from the right.
        var rest = number
        var position = count + digits
        while rest >= 100 {
            let pair = Int(rest % 100) * 2
            rest /= 100
            position -= 2
            start[position] = Self.digitPairs[pair]
            start[position + 1] = Self.digitPairs[pair + 1]
        }
        if rest >= 10 {
            let pair = Int(rest) * 2
            start[position - 2] = Self.digitPairs[pair]
            start[position - 1] = Self.digitPairs[pair + 1]
        } else {
            start[position - 1] = UInt8(ascii: "0") + UInt8(rest)
        }
        count += digits
    }

    /// "00" to "99", two bytes each.
    private static let digitPairs: [UInt8] = (0..<100).flatMap { [UInt8(ascii: "0") + UInt8($0 / 10), UInt8(ascii: "0") + UInt8($0 % 10)] }
}

extension [UInt8] {
    /// Appends `count` zero bytes (room to be overwritten through a pointer).
    mutating func appendZeroes(_ count: Int) {
        if count <= zeroes.count {
            append(contentsOf: zeroes[..<count])
        } else {
            append(contentsOf: repeatElement(0, count: count))
        }
    }
}

private let zeroes = [UInt8](repeating: 0, count: 2048)

extension String {
    /// Calls `body` with the string's UTF-8 bytes, copying only when they are not contiguous.
    @inline(__always)
    func withUTF8Buffer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) {
            return result
        }
        var copy = self
        copy.makeContiguousUTF8()
        return try copy.utf8.withContiguousStorageIfAvailable(body)!
    }
}
