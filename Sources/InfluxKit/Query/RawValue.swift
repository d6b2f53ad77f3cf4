/// One value of a result row as the server wrote it: its kind and its JSON text, not yet turned
/// into a ``JSONValue``.
///
/// The text points into the response bytes and is valid only while the callback that received
/// it runs (see ``QueryResponseDecoder/feedRaw(_:_:)``). Every value handed out this way was
/// already checked to be valid JSON, so ``decoded()`` always gives the value the decoding path
/// (``QueryResponseDecoder/feed(_:_:)``) would have given.
public struct RawValue {
    /// What a value's text holds, judged by its syntax alone.
    public enum Kind: UInt8, Sendable {
        /// `null`.
        case null
        /// `true`.
        case `true`
        /// `false`.
        case `false`
        /// A number without a fraction or an exponent (`-12`, `0`), of any length.
        case integer
        /// A number with a fraction and no exponent (`12.5`).
        case decimal
        /// A number with an exponent (`1e21`, `2.5E-7`).
        case exponential
        /// A string without escapes whose bytes are all ASCII.
        case asciiString
        /// A string without escapes with bytes above 127 (UTF-8, valid or not).
        case string
        /// A string with at least one backslash escape.
        case escapedString
        /// An array or an object (InfluxDB sends none in rows).
        case composite
    }

    /// The kind of value.
    public let kind: Kind
    /// The value's JSON text; a string's includes its quotes.
    public let text: UnsafeBufferPointer<UInt8>

    /// Creates a value of `kind` whose JSON text is `text`, which must be valid JSON of that kind.
    @usableFromInline
    init(kind: Kind, text: UnsafeBufferPointer<UInt8>) {
        self.kind = kind
        self.text = text
    }

    /// Whether the value is a string of any kind.
    @inlinable
    public var isString: Bool {
        kind == .asciiString || kind == .string || kind == .escapedString
    }

    /// The bytes between a string's quotes, escapes as written; the whole text for other kinds.
    @inlinable
    public var content: UnsafeBufferPointer<UInt8> {
        guard isString, let start = text.baseAddress else { return text }
        return UnsafeBufferPointer(start: start + 1, count: text.count - 2)
    }

    /// The value as the decoding path reads it: strings unescaped (invalid UTF-8 repaired with
    /// U+FFFD), integers exact, other numbers correctly rounded.
    public func decoded() -> JSONValue {
        var scanner = JSONScanner(UnsafeRawBufferPointer(text), maximumDepth: .max)
        // The text was checked when it was recorded, so reading it again cannot fail.
        return (try? scanner.readValue(depth: 0)) ?? .null
    }
}
