extension JSONScanner {
    /// Reads a number; the current byte is `-` or a digit.
    ///
    /// Integer literals become `.integer` (or `.unsigned` above `Int64.max`); fractions and
    /// exponents become `.float`, correctly rounded. A number no 64-bit type holds — an integer
    /// beyond 64 bits, a literal beyond the range of `Double` (`1e400`) — becomes `.number` with its text,
    /// so it is never changed into another value. With `allowNonFiniteNumbers`, `-Infinity` is
    /// read here too.
    mutating func readNumber() throws -> JSONValue {
        let start = index
        let negative = base[index] == UInt8(ascii: "-")
        if negative {
            index += 1
            if allowNonFiniteNumbers, index < count, base[index] == UInt8(ascii: "I") {
                try readLiteral("Infinity")
                return .float(-.infinity)
            }
        }

        // Integer part: accumulate exactly while it fits in 64 bits.
        guard index < count, Self.isDigit(base[index]) else { throw failure("invalid number", at: start) }
        var magnitude: UInt64 = 0
        var overflowed = false
        if base[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, Self.isDigit(base[index]) { throw failure("invalid number (leading zero)", at: start) }
        } else {
            while index < count, Self.isDigit(base[index]) {
                let digit = UInt64(base[index] &- UInt8(ascii: "0"))
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(digit)
                if o1 || o2 { overflowed = true } else { magnitude = sum }
                index += 1
            }
        }

        let hasFraction = index < count && base[index] == UInt8(ascii: ".")
        let hasExponent = !hasFraction && index < count && (base[index] | 0x20) == UInt8(ascii: "e")
        if !hasFraction && !hasExponent {
            if !overflowed {
                if negative {
                    if magnitude <= UInt64(Int64.max) { return .integer(-Int64(magnitude)) }
                    if magnitude == UInt64(Int64.max) + 1 { return .integer(.min) }
                } else {
                    if magnitude <= UInt64(Int64.max) { return .integer(Int64(magnitude)) }
                    return .unsigned(magnitude)
                }
            }
            return .number(text(from: start))
        }
        let value = try readFloatTail(start: start, negative: negative, integerPart: magnitude, exact: !overflowed)
        if !value.isFinite {
            return .number(text(from: start))
        }
        return .float(value)
    }

    /// The text from `start` to the current index.
    private func text(from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
    }

    /// Reads the optional fraction and exponent of a number that started at `start`, and returns
    /// its value. `integerPart` is exact when `exact` is true.
    private mutating func readFloatTail(start: Int, negative: Bool, integerPart: UInt64, exact: Bool) throws -> Double {
        // Significand digits for the fast path: exact only while below 2^53.
        var significand = integerPart
        var fast = exact && significand <= Self.maxExactSignificand
        var decimalExponent = 0

        if index < count, base[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, Self.isDigit(base[index]) else { throw failure("invalid number", at: start) }
            while index < count, Self.isDigit(base[index]) {
                if fast {
                    significand = significand &* 10 &+ UInt64(base[index] &- UInt8(ascii: "0"))
                    decimalExponent -= 1
                    fast = significand <= Self.maxExactSignificand
                }
                index += 1
            }
        }
        if index < count, (base[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < count, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") {
                exponentNegative = base[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < count, Self.isDigit(base[index]) else { throw failure("invalid number", at: start) }
            var exponent = 0
            while index < count, Self.isDigit(base[index]) {
                // Clamp: anything this large is already zero or infinity.
                if exponent < 100_000 { exponent = exponent * 10 + Int(base[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            decimalExponent += exponentNegative ? -exponent : exponent
        }

        if fast {
            if significand == 0 { return negative ? -0.0 : 0.0 }
            if decimalExponent >= -22 && decimalExponent <= 22 {
                // Both operands are exact doubles, so one IEEE operation rounds correctly.
                let value = Double(significand)
                let scaled = decimalExponent < 0
                    ? value / Self.powersOfTen[-decimalExponent]
                    : value * Self.powersOfTen[decimalExponent]
                return negative ? -scaled : scaled
            }
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
        guard let value = Double(text) else { throw failure("invalid number", at: start) }
        return value
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private static var maxExactSignificand: UInt64 { 1 << 53 }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
