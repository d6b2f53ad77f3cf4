#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension QueryResponseDecoder {
    /// Scans the next piece of the body like ``feed(_:_:)``, but hands over each result with
    /// its rows still as JSON text (see ``RawResultSet``), for callers that write them out
    /// again. End the body with ``finishRaw(_:)``.
    ///
    /// Results are emitted, and errors thrown, as by ``feed(_:_:)``: an object is checked whole
    /// before any of its results is emitted, and `result.decoded()` equals what
    /// ``feed(_:_:)`` emits for the same bytes. The results are valid only while `emit` runs.
    ///
    /// InfluxDB ends every object of a response with a newline, and no JSON string holds a raw
    /// newline; so an object is first gathered up to the next newline and checked by the full
    /// reader at once, without the byte-by-byte search for its end. When that reading fails
    /// (an object spread over several lines, two objects on one line, malformed JSON, a
    /// top-level error), the gathered bytes are scanned byte by byte as ``feed(_:_:)`` scans
    /// them, which gives its results and errors.
    /// - Throws: as ``feed(_:_:)``.
    package mutating func feedRaw(_ bytes: UnsafeRawBufferPointer, _ emit: (RawResultSet) throws -> Void) throws {
        guard let address = bytes.baseAddress, bytes.count > 0 else { return }
        let text = address.assumingMemoryBound(to: UInt8.self)
        let count = bytes.count
        // An object the byte-by-byte scan completes is read as the gathered ones are.
        func complete(_ decoder: inout QueryResponseDecoder, _ object: UnsafeRawBufferPointer) throws {
            try decoder.decodeRawObject(object, emit)
        }
        var index = 0
        while index < count {
            if deferring {
                guard let raw = memchr(text + index, 0x0A, count - index) else {
                    try holdPending(UnsafeBufferPointer(start: text + index, count: count - index))
                    break
                }
                let newline = UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self) - text
                try holdPending(UnsafeBufferPointer(start: text + index, count: newline - index))
                deferring = false
                if try completeGathered(emit) {
                    index = newline + 1
                } else {
                    try scanGathered(emit)
                    index = try scanExactly(text, from: newline, to: count, stoppingAfterObject: true, complete)
                }
                continue
            }
            if depth == 0 {
                switch text[index] {
                case 0x20, 0x0A, 0x0D, 0x09:
                    index += 1
                    continue
                case UInt8(ascii: "{"):
                    deferring = true
                    objectStart = offset + index
                    continue
                default:
                    break
                }
            }
            // Inside an object scanned byte by byte, or at a byte that starts no object.
            index = try scanExactly(text, from: index, to: count, stoppingAfterObject: true, complete)
        }
        offset += count
    }

    /// Ends the body; see ``finish(_:)``. An object still being gathered is read now.
    /// - Throws: as ``finish(_:)``, and anything reading the last object throws.
    package mutating func finishRaw(_ emit: (RawResultSet) throws -> Void) throws {
        if deferring {
            deferring = false
            if try !completeGathered(emit) {
                try scanGathered(emit)
            }
        }
        try finish { _ in }
    }

    /// Reads the gathered bytes in `pending` as one whole object and emits its results;
    /// returns false, changing nothing, when they are not exactly one valid response object.
    private mutating func completeGathered(_ emit: (RawResultSet) throws -> Void) throws -> Bool {
        let results: [ResultSet]
        do {
            results = try pending.withUnsafeBytes { try recordObject($0) }
        } catch {
            return false
        }
        objectCount += 1
        noteAnnouncements(results)
        try pending.withUnsafeBytes { _ in try emitRecorded(results, emit) }
        pending.removeAll(keepingCapacity: pending.capacity <= Self.retainedCapacity)
        return true
    }

    /// Scans the gathered bytes in `pending` byte by byte, as `feed` would have scanned them
    /// when they arrived; an object left unfinished keeps its bytes in `pending`.
    private mutating func scanGathered(_ emit: (RawResultSet) throws -> Void) throws {
        var gathered: [UInt8] = []
        swap(&gathered, &pending)
        let pieceOffset = offset
        offset = objectStart
        try gathered.withUnsafeBufferPointer { bytes in
            guard let text = bytes.baseAddress else { return }
            _ = try scanExactly(text, from: 0, to: bytes.count) { decoder, object in
                try decoder.decodeRawObject(object, emit)
            }
        }
        offset = pieceOffset
    }

    /// Checks one complete response object, recording its rows, then emits its results with
    /// their rows as text.
    mutating func decodeRawObject(_ bytes: UnsafeRawBufferPointer, _ emit: (RawResultSet) throws -> Void) throws {
        let results = try recordObject(bytes)
        noteAnnouncements(results)
        try emitRecorded(results, emit)
    }

    /// Checks one complete response object and records its rows on `tape`; returns its results,
    /// whose series have no values. On error the tape is left empty.
    private mutating func recordObject(_ bytes: UnsafeRawBufferPointer) throws -> [ResultSet] {
        var scanner = JSONScanner(bytes, offsetBase: objectStart, maximumDepth: maximumDepth)
        scanner.recordsRawRows = true
        tape.reset()
        swap(&scanner.tape, &tape)
        defer { swap(&scanner.tape, &tape) }
        do {
            let results = try scanner.readQueryResponse()
            try scanner.expectEnd()
            return results
        } catch {
            scanner.tape.reset()
            throw error
        }
    }

    /// Emits `results` with the rows recorded on `tape`, then forgets them (they point into the
    /// object's bytes).
    private mutating func emitRecorded(_ results: [ResultSet], _ emit: (RawResultSet) throws -> Void) throws {
        defer { tape.reset() }
        try tape.values.withUnsafeBufferPointer { values in
            try tape.rowBounds.withUnsafeBufferPointer { rowBounds in
                try tape.seriesRows.withUnsafeBufferPointer { seriesRows in
                    for (position, result) in results.enumerated() {
                        let entries = tape.resultSeries[tape.responseResults.lowerBound + position]
                        try emit(RawResultSet(
                            result: result, values: values, rowBounds: rowBounds,
                            seriesRows: UnsafeBufferPointer(rebasing: seriesRows[entries])))
                    }
                }
            }
        }
    }
}
