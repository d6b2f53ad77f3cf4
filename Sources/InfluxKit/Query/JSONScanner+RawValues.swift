extension JSONScanner {
    /// Reads a series' `values` array (depth 6) of rows (depth 7) and records their values on
    /// the tape instead of decoding them; returns the rows recorded.
    ///
    /// Every value is checked as `readValue` would check it, with the same errors at the same
    /// offsets, so a response is rejected exactly when the decoding path rejects it.
    mutating func recordRows() throws -> Range<Int> {
        let first = tape.rowCount
        if try skipNull() { return first..<first }
        try beginArray(depth: 6)
        var firstRow = true
        while try nextElement(&firstRow) {
            try beginArray(depth: 7)
            var firstValue = true
            while try nextElement(&firstValue) {
                // Strings and numbers, nearly every value, are checked in this loop; the rest
                // by a call.
                let byte = try peek(expecting: "a value")
                let start = index
                let kind: RawValue.Kind
                if byte == UInt8(ascii: "\"") {
                    kind = try scanString()
                } else if byte == UInt8(ascii: "-") || Self.isDigit(byte) {
                    kind = try scanNumber()
                } else {
                    kind = try scanOtherValue(byte)
                }
                tape.values.append(RawValue(kind: kind, text: UnsafeBufferPointer(start: base + start, count: index - start)))
            }
            tape.endRow()
        }
        return first..<tape.rowCount
    }

    /// Checks a value that is neither a string nor a number (inside a row, depth 7); `byte` is
    /// its first byte.
    @inline(never)
    private mutating func scanOtherValue(_ byte: UInt8) throws -> RawValue.Kind {
        switch byte {
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .true
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .false
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        default:
            // Arrays, objects and anything invalid: read as before, for the same errors.
            _ = try readValue(depth: 7)
            return .composite
        }
    }

    /// Checks a string; the current byte is its opening quote. A string with escapes is read by
    /// `readString`, which checks them.
    @inline(__always)
    private mutating func scanString() throws -> RawValue.Kind {
        let opening = index
        var position = index + 1
        var high: UInt8 = 0
        // Eight bytes at a time while none is a quote, a backslash, a control character or
        // above 127 (the usual short ASCII strings).
        while position + 8 <= count {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            let stops = word.bytesEqual(to: UInt8(ascii: "\"")) | word.bytesEqual(to: UInt8(ascii: "\\"))
                | word.bytesBelow0x20OrAbove0x7F()
            if stops != 0 {
                position += stops.trailingZeroBitCount / 8
                break
            }
            position += 8
        }
        while position < count {
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                index = position + 1
                return high < 0x80 ? .asciiString : .string
            }
            if byte == UInt8(ascii: "\\") {
                _ = try readString()
                return .escapedString
            }
            if byte < 0x20 { throw failure("control character in string", at: position) }
            high |= byte
            position += 1
        }
        throw failure("unterminated string", at: opening)
    }

    /// Checks a number; the current byte is `-` or a digit.
    ///
    /// Integers of up to 18 digits (19 when positive) and decimals of up to 15 digits without
    /// an exponent are checked here: for them `readNumber` can fail only on their syntax,
    /// checked the same way. Any other number is read by `readNumber` itself.
    @inline(__always)
    private mutating func scanNumber() throws -> RawValue.Kind {
        let start = index
        var position = index
        if base[position] == UInt8(ascii: "-") { position += 1 }
        guard position < count, Self.isDigit(base[position]) else { throw failure("invalid number", at: start) }
        let integerStart = position
        if base[position] == UInt8(ascii: "0") {
            position += 1
            if position < count, Self.isDigit(base[position]) {
                throw failure("invalid number (leading zero)", at: start)
            }
        } else {
            while position < count, Self.isDigit(base[position]) { position += 1 }
        }
        let integerDigits = position - integerStart
        var kind = RawValue.Kind.integer
        if position < count, base[position] == UInt8(ascii: ".") {
            kind = .decimal
            position += 1
            let fractionStart = position
            while position < count, Self.isDigit(base[position]) { position += 1 }
            let fractionDigits = position - fractionStart
            if position < count, base[position] | 0x20 == UInt8(ascii: "e") {
                kind = .exponential
            } else if fractionDigits > 0, integerDigits + fractionDigits <= 15 {
                index = position
                return .decimal
            }
        } else if position < count, base[position] | 0x20 == UInt8(ascii: "e") {
            kind = .exponential
        } else if integerDigits <= 18 || (integerDigits == 19 && base[start] != UInt8(ascii: "-")) {
            // Nanosecond times have 19 digits; positive, they are below 2^64 and `readNumber`
            // reads them without a float.
            index = position
            return .integer
        }
        _ = try readNumber()
        return kind
    }
}
