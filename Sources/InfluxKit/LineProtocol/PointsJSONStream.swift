/// Reads points in the JSON shapes of ``PointsJSON`` as the bytes arrive, handing over each
/// point as soon as its object is complete, so that an input of any size is converted in
/// constant memory.
///
/// An array of point objects streams in constant memory. In the object form, `"measurement"`
/// and `"tags"` apply to every point wherever they stand, so its points are held as their JSON
/// text (about the size of the input, a tenth of them decoded) until the object ends — unless
/// the caller knows that no such member follows `"points"` (``membersFollowPoints(in:)`` tells,
/// for an input that can be read twice) and says so with `holdingPoints: false`.
///
/// ```swift
/// var stream = PointsJSONStream(precision: .seconds)
/// try stream.feed(piece) { index, point in … }   // for every piece of the input
/// try stream.finish { index, point in … }        // once, at the end
/// ```
///
/// Points are handed over with their index from 0 in input order, as ``PointsJSON/points(from:precision:)``
/// returns them: a point that cannot be written is a `.failure` and the others still come.
/// Bytes that are not JSON throw `InfluxError.malformedResponse` naming the byte; a document of
/// the wrong shape throws `InfluxError.invalidArgument`.
package struct PointsJSONStream {
    /// The unit of integer times.
    package let precision: Precision
    /// The most bytes one value (a point object, a member of the object form) may have.
    package let maximumValueBytes: Int

    private enum State {
        case start
        /// Expecting `}` or (`first` ? a member : `,`).
        case memberOrEnd(first: Bool)
        case member
        /// Expecting `]` or (`first` ? a point : `,`).
        case pointOrEnd(first: Bool, inObject: Bool)
        case point(inObject: Bool)
        case end
    }

    private var state = State.start
    /// Bytes not yet consumed start at `position`; `offset` is the absolute offset of `pending[0]`.
    private var pending: [UInt8] = []
    private var position = 0
    private var offset = 0
    private var defaults = PointsJSON.Defaults()
    private var sawPoints = false
    /// Whether object-form points wait for the end of the object (see the type's discussion).
    private let holdingPoints: Bool
    /// Whether points are only skipped, to learn the order of the members.
    private var surveying = false
    /// Whether a `"measurement"` or `"tags"` member came after `"points"`.
    private var sawMembersAfterPoints = false
    /// Point objects held until the object form ends: their text and absolute offset.
    private var held: [(text: [UInt8], offset: Int)] = []
    private var nextIndex = 0

    /// Creates a stream; `maximumValueBytes` bounds one point object (64 MiB by default). With
    /// `holdingPoints` false, the points of the object form are handed over at once, with the
    /// members before them, and a `"measurement"` or `"tags"` member after `"points"` throws
    /// `.invalidArgument`.
    package init(precision: Precision = .nanoseconds, maximumValueBytes: Int = 64 << 20, holdingPoints: Bool = true) {
        self.precision = precision
        self.maximumValueBytes = max(maximumValueBytes, 1)
        self.holdingPoints = holdingPoints
    }

    /// Whether a document, given as the pieces `forEachPiece` hands over, is of the object form
    /// with a `"measurement"` or `"tags"` member after `"points"` (so its points must be held);
    /// it is scanned, not decoded. Malformed input gives `true` (the reading proper reports it).
    package static func membersFollowPoints(
        in forEachPiece: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) -> Bool {
        var survey = PointsJSONStream()
        survey.surveying = true
        do {
            try forEachPiece { piece in
                try survey.feed(piece) { _, _ in }
                if survey.isInTopLevelArray { throw SurveyDone() }
            }
            try survey.finish { _, _ in }
        } catch is SurveyDone {
            return false
        } catch {
            return true
        }
        return survey.sawMembersAfterPoints
    }

    /// Ends a survey early: the document is an array.
    private struct SurveyDone: Error {}

    /// Whether the document is an array and its points are being read.
    private var isInTopLevelArray: Bool {
        switch state {
        case .pointOrEnd(_, inObject: false), .point(inObject: false): return true
        default: return false
        }
    }

    /// Reads the next piece of the input and hands over every point it completes.
    package mutating func feed(
        _ bytes: UnsafeRawBufferPointer, _ emit: (Int, Result<Point, InfluxError>) throws -> Void
    ) throws {
        pending.append(contentsOf: bytes)
        while try step(emit) {}
        if position > 0 {
            pending.removeFirst(position)
            offset += position
            position = 0
        }
    }

    /// Ends the input: hands over the points held, and throws when the document is unfinished
    /// or has the wrong shape.
    package mutating func finish(_ emit: (Int, Result<Point, InfluxError>) throws -> Void) throws {
        while try step(emit) {}
        skipWhitespace()
        guard case .end = state else {
            if case .start = state, position == pending.count { throw PointsJSON.shapeError }
            throw InfluxError.malformedResponse(reason: "json input ends early at byte \(offset + pending.count)")
        }
    }

    /// Moves on by one token or value; false when more bytes are needed (or the document ended).
    private mutating func step(_ emit: (Int, Result<Point, InfluxError>) throws -> Void) throws -> Bool {
        skipWhitespace()
        guard position < pending.count else { return false }
        let byte = pending[position]
        switch state {
        case .start:
            switch byte {
            case UInt8(ascii: "["): state = .pointOrEnd(first: true, inObject: false)
            case UInt8(ascii: "{"): state = .memberOrEnd(first: true)
            default: throw PointsJSON.shapeError
            }
            position += 1
        case let .memberOrEnd(first):
            if byte == UInt8(ascii: "}") {
                position += 1
                try endObject(emit)
                state = .end
            } else if first {
                state = .member
            } else {
                guard byte == UInt8(ascii: ",") else { throw unexpected(byte, expecting: "',' or '}'") }
                position += 1
                state = .member
            }
        case .member:
            return try member(emit)
        case let .pointOrEnd(first, inObject):
            if byte == UInt8(ascii: "]") {
                position += 1
                state = inObject ? .memberOrEnd(first: false) : .end
            } else if first {
                state = .point(inObject: inObject)
            } else {
                guard byte == UInt8(ascii: ",") else { throw unexpected(byte, expecting: "',' or ']'") }
                position += 1
                state = .point(inObject: inObject)
            }
        case let .point(inObject):
            guard let end = try valueEnd(from: position) else { return false }
            let start = position
            position = end
            state = .pointOrEnd(first: false, inObject: inObject)
            if surveying {
                break
            } else if inObject && holdingPoints {
                // A "measurement" or "tags" member may still follow and change these points:
                // they wait, as text, for the end of the object.
                held.append((Array(pending[start..<end]), offset + start))
            } else {
                try emitConverted(try parse(start..<end), emit)
            }
        case .end:
            throw InfluxError.malformedResponse(reason: "trailing data after the json value at byte \(offset + position)")
        }
        return true
    }

    /// Reads one member of the object form: its name, `:`, and its value (or the `[` of
    /// `"points"`); false, consuming nothing, when its bytes are not all there yet.
    private mutating func member(_ emit: (Int, Result<Point, InfluxError>) throws -> Void) throws -> Bool {
        guard pending[position] == UInt8(ascii: "\"") else { throw unexpected(pending[position], expecting: "a member name") }
        guard let nameEnd = try valueEnd(from: position) else { return false }
        var index = nameEnd
        while index < pending.count, Self.isWhitespace(pending[index]) { index += 1 }
        guard index < pending.count else { return false }
        guard pending[index] == UInt8(ascii: ":") else { throw unexpected(pending[index], expecting: "':'") }
        index += 1
        while index < pending.count, Self.isWhitespace(pending[index]) { index += 1 }
        guard index < pending.count else { return false }
        guard case let .string(name) = try parse(position..<nameEnd) else { throw PointsJSON.shapeError }
        if name == "points" {
            guard pending[index] == UInt8(ascii: "[") else { throw PointsJSON.shapeError }
            guard !sawPoints else { throw InfluxError.invalidArgument("json \"points\" is given twice") }
            sawPoints = true
            position = index + 1
            state = .pointOrEnd(first: true, inObject: true)
            return true
        }
        guard let valueEnd = try valueEnd(from: index) else { return false }
        if sawPoints && (name == "measurement" || name == "tags") {
            sawMembersAfterPoints = true
            if !holdingPoints && !surveying {
                throw InfluxError.invalidArgument("json \"\(name)\" comes after \"points\" in input read only once")
            }
        }
        try PointsJSON.apply(name, try parse(index..<valueEnd), to: &defaults)
        position = valueEnd
        state = .memberOrEnd(first: false)
        return true
    }

    /// The object form ended: its points held are handed over, now that its members are known.
    private mutating func endObject(_ emit: (Int, Result<Point, InfluxError>) throws -> Void) throws {
        guard sawPoints else { throw PointsJSON.shapeError }
        try emitHeld(emit)
    }

    private mutating func emitHeld(_ emit: (Int, Result<Point, InfluxError>) throws -> Void) throws {
        let points = held
        held = []
        for (text, start) in points {
            let value = try text.withUnsafeBytes { try Self.parse($0, at: start) }
            try emitConverted(value, emit)
        }
    }

    private mutating func emitConverted(_ value: JSONValue, _ emit: (Int, Result<Point, InfluxError>) throws -> Void) throws {
        let index = nextIndex
        nextIndex += 1
        try emit(index, PointsJSON.convert(value, defaults: defaults, precision: precision))
    }

    /// Parses `pending[range]` as one JSON value.
    private func parse(_ range: Range<Int>) throws -> JSONValue {
        try pending.withUnsafeBytes { try Self.parse(UnsafeRawBufferPointer(rebasing: $0[range]), at: offset + range.lowerBound) }
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, at start: Int) throws -> JSONValue {
        var scanner = JSONScanner(bytes, offsetBase: start, allowNonFiniteNumbers: true)
        let value = try scanner.readValue(depth: 0)
        try scanner.expectEnd()
        return value
    }

    /// The end of the value starting at `start` (a container, a string or a scalar), or `nil`
    /// when its bytes are not all there yet; throws when it grows past ``maximumValueBytes``.
    private func valueEnd(from start: Int) throws -> Int? {
        let end = pending.withUnsafeBufferPointer { text -> Int? in
            var index = start
            var depth = 0
            var inString = false
            while index < text.count {
                let byte = text[index]
                index += 1
                if inString {
                    if byte == UInt8(ascii: "\\") {
                        index += 1
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        if depth == 0 { return index }
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return index - 1 }  // ends a scalar; a container's close is below
                    depth -= 1
                    if depth == 0 { return index }
                case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                    if depth == 0 { return index - 1 }
                default:
                    break
                }
            }
            return nil
        }
        if end == nil && pending.count - start > maximumValueBytes {
            throw InfluxError.malformedResponse(
                reason: "json value at byte \(offset + start) is longer than \(maximumValueBytes) bytes")
        }
        if let end, end == start { throw unexpected(pending[start], expecting: "a value") }
        return end
    }

    private mutating func skipWhitespace() {
        while position < pending.count, Self.isWhitespace(pending[position]) { position += 1 }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func unexpected(_ byte: UInt8, expecting what: String) -> InfluxError {
        let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(UnicodeScalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return .malformedResponse(reason: "unexpected \(shown), expected \(what) at byte \(offset + position)")
    }
}
