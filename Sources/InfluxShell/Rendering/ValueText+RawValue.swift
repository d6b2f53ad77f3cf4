import InfluxKit

extension ValueText {
    /// Whether the number `value` prints exactly as the server wrote it, in every format: then
    /// its JSON text can be copied instead of being read and formatted again.
    ///
    /// Two forms qualify:
    /// - an integer of at most 18 digits other than `-0`, or of 19 digits that fits in 64 bits
    ///   (any positive one, as a `UInt64` when above `Int64.max`; a negative one down to
    ///   `Int64.min`, as nanosecond times are): it is read as an integer and printed in
    ///   decimal, and JSON allows no leading zeros, so the digits come back unchanged (`-0`
    ///   prints as `0`, a float is made of what does not fit);
    /// - a decimal without exponent, with at most 10 digits before the point and 1 to 4 after
    ///   it, the last of them not `0` (`0.10` prints as `0.1`, `2.0` as `2` in JSON). It has at
    ///   most 14 significant digits, and two different decimals of at most 15 significant
    ///   digits never round to the same `Double`; so no shorter decimal reads back as the same
    ///   number, and both the shortest-form writers (`description`, `DecimalText`, which tries
    ///   0 to 4 decimals, then `description`) print these very digits, in positional notation
    ///   since the number lies between 0.0001 and 10^10. The value is not whole, so JSON
    ///   serialization prints it with `description` too.
    @inline(__always)
    static func printsAsWritten(_ value: RawValue) -> Bool {
        let text = value.text
        let negative = text[0] == UInt8(ascii: "-")
        switch value.kind {
        case .integer:
            let digits = negative ? text.count - 1 : text.count
            if digits <= 18 { return !(negative && text[1] == UInt8(ascii: "0")) }
            guard digits == 19 else { return false }
            return !negative || UnsafeBufferPointer(rebasing: text[1...]).lexicographicallyPrecedes(int64MinimumDigits)
                || UnsafeBufferPointer(rebasing: text[1...]).elementsEqual(int64MinimumDigits)
        case .decimal:
            let last = text.count - 1
            guard last < 16, text[last] != UInt8(ascii: "0") else { return false }
            var point = last - 1
            while text[point] != UInt8(ascii: ".") { point -= 1 }
            return last - point <= 4 && point - (negative ? 1 : 0) <= 10
        default:
            return false
        }
    }

    /// The digits of `Int64.min`, the most negative integer that fits.
    private static let int64MinimumDigits = Array("9223372036854775808".utf8)

    /// The bytes ``text(_:)-(JSONValue)`` gives for the decoded `value`, when they lie in its
    /// JSON text: an ASCII string's content without escapes, `true`, `false`, nothing for
    /// `null`, a number that prints as written (see ``printsAsWritten(_:)``). `nil` when the
    /// value must be decoded to be printed.
    @inline(__always)
    static func printedBytes(_ value: RawValue) -> UnsafeBufferPointer<UInt8>? {
        switch value.kind {
        case .asciiString:
            return value.content
        case .integer where printsAsWritten(value), .decimal where printsAsWritten(value), .true, .false:
            return value.text
        case .null:
            return UnsafeBufferPointer(start: nil, count: 0)
        default:
            return nil
        }
    }

    /// The text of `value`, as ``text(_:)-(JSONValue)`` gives it for the decoded value, made
    /// from the JSON text where that is the same (see ``printedBytes(_:)``).
    static func text(_ value: RawValue) -> String {
        guard let bytes = printedBytes(value) else { return text(value.decoded()) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `value` is a number (right-aligned in tables), as ``isNumber(_:)-(JSONValue)``
    /// says of the decoded value: every number decodes to an integer or a float.
    static func isNumber(_ value: RawValue) -> Bool {
        value.kind == .integer || value.kind == .decimal || value.kind == .exponential
    }
}
