/// A cursor over UTF-8 JSON bytes that reads one value at a time.
///
/// The scanner never reads outside `0..<count` and never builds more than it is asked for: the
/// query decoder walks the InfluxDB response structure with `nextMember`/`nextElement` and only
/// materialises cell values as `JSONValue`. Errors are `InfluxError.malformedResponse` with the
/// absolute byte offset (`offsetBase` + position).
struct JSONScanner {
    /// The first byte of the text.
    let base: UnsafePointer<UInt8>
    /// The number of bytes of text.
    let count: Int
    /// The absolute offset of `base` in the whole stream, used in error messages.
    let offsetBase: Int
    /// Accept Python's `NaN`, `Infinity` and `-Infinity` tokens.
    let allowNonFiniteNumbers: Bool
    /// The deepest nesting of arrays and objects accepted.
    let maximumDepth: Int
    /// The position of the next unread byte.
    var index = 0
    /// Reused storage for strings with escapes.
    var scratch: [UInt8] = []
    /// Whether the query response reader records rows on `tape` instead of decoding them.
    var recordsRawRows = false
    /// The rows recorded when `recordsRawRows` is set.
    var tape = RawRowTape()

    /// Creates a scanner over `bytes`; the memory must outlive the scanner.
    init(
        _ bytes: UnsafeRawBufferPointer,
        offsetBase: Int = 0,
        allowNonFiniteNumbers: Bool = false,
        maximumDepth: Int = 512
    ) {
        // Raw bytes are always readable as UInt8: binding them is a no-op for a trivial type.
        if let address = bytes.baseAddress, bytes.count > 0 {
            base = address.assumingMemoryBound(to: UInt8.self)
            count = bytes.count
        } else {
            base = Self.emptyText
            count = 0
        }
        self.offsetBase = offsetBase
        self.allowNonFiniteNumbers = allowNonFiniteNumbers
        self.maximumDepth = maximumDepth
    }

    // One immutable zero byte, never written: safe to share.
    nonisolated(unsafe) private static let emptyText: UnsafePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    // MARK: Errors

    /// A `malformedResponse` error naming the absolute offset of `position`.
    func failure(_ what: String, at position: Int) -> InfluxError {
        .malformedResponse(reason: "\(what) at byte \(offsetBase + position)")
    }

