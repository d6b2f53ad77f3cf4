/// Decodes a `/query` response body that arrives in pieces into `ResultSet`s, as soon as each
/// top-level JSON object is complete.
///
/// InfluxDB answers with one JSON object, or with `chunked=true` a sequence of objects (one per
/// line). The decoder finds where each object ends by tracking strings, escapes and nesting
/// across `feed` calls — each byte is scanned once, however the body is split — and keeps only
/// the bytes of the unfinished object, so a chunked response is decoded in constant memory.
/// Every entry of an object's `results` is emitted as one `ResultSet`, in order.
///
/// ```swift
/// var decoder = QueryResponseDecoder()
/// try decoder.feed(piece) { result in … }   // for every piece of the body
/// try decoder.finish { result in … }        // once, at the end
/// ```
///
/// After an error (including one thrown by `emit`) the decoder must not be used again.
package struct QueryResponseDecoder: Sendable {
    /// The deepest nesting of arrays and objects accepted inside a response object.
    package let maximumDepth: Int
    /// The most bytes one response object (one chunk, or the whole of an answer that is not
    /// chunked) may have; a longer one fails instead of growing without bound.
    package let maximumObjectBytes: Int

    /// The default of ``maximumObjectBytes``: 256 MiB, some 300 times influxd's chunk of 10,000
    /// rows of five fields and four tags (820 KB).
    package static let defaultMaximumObjectBytes = 256 << 20

    /// The bytes of the unfinished object when it spans several pieces.
    var pending: [UInt8] = []
    /// Nesting depth of the object being scanned; 0 between objects.
    var depth = 0
    /// Whether the scan is inside a string.
    var inString = false
    /// Whether the previous byte was a backslash inside a string.
    var escaped = false
    /// The absolute offset of the next byte fed.
    var offset = 0
    /// The absolute offset of the current object's `{`.
    var objectStart = 0
    /// How many complete objects were decoded.
    var objectCount = 0
    /// The rows of the last object, for `feedRaw`; kept for its storage.
    var tape = RawRowTape()
    /// Whether the object begun at `objectStart` is being gathered in `pending` up to the next
    /// newline without being scanned (`feedRaw` only).
    var deferring = false
    /// The statement (from 0) whose last result so far said more of it follows (`partial`, on
    /// the result or its last series); the body must not end before that arrives.
    var announced: Int?

    /// Pending storage above this size is released after its object is decoded.
    static let retainedCapacity = 1 << 22

    /// Creates a decoder.
    /// - Parameters:
    ///   - maximumDepth: the deepest nesting of arrays and objects accepted.
    ///   - maximumObjectBytes: the most bytes of one response object.
    package init(maximumDepth: Int = 512, maximumObjectBytes: Int = defaultMaximumObjectBytes) {
        self.maximumDepth = maximumDepth
        self.maximumObjectBytes = max(maximumObjectBytes, 1)
    }

    /// Keeps `bytes` of the unfinished object in `pending`; throws when the object would grow
    /// past ``maximumObjectBytes``.
    mutating func holdPending(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard pending.count + bytes.count <= maximumObjectBytes else {
            pending = []
            throw InfluxError.malformedResponse(
                reason: "answer object at byte \(objectStart) is larger than \(maximumObjectBytes) bytes, the limit (ask for smaller chunks)")
        }
        pending.append(contentsOf: bytes)
    }

    /// Scans the next piece of the body and emits the results of every object it completes.
    /// - Throws: `InfluxError.malformedResponse` for bytes that are not InfluxDB response JSON,
    ///   `InfluxError.http(status: 200, message:)` for a top-level `{"error": …}` object (the
    ///   caller should substitute the real status), and whatever `emit` throws.
    package mutating func feed(_ bytes: UnsafeRawBufferPointer, _ emit: (ResultSet) throws -> Void) throws {
        try scanObjects(bytes) { decoder, object in
            let results = try decoder.decodeObject(object)
            decoder.noteAnnouncements(results)
            for result in results {
                try emit(result)
            }
        }
    }

    /// Finds where objects end in the next piece of the body and hands each complete object
    /// (joined with its earlier pieces) to `complete`.
    private mutating func scanObjects(
        _ bytes: UnsafeRawBufferPointer,
        _ complete: (inout QueryResponseDecoder, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard let address = bytes.baseAddress, bytes.count > 0 else { return }
        _ = try scanExactly(address.assumingMemoryBound(to: UInt8.self), from: 0, to: bytes.count, complete)
        offset += bytes.count
    }

    /// Finds where objects end in `text[start..<count]`, byte by byte, and hands each complete
    /// object (joined with its earlier pieces) to `complete`; `offset` is the absolute offset
    /// of `text[0]`. With `stoppingAfterObject`, returns right after the first object it
    /// completes; otherwise (or when none completes) returns `count`. The bytes of an
    /// unfinished object are kept in `pending`.
    mutating func scanExactly(
        _ text: UnsafePointer<UInt8>,
        from start: Int,
        to count: Int,
        stoppingAfterObject: Bool = false,
        _ complete: (inout QueryResponseDecoder, UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int {
        var index = start
        // Where the current object's bytes begin in this piece (`start` when it began earlier).
        var segmentStart = start

        if escaped, index < count {
            // The byte after a backslash never ends a string.
            escaped = false
            index += 1
        }
        scan: while index < count {
            if depth == 0 {
                switch text[index] {
                case 0x20, 0x0A, 0x0D, 0x09:
                    index += 1
                case UInt8(ascii: "{"):
                    depth = 1
                    segmentStart = index
                    objectStart = offset + index
                    index += 1
                default:
                    throw InfluxError.malformedResponse(
                        reason: "expected '{' of a response object at byte \(offset + index)"
                    )
                }
                continue scan
            }
            if inString {
                while index < count {
                    index = Self.firstQuoteOrBackslash(text, from: index, to: count)
                    guard index < count else { break }
                    let byte = text[index]
                    index += 1
                    if byte == UInt8(ascii: "\"") {
                        inString = false
                        continue scan
                    }
                    if index == count {
                        escaped = true
                    } else {
                        index += 1
                    }
                }
                continue scan
            }
            while index < count {
                index = Self.firstQuoteOrBracket(text, from: index, to: count)
                guard index < count else { break }
                let byte = text[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                    continue scan
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        let tail = UnsafeBufferPointer(start: text + segmentStart, count: index - segmentStart)
                        try completeObject(tail, complete)
                        if stoppingAfterObject { return index }
                        continue scan
                    }
                default:
                    break
                }
            }
        }
        if depth > 0 {
            try holdPending(UnsafeBufferPointer(start: text + segmentStart, count: count - segmentStart))
        }
        return count
    }

    /// Scans the next piece of the body; see `feed(_:_:)` for raw buffers.
    package mutating func feed(_ bytes: [UInt8], _ emit: (ResultSet) throws -> Void) throws {
        try bytes.withUnsafeBytes { try feed($0, emit) }
    }

    /// Ends the body.
    ///
    /// Every complete object was already emitted by `feed`; `emit` is kept for symmetry and
    /// future use.
    /// - Throws: `InfluxError.malformedResponse` when the body stopped inside an object, held
    ///   no object at all, or ended while its last result said more of its statement or series
    ///   follows (`"partial":true`): an answer cut short between two chunks.
    package mutating func finish(_ emit: (ResultSet) throws -> Void) throws {
        if depth > 0 {
            throw InfluxError.malformedResponse(
                reason: "truncated response: object at byte \(objectStart) unfinished at byte \(offset)"
            )
        }
        if objectCount == 0 {
            throw InfluxError.malformedResponse(reason: "empty response body")
        }
        if let statement = announced {
            throw InfluxError.malformedResponse(
                reason: "answer truncated: it ended at byte \(offset) where more of statement \(statement + 1) was announced"
            )
        }
    }

    /// Notes whether the last of `results` (one object's) says more of its statement follows.
    mutating func noteAnnouncements(_ results: [ResultSet]) {
        guard let last = results.last else { return }
        announced = last.isPartial || last.series.last?.isPartial == true ? last.statementID : nil
    }

    /// Decodes a whole body at once and returns every result in order.
    /// - Throws: as `feed(_:_:)` and `finish(_:)`.
    package static func decode(_ body: UnsafeRawBufferPointer, maximumDepth: Int = 512) throws -> [ResultSet] {
        var decoder = QueryResponseDecoder(maximumDepth: maximumDepth)
        var results: [ResultSet] = []
        try decoder.feed(body) { results.append($0) }
        try decoder.finish { results.append($0) }
        return results
    }

    /// Decodes a whole body held in a byte array.
    /// - Throws: as `feed(_:_:)` and `finish(_:)`.
    package static func decode(_ body: [UInt8], maximumDepth: Int = 512) throws -> [ResultSet] {
        try body.withUnsafeBytes { try decode($0, maximumDepth: maximumDepth) }
    }

    /// Decodes a whole body held in a string.
    /// - Throws: as `feed(_:_:)` and `finish(_:)`.
    package static func decode(_ body: String, maximumDepth: Int = 512) throws -> [ResultSet] {
        var body = body
        return try body.withUTF8 { try decode(UnsafeRawBufferPointer($0), maximumDepth: maximumDepth) }
    }

    /// Hands the object whose last bytes are `tail` (its first bytes are in `pending`, if any)
    /// to `complete`.
    mutating func completeObject(
        _ tail: UnsafeBufferPointer<UInt8>,
        _ complete: (inout QueryResponseDecoder, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        objectCount += 1
        if pending.isEmpty {
            guard tail.count <= maximumObjectBytes else {
                throw InfluxError.malformedResponse(
                    reason: "answer object at byte \(objectStart) is larger than \(maximumObjectBytes) bytes, the limit (ask for smaller chunks)")
            }
            try complete(&self, UnsafeRawBufferPointer(tail))
        } else {
            try holdPending(tail)
            // Moved out while it is read, so that `complete` may change the decoder.
            var joined: [UInt8] = []
            swap(&joined, &pending)
            defer {
                joined.removeAll(keepingCapacity: joined.capacity <= Self.retainedCapacity)
                swap(&joined, &pending)
            }
            try joined.withUnsafeBytes { try complete(&self, $0) }
        }
    }

    /// The index of the first `"` or `\\` in `start..<limit`, or `limit`; eight bytes at a time,
    /// as most bytes of a string are neither.
    @inline(__always)
    private static func firstQuoteOrBackslash(_ text: UnsafePointer<UInt8>, from start: Int, to limit: Int) -> Int {
        var index = start
        while index + 8 <= limit {
            let word = UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self)
            let found = word.bytesEqual(to: UInt8(ascii: "\"")) | word.bytesEqual(to: UInt8(ascii: "\\"))
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < limit && text[index] != UInt8(ascii: "\"") && text[index] != UInt8(ascii: "\\") { index += 1 }
        return index
    }

    /// The index of the first `"`, `{`, `}`, `[` or `]` in `start..<limit`, or `limit`; eight
    /// bytes at a time, as numbers, commas and colons between them need no attention.
    @inline(__always)
    private static func firstQuoteOrBracket(_ text: UnsafePointer<UInt8>, from start: Int, to limit: Int) -> Int {
        var index = start
        while index + 8 <= limit {
            let word = UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self)
            // Setting bit 5 of every byte turns `[` into `{` and `]` into `}`, and no other byte
            // into either.
            let folded = word | 0x2020_2020_2020_2020
            let found = word.bytesEqual(to: UInt8(ascii: "\""))
                | folded.bytesEqual(to: UInt8(ascii: "{")) | folded.bytesEqual(to: UInt8(ascii: "}"))
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < limit {
            let byte = text[index]
            if byte == UInt8(ascii: "\"") || byte | 0x20 == UInt8(ascii: "{") || byte | 0x20 == UInt8(ascii: "}") {
                break
            }
            index += 1
        }
        return index
    }

    /// Decodes one complete response object.
    private func decodeObject(_ bytes: UnsafeRawBufferPointer) throws -> [ResultSet] {
        var scanner = JSONScanner(bytes, offsetBase: objectStart, maximumDepth: maximumDepth)
        let results = try scanner.readQueryResponse()
        try scanner.expectEnd()
        return results
    }
}
