extension JSONScanner {
    /// Reads a string; the current byte is its opening quote.
    ///
    /// Strings without escapes are decoded straight from the input. Invalid UTF-8 is repaired
    /// with U+FFFD rather than rejected; raw control characters are an error, as JSON requires.
    @inline(__always)
    mutating func readString() throws -> String {
        let opening = index
        index += 1
        let start = index
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                return try readEscapedString(contentStart: start, opening: opening)
            }
            if byte < 0x20 {
                throw failure("control character in string", at: index)
            }
            index += 1
        }
        throw failure("unterminated string", at: opening)
    }

    /// Finishes a string with escapes; `index` is at the first backslash.
    private mutating func readEscapedString(contentStart: Int, opening: Int) throws -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + contentStart, count: index - contentStart))
        while index < count {
            let byte = base[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape()
            case 0..<0x20:
                throw failure("control character in string", at: index)
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw failure("unterminated string", at: opening)
    }

    /// Decodes one escape sequence into `scratch`; `index` is at its backslash.
    private mutating func readEscape() throws {
        guard index + 1 < count else { throw failure("unterminated string", at: index) }
        let escaped = base[index + 1]
        let replacement: UInt8
        switch escaped {
        case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): replacement = UInt8(ascii: "/")
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "n"): replacement = 0x0A
        case UInt8(ascii: "r"): replacement = 0x0D
        case UInt8(ascii: "t"): replacement = 0x09
        case UInt8(ascii: "u"):
            appendScalar(try readUnicodeEscape())
            return
        default:
            throw failure("invalid escape in string", at: index)
        }
        scratch.append(replacement)
        index += 2
    }

    /// Reads `\uXXXX` (and a following low surrogate when the first is a high one) at `index`.
    /// A surrogate without its partner becomes U+FFFD.
    private mutating func readUnicodeEscape() throws -> Unicode.Scalar {
        let first = try hexQuad(at: index + 2)
        index += 6
        switch first {
        case 0xD800...0xDBFF:
            // A high surrogate counts only when a `\u` low surrogate follows immediately.
            if index + 1 < count, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") {
                let second = try hexQuad(at: index + 2)
                if (0xDC00...0xDFFF).contains(second) {
                    index += 6
                    let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    return Unicode.Scalar(value) ?? Self.replacementCharacter
                }
            }
            return Self.replacementCharacter
        case 0xDC00...0xDFFF:
            return Self.replacementCharacter
        default:
            return Unicode.Scalar(first) ?? Self.replacementCharacter
        }
    }

    private static var replacementCharacter: Unicode.Scalar { "\u{FFFD}" }

    /// The value of four hexadecimal digits starting at `position`.
    private func hexQuad(at position: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard position + offset < count else { throw failure("unterminated string", at: position + offset) }
            let byte = base[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape", at: position + offset)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Appends the UTF-8 encoding of `scalar` to `scratch`.
    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { scratch.append($0) }
    }
}
