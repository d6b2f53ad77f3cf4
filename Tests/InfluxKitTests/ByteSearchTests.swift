import Testing
@testable import InfluxKit

/// The word-at-a-time byte searches and counts, checked against one byte at a time.
struct ByteSearchTests {
    /// Random buffers over a small alphabet (so matches are frequent and come in runs, next to
    /// bytes that differ from the sought ones in one bit or in the high bit only).
    func buffers() -> [[UInt8]] {
        var random = SeededGenerator(seed: 7)
        let alphabet: [UInt8] = [0x3D, 0x2C, 0x22, 0x5C, 0x0A, 0x20, 0xBD, 0xAC, 0x3C, 0x2D, 0x00, 0xFF, 0x61]
        return (0..<400).map { _ in
            (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
        }
    }

    @Test func countsEveryMatchOfBothBytesInAnyRange() {
        for bytes in buffers() {
            for start in 0...bytes.count {
                for end in start...bytes.count {
                    let counts = bytes.withUnsafeBytes { $0.count(of: 0x3D, 0x2C, from: start, to: end) }
                    #expect(counts.0 == bytes[start..<end].filter { $0 == 0x3D }.count)
                    #expect(counts.1 == bytes[start..<end].filter { $0 == 0x2C }.count)
                }
            }
        }
    }

    @Test func findsTheFirstOfThreeBytesInAnyRange() {
        for bytes in buffers() {
            for start in 0...bytes.count {
                let found = bytes.withUnsafeBytes { $0.firstIndex(of: 0x5C, 0x0A, 0x22, from: start, to: bytes.count) }
                let expected = bytes[start...].firstIndex { $0 == 0x5C || $0 == 0x0A || $0 == 0x22 } ?? bytes.count
                #expect(found == expected)
            }
        }
    }
}
