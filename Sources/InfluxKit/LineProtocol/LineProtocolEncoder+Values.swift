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
    static func writeFloat(_ number: Double, to writer: inout ByteWriter) {
        if number == number.rounded(.towardZero), abs(number) < 1e15 {
            if number.sign == .minus { writer.write(UInt8(ascii: "-")) }
            writer.writeDecimal(UInt64(abs(number)))
            writer.write(UInt8(ascii: "."))
            writer.write(UInt8(ascii: "0"))
        } else {
            number.write(to: &writer)
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
