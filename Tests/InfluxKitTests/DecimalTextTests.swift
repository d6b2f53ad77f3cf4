import InfluxKit
import Testing

struct DecimalTextTests {
    /// What `write` puts in a buffer of ``DecimalText/maximumLength`` bytes; the byte after
    /// the buffer must stay untouched.
    private func text(_ write: (UnsafeMutablePointer<UInt8>) -> Int) -> String {
        var buffer = [UInt8](repeating: 0xAA, count: DecimalText.maximumLength + 1)
        let count = buffer.withUnsafeMutableBufferPointer { write($0.baseAddress!) }
        #expect(count <= DecimalText.maximumLength)
        #expect(buffer.last == 0xAA)
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Every digit count, both sides of each power of ten, and the extremes.
    private static let integers: [Int64] = {
        var numbers: [Int64] = [0, 1, -1, .max, .min, .max - 1, .min + 1]
        var power: Int64 = 1
        for _ in 0..<18 {
            power *= 10
            numbers += [power - 1, power, power + 1, -(power - 1), -power, -(power + 1)]
        }
        return numbers
    }()

    @Test(arguments: integers)
    func writesSignedIntegersAsDescriptionDoes(number: Int64) {
        #expect(text { DecimalText.write(number, to: $0) } == String(number))
    }

    @Test func writesUnsignedIntegersAsDescriptionDoes() {
        let numbers: [UInt64] = [0, 9, 10, 99, 100, UInt64(Int64.max) + 1, 9_999_999_999_999_999_999, 10_000_000_000_000_000_000, .max]
        for number in numbers {
            #expect(text { DecimalText.write(number, to: $0) } == String(number))
        }
    }

    @Test func writesFloatsAsDescriptionDoes() {
        var generator = SeededGenerator(seed: 7)
        var numbers: [Double] = [0, -0.0, 0.5, 2, 1e20, 1e-5, 5e-324, .greatestFiniteMagnitude, 0.1 + 0.2, 99_999_999_999.9999]
        for _ in 0..<2000 {
            // Short decimals (the fast path), halves near rounding boundaries, and anything.
            let decimals = Double([1, 10, 100, 1000, 10000, 100_000][Int.random(in: 0..<6, using: &generator)])
            numbers.append((Double.random(in: -1e6...1e6, using: &generator) * decimals).rounded() / decimals)
            numbers.append(Double(Int.random(in: 0..<1_000_000, using: &generator)) / 1000 + 0.0005)
            numbers.append(Double(bitPattern: generator.next()))
        }
        for number in numbers where number.isFinite {
            #expect(text { DecimalText.write(number, to: $0) } == number.description)
        }
    }

    @Test func writesNonFiniteFloatsAsDescriptionDoes() {
        for number in [Double.nan, .infinity, -.infinity] {
            #expect(text { DecimalText.write(number, to: $0) } == number.description)
        }
    }

    @Test func tenthsRoundToOneDecimal() {
        #expect(DecimalText.tenths(12.34) == "12.3")
        #expect(DecimalText.tenths(5) == "5.0")
        #expect(DecimalText.tenths(0.96) == "1.0")
        #expect(DecimalText.tenths(0.04) == "0.0")
        #expect(DecimalText.tenths(-2.26) == "-2.3")
        #expect(DecimalText.tenths(1_234_567.89) == "1234567.9")
    }
}
