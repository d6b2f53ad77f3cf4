/// A streaming RFC 4180 CSV parser: bytes go in as they are read, whole records come out.
///
/// Fields are separated by commas (or the character of a first line `sep=X`, as Excel writes
/// it), records by LF, CRLF or CR. A field in double quotes may hold separators, line breaks and
/// doubled quotes (`""` for `"`). A quote inside an unquoted field is taken as it is. Empty
/// lines are skipped. Each record carries the line it starts on, counted over the line breaks
/// inside quoted fields too, so that messages name the line a text editor shows.
///
/// ```swift
/// var parser = CSVParser()
/// try parser.feed(piece) { record in … }   // for every piece of the input
/// try parser.finish { record in … }        // once, at the end
/// ```
///
/// Memory is one record: a record longer than `maximumRecordBytes` (an unclosed quote swallowing
/// the rest of a file, say) throws `InfluxError.invalidArgument`.
package struct CSVParser: Sendable {
    /// The most bytes one record may hold.
    package let maximumRecordBytes: Int
    /// The field separator: a comma unless the first line is `sep=X`.
    package private(set) var separator = UInt8(ascii: ",")

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private var state = State.fieldStart
    private var record = CSVRecord()
    /// The line the next byte is on.
    private var line = 1
    /// Whether the last byte was a CR outside quotes (an LF right after it ends nothing).
    private var afterCarriageReturn = false
    /// Whether the record has begun: a byte other than a line break has been read.
    private var started = false
    private var firstRecord = true

    /// Creates a parser; a record may hold `maximumRecordBytes` bytes (16 MiB by default).
    package init(maximumRecordBytes: Int = 16 << 20) {
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// Parses `bytes`, calling `emit` with each record completed by them.
    package mutating func feed(_ bytes: UnsafeRawBufferPointer, _ emit: (CSVRecord) throws -> Void) throws {
        let quote = UInt8(ascii: "\""), lf = UInt8(10), cr = UInt8(13)
        for byte in bytes {
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == lf { continue }
            }
            switch state {
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else {
                    if byte == lf { line += 1 }
                    try append(byte)
                }
                continue
            case .quoteInQuoted:
                if byte == quote {
                    state = .quoted
                    try append(byte)
                    continue
                }
            case .fieldStart:
                if byte == quote {
                    state = .quoted
                    started = true
                    continue
                }
            case .unquoted:
                break
            }
            // Outside quotes (just after a closing quote, at or inside an unquoted field).
            if byte == separator {
                record.ends.append(record.bytes.count)
                state = .fieldStart
                started = true
            } else if byte == lf || byte == cr {
                afterCarriageReturn = byte == cr
                try endRecord(emit)
                line += 1
            } else {
                if state == .quoteInQuoted && record.problem == nil {
                    record.problem = "text after the closing quote of field \(record.count + 1)"
                }
                state = .unquoted
                started = true
                try append(byte)
            }
        }
    }

    /// Ends the input: emits the last record if it has no line break after it. A quoted field
    /// still open is reported in the record's ``CSVRecord/problem``.
    package mutating func finish(_ emit: (CSVRecord) throws -> Void) throws {
        if state == .quoted {
            record.problem = "a quoted field is not closed before the end of the input"
        }
        try endRecord(emit)
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) throws {
        guard record.bytes.count < maximumRecordBytes else {
            throw InfluxError.invalidArgument(
                "\(record.line): a record over \(maximumRecordBytes >> 20) MiB (a quote not closed?)")
        }
        record.bytes.append(byte)
    }

    private mutating func endRecord(_ emit: (CSVRecord) throws -> Void) throws {
        defer {
            record.removeAll()
            state = .fieldStart
            started = false
            record.line = line + 1
        }
        guard started || state != .fieldStart else { return }  // an empty line
        record.ends.append(record.bytes.count)
        if firstRecord {
            firstRecord = false
            if let separator = separatorDeclaration() {
                self.separator = separator
                return
            }
        }
        try emit(record)
    }

    /// The separator that a first line `sep=X` declares.
    private func separatorDeclaration() -> UInt8? {
        let sep = Array("sep=".utf8)
        guard record.count == 1, record.bytes.count == 5, Array(record.bytes.prefix(4)) == sep else { return nil }
        let byte = record.bytes[4]
        return byte < 0x80 && byte != UInt8(ascii: "\"") && byte != 10 && byte != 13 ? byte : nil
    }
}
