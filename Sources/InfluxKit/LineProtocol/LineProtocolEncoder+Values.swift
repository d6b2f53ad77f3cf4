extension LineProtocolEncoder {
    /// The most bytes `writeValue` writes for `value`.
    static func maxSize(of value: FieldValue) -> Int {
        switch value {
        case .float: return 32
        case .integer, .unsigned: return 21
        case .boolean: return 5
        case let .string(text): return 2 + 2 * text.utf8.count
        }
    }

    static func writeValue(_ value: FieldValue, to writer: inout ByteWriter) {
        switch value {
        case let .float(number):
            writeFloat(number, to: &writer)
        case let .integer(number):
            writer.writeDecimal(number)
            writer.write(UInt8(ascii: "i"))
        case let .unsigned(number):
            writer.writeDecimal(number)
            writer.write(UInt8(ascii: "u"))
        case let .string(text):
            writeQuoted(text, to: &writer)
        case let .boolean(flag):
            if flag {
                writer.write(UInt8(ascii: "t"))
                writer.write(UInt8(ascii: "r"))
                writer.write(UInt8(ascii: "u"))
                writer.write(UInt8(ascii: "e"))
            } else {
                writer.write(UInt8(ascii: "f"))
                writer.write(UInt8(ascii: "a"))
                writer.write(UInt8(ascii: "l"))
                writer.write(UInt8(ascii: "s"))
                writer.write(UInt8(ascii: "e"))
            }
        }
    }

    /// Writes a finite float in the shortest form that reads back as the same `Double`: the
    /// same text as `description` (`2.0`, `0.1`, `1e+20`, `5e-324`).
    ///
    /// Numbers with up to 4 decimals (most measurements) take a fast path: `d / 10^k` with `d`
    /// and `10^k` exact is the correctly rounded value of the decimal `d·10^-k`, so when it
    /// equals the number, those digits read back as it, and the smallest such `k` is the
    /// shortest form.
    static func writeFloat(_ number: Double, to writer: inout ByteWriter) {
        let magnitude = abs(number)
        if magnitude < 1e11 {
            var scale = 1.0
            for decimals in 0...4 {
                // Truncating after adding 0.5 rounds without a libm call; where the addition
                // itself rounds (within an ulp of a half), no digits of this length can match.
                let digits = UInt64(magnitude * scale + 0.5)
                if Double(digits) / scale == magnitude {
                    if number.sign == .minus { writer.write(UInt8(ascii: "-")) }
                    writeDecimal(digits, decimals: decimals, to: &writer)
                    return
                }
                scale *= 10
            }
        }
        number.write(to: &writer)
    }

    /// Writes `digits` with a decimal point `decimals` places from the right (`.0` for none),
    /// with a leading `0` before the point when needed.
    private static func writeDecimal(_ digits: UInt64, decimals: Int, to writer: inout ByteWriter) {
        guard decimals > 0 else {
            writer.writeDecimal(digits)
            writer.write(UInt8(ascii: "."))
            writer.write(UInt8(ascii: "0"))
            return
        }
        var divisor: UInt64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        writer.writeDecimal(digits / divisor)
        writer.write(UInt8(ascii: "."))
        var fraction = digits % divisor
        for _ in 0..<decimals {
            divisor /= 10
            writer.write(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
        }
    }

    /// Writes `"text"` with `"` and `\` escaped.
    static func writeQuoted(_ text: String, to writer: inout ByteWriter) {
        writer.write(UInt8(ascii: "\""))
        text.withUTF8Buffer { utf8 in
            var runStart = 0
            for index in utf8.indices where utf8[index] == UInt8(ascii: "\"") || utf8[index] == UInt8(ascii: "\\") {
                writer.write(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                writer.write(UInt8(ascii: "\\"))
                runStart = index
            }
            writer.write(UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        writer.write(UInt8(ascii: "\""))
    }
}
