/// Parses one complete JSON document from UTF-8 bytes into a `JSONValue`.
///
/// The reader is hand-written for speed and safety: it scans bytes through pointers, keeps
/// integers exact (`Int64`, or `UInt64` above `Int64.max`), rejects anything that is not RFC 8259
/// JSON (unless `allowNonFiniteNumbers` is set), stops at `maximumDepth` levels of nesting, and
/// never crashes or loops on hostile input. Every failure is `InfluxError.malformedResponse`
/// with a short reason ending in the byte offset.
///
/// ```swift
/// let value = try JSONReader().parse(#"{"results":[{"statement_id":0}]}"#)
/// ```
package struct JSONReader: Sendable {
    /// Accept Python's `NaN`, `Infinity` and `-Infinity` tokens (as written by `json.dumps`),
    /// which strict JSON forbids.
    package var allowNonFiniteNumbers: Bool
    /// The deepest nesting of arrays and objects accepted; deeper input is an error.
    package var maximumDepth: Int

    /// Creates a reader.
    /// - Parameters:
    ///   - allowNonFiniteNumbers: accept `NaN`, `Infinity` and `-Infinity`.
    ///   - maximumDepth: the deepest nesting of arrays and objects accepted.
    package init(allowNonFiniteNumbers: Bool = false, maximumDepth: Int = 512) {
        self.allowNonFiniteNumbers = allowNonFiniteNumbers
        self.maximumDepth = maximumDepth
    }

    /// Parses `bytes` as one JSON value; only whitespace may follow it.
    /// - Throws: `InfluxError.malformedResponse` when the bytes are not one valid JSON value.
    package func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        var scanner = JSONScanner(
            bytes,
            allowNonFiniteNumbers: allowNonFiniteNumbers,
            maximumDepth: maximumDepth
        )
        let value = try scanner.readValue(depth: 0)
        try scanner.expectEnd()
        return value
    }

    /// Parses a byte array as one JSON value; only whitespace may follow it.
    /// - Throws: `InfluxError.malformedResponse` when the bytes are not one valid JSON value.
    package func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try parse($0) }
    }

    /// Parses the UTF-8 form of `text` as one JSON value; only whitespace may follow it.
    /// - Throws: `InfluxError.malformedResponse` when the text is not one valid JSON value.
    package func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try parse(UnsafeRawBufferPointer($0)) }
    }
}