    /// A `malformedResponse` error at the current position, naming the byte found there.
    func unexpected(expecting what: String) -> InfluxError {
        guard index < count else { return failure("unexpected end of input, expected \(what)", at: index) }
        return failure("unexpected \(Self.describe(base[index])), expected \(what)", at: index)
    }

    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16)
    }

    // MARK: Whitespace and punctuation

    /// Skips JSON whitespace.
    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Skips whitespace and returns the next byte without consuming it.
    @inline(__always)
    mutating func peek(expecting what: @autoclosure () -> String) throws -> UInt8 {
        skipWhitespace()
        guard index < count else { throw unexpected(expecting: what()) }
        return base[index]
    }

    /// Skips whitespace and consumes `byte`, or throws.
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws {
        guard try peek(expecting: what()) == byte else { throw unexpected(expecting: what()) }
        index += 1
    }

    /// Throws unless only whitespace is left.
    mutating func expectEnd() throws {
        skipWhitespace()
        guard index == count else { throw failure("trailing data after the json value", at: index) }
    }

    // MARK: Containers

    /// Consumes `{` and checks the nesting depth (`depth` counts this object).
    mutating func beginObject(depth: Int) throws {
        try expect(UInt8(ascii: "{"), "'{'")
        guard depth <= maximumDepth else { throw failure("nesting deeper than \(maximumDepth)", at: index - 1) }
    }

    /// Consumes `[` and checks the nesting depth (`depth` counts this array).
    mutating func beginArray(depth: Int) throws {
        try expect(UInt8(ascii: "["), "'['")
        guard depth <= maximumDepth else { throw failure("nesting deeper than \(maximumDepth)", at: index - 1) }
    }

    /// Reads the next member name of an object and its `:`, or consumes the closing `}` and
    /// returns `nil`. `first` must start `true` for each object.
    @inline(__always)
    mutating func nextMember(_ first: inout Bool) throws -> String? {
        var byte = try peek(expecting: "'}' or a member name")
        if byte == UInt8(ascii: "}") {
            index += 1
            return nil
        }
        if first {
            first = false
        } else {
            guard byte == UInt8(ascii: ",") else { throw unexpected(expecting: "',' or '}'") }
            index += 1
            byte = try peek(expecting: "a member name")
        }
        guard byte == UInt8(ascii: "\"") else { throw unexpected(expecting: "a member name") }
        let name = try readString()
        try expect(UInt8(ascii: ":"), "':'")
        return name
    }

    /// Returns `true` when another element of an array follows (consuming its `,`), or consumes
    /// the closing `]` and returns `false`. `first` must start `true` for each array.
    @inline(__always)
    mutating func nextElement(_ first: inout Bool) throws -> Bool {
        let byte = try peek(expecting: "a value or ']'")
        if byte == UInt8(ascii: "]") {
            index += 1
            return false
        }
        if first {
            first = false
        } else {
            guard byte == UInt8(ascii: ",") else { throw unexpected(expecting: "',' or ']'") }
            index += 1
        }
        return true
    }

    /// Consumes `null` if it comes next and reports whether it did.
    mutating func skipNull() throws -> Bool {
        guard try peek(expecting: "a value") == UInt8(ascii: "n") else { return false }
        try readLiteral("null")
        return true
    }

    // MARK: Values

    /// Reads any value. `depth` is the nesting depth of the value's container.
    mutating func readValue(depth: Int) throws -> JSONValue {
        switch try peek(expecting: "a value") {
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try readNumber()
        case UInt8(ascii: "["):
            return .array(try readArray(depth: depth + 1))
        case UInt8(ascii: "{"):
            return .object(try readObject(depth: depth + 1))
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        case UInt8(ascii: "N") where allowNonFiniteNumbers:
            try readLiteral("NaN")
            return .float(.nan)
        case UInt8(ascii: "I") where allowNonFiniteNumbers:
            try readLiteral("Infinity")
            return .float(.infinity)
        default:
            throw unexpected(expecting: "a value")
        }
    }

    /// Reads an array whose own depth is `depth`.
    mutating func readArray(depth: Int) throws -> [JSONValue] {
        try beginArray(depth: depth)
        var elements: [JSONValue] = []
        var first = true
        while try nextElement(&first) {
            elements.append(try readValue(depth: depth))
        }
        return elements
    }

    /// Reads an object whose own depth is `depth`, keeping member order and duplicates.
    mutating func readObject(depth: Int) throws -> [(key: String, value: JSONValue)] {
        try beginObject(depth: depth)
        var members: [(key: String, value: JSONValue)] = []
        var first = true
        while let key = try nextMember(&first) {
            members.append((key, try readValue(depth: depth)))
        }
        return members
    }

    /// Reads a value and throws it away.
    mutating func skipValue(depth: Int) throws {
        _ = try readValue(depth: depth)
    }

    /// Consumes the ASCII word `literal` (the first byte is already known to match).
    mutating func readLiteral(_ literal: StaticString) throws {
        let length = literal.utf8CodeUnitCount
        let start = index
        var matched = index + length <= count
        if matched {
            let expected = literal.utf8Start
            for offset in 0..<length where base[start + offset] != expected[offset] {
                matched = false
                break
            }
        }
        guard matched else { throw failure("invalid literal, expected \(literal)", at: start) }
        index += length
    }

    /// Reads a string value and requires it.
    mutating func readStringValue() throws -> String {
        guard try peek(expecting: "a string") == UInt8(ascii: "\"") else { throw unexpected(expecting: "a string") }
        return try readString()
    }

    /// Reads an integer value that fits in `Int`.
    mutating func readIntValue() throws -> Int {
        let start = index
        guard case let .integer(number) = try readValue(depth: 0), let value = Int(exactly: number) else {
            throw failure("expected an integer", at: start)
        }
        return value
    }

    /// Reads `true` or `false`.
    mutating func readBoolValue() throws -> Bool {
        switch try peek(expecting: "true or false") {
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return true
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return false
        default:
            throw unexpected(expecting: "true or false")
        }
    }
}
