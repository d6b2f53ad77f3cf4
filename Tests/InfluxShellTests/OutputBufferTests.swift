import InfluxShell
import Testing

struct OutputBufferTests {
    @Test func appendsCopyEveryLengthExactly() {
        // Lengths around the short-copy sizes (4, 8, 16), each after an odd number of bytes.
        let source: [UInt8] = (0..<64).map { UInt8(($0 * 37 + 11) % 251) }
        var expected: [UInt8] = []
        var out = OutputBuffer(descriptor: -1, blockSize: .max)
        for length in 0...40 {
            out.append(UInt8(length))
            expected.append(UInt8(length))
            source.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[(64 - length)...])) }
            expected += source[(64 - length)...]
        }
        #expect(out.take() == expected)
    }
}
