/// Cuts a stream of line protocol into records (points) the way an InfluxDB 1.x server does,
/// chunk by chunk, and numbers them by the line they start on.
///
/// A record ends at a newline, except a newline inside a quoted string field value (a quote
/// only counts in the field section, after the first unescaped space, and right after a `=`
/// more than after a `,`), or right after a backslash: the server's rule. Blank and
/// whitespace-only lines are skipped, and so are comment lines whose first non-blank byte is `#`.
/// A comment ends at its newline even if it holds quotes (the server would let a quote in a
/// comment swallow the following lines; `influx -import` and people expect otherwise). One `\r`
/// before the line end is dropped, so CRLF files work (the server itself would refuse the `\r`).
/// Leading spaces, tabs and NUL bytes are left out of the record, as the server skips them.
///
/// An unbalanced quote makes the server read on to the next quote, possibly to the end of the
/// input. To keep memory bounded, a record that grows beyond ``maxRecordLength`` bytes is cut at
/// its first newline (that part then fails validation with `unbalanced quotes`) and splitting
/// starts again on the next line. Hostile input could make every line such a runaway and each
/// cut cost another `maxRecordLength` bytes of scanning; once the bytes scanned in vain exceed
/// four times the input consumed (plus four records' worth), every newline ends a record until
/// the input has caught up, so the work stays linear in the input.
///
/// Feed it like this: keep a buffer; append each chunk read; call ``split(_:isFinal:into:)``;
/// drop the returned number of bytes from the front of the buffer; repeat. Pass `isFinal: true`
/// once the input has ended so the last record (without a newline) comes out.
public struct LineProtocolSplitter: Sendable {
    /// One record found by ``split(_:isFinal:into:)``.
    public struct Record: Sendable, Equatable {
        /// Where the record's bytes are in the buffer given to that call (no line terminator,
        /// no leading blanks, no trailing `\r`).
        public var range: Range<Int>
        /// The number of the line the record starts on, counting from 1.
        public var line: Int
        /// Whether the record is a comment line (from its `#` on; only with ``reportsComments``).
        public var isComment: Bool

        /// Creates a record.
        public init(range: Range<Int>, line: Int, isComment: Bool = false) {
            self.range = range
            self.line = line
            self.isComment = isComment
        }
    }

    /// Records longer than this are cut at their first newline (see the type's discussion).
    public var maxRecordLength: Int

    /// Whether comment lines come out as records too (with `isComment`), for the directives of
    /// `influx -import` files; they are skipped otherwise.
    public var reportsComments = false

    /// The number of the line on which the next, not yet returned, record starts.
    public private(set) var line: Int

    private var pending = PendingRecord()
    /// Bytes of the records finished so far, and bytes scanned past the cut of runaway records.
    private var consumed = 0
    private var wasted = 0

    /// Whether a record may run on over several lines (see the type's discussion).
    private var spansLines: Bool {
        wasted <= 4 * (consumed + min(maxRecordLength, 1 << 40))
    }

    /// Creates a splitter; the first line of the input is numbered `firstLine`.
    public init(firstLine: Int = 1, maxRecordLength: Int = 16 << 20) {
        line = firstLine
        self.maxRecordLength = maxRecordLength
    }

    /// Finds the complete records at the front of `buffer` and appends them to `records`.
    ///
    /// `buffer` must start with the bytes not consumed by the previous call, followed by any new
    /// input. Returns how many bytes from its front are done with: drop them before the next
    /// call. With `isFinal`, whatever remains is the last record and everything is consumed.
    public mutating func split(_ buffer: UnsafeRawBufferPointer, isFinal: Bool, into records: inout [Record]) -> Int {
        var recordStart = 0
        var i = pending.resume
        let end = buffer.count
        // Past this index the pending record is cut at its first inner newline.
        var cutIndex = pending.firstInnerNewline == nil ? Int.max : maxRecordLength
        scan: while i < end {
            let byte = buffer[i]
            switch pending.mode {
            case .leading:
                switch byte {
                case newline:
                    finish(buffer, from: recordStart, to: i, terminated: true, into: &records)
                    recordStart = i + 1
                case space:
                    pending.fields = true
                case tab, 0:
                    break
                case hash:
                    pending.mode = .comment
                    pending.contentStart = i - recordStart
                default:
                    pending.mode = .content
                    pending.contentStart = i - recordStart
                    continue scan
                }
                i += 1
            case .comment:
                if byte == newline {
                    finish(buffer, from: recordStart, to: i, terminated: true, into: &records)
                    recordStart = i + 1
                }
                i += 1
            case .content:
                if i >= cutIndex {
                    guard let cut = pending.firstInnerNewline else {
                        cutIndex = Int.max
                        continue scan
                    }
                    // A runaway record: keep its first line and scan again after it.
                    pending.innerNewlines = 0
                    wasted += i - (recordStart + cut + 1)
                    finish(buffer, from: recordStart, to: recordStart + cut, terminated: true, into: &records)
                    recordStart += cut + 1
                    i = recordStart
                    cutIndex = Int.max
                    continue scan
                }
                // The record's state stays in locals while its bytes are scanned; bytes that
                // mean nothing here (most of them) are passed over at once.
                var fields = pending.fields, quoted = pending.quoted
                var equalSigns = pending.equalSigns, commas = pending.commas
                var limit = min(end, cutIndex)
                // Where the `=` and `,` not yet counted begin (in the fields, outside strings).
                var uncounted = i
                while i < limit {
                    // Before the fields, only escapes, newlines and the space that starts the
                    // fields mean something here. In the fields, the scan stops at escapes,
                    // newlines and quotes only; a quote's meaning depends on the `=` and `,`
                    // before it, which are counted in bulk when a quote or an escape is reached
                    // (or the buffer's end), not when the record ends.
                    if fields {
                        i = buffer.firstIndex(of: backslash, newline, quote, from: i, to: limit)
                        if !quoted && (i == limit || buffer[i] != newline) {
                            let counts = buffer.count(of: equals, comma, from: uncounted, to: i)
                            equalSigns += counts.0
                            commas += counts.1
                        }
                    } else {
                        i = buffer.firstIndex(of: backslash, newline, space, from: i, to: limit)
                    }
                    guard i < limit else { break }
                    let byte = buffer[i]
                    switch byte {
                    case backslash:
                        guard i + 1 < end else {
                            pending.keep(fields: fields, quoted: quoted, equalSigns: equalSigns, commas: commas)
                            if isFinal { i = end }
                            break scan
                        }
                        if buffer[i + 1] == newline {
                            // Without spanning, the newline ends the record next round.
                            guard spansLines else {
                                i += 1
                                continue
                            }
                            pending.noteInnerNewline(at: i + 1 - recordStart)
                            cutIndex = min(cutIndex, cutLimit(recordStart))
                            limit = min(end, cutIndex)
                        }
                        i += 2
                        uncounted = i
                        continue
                    case newline where quoted && spansLines:
                        pending.noteInnerNewline(at: i - recordStart)
                        cutIndex = min(cutIndex, cutLimit(recordStart))
                        limit = min(end, cutIndex)
                    case newline:
                        finish(buffer, from: recordStart, to: i, terminated: true, into: &records)
                        recordStart = i + 1
                        cutIndex = Int.max
                        i += 1
                        continue scan
                    case space:
                        fields = true
                    default: // a quote, in the fields
                        if equalSigns > commas { quoted.toggle() }
                    }
                    i += 1
                    uncounted = i
                }
                pending.keep(fields: fields, quoted: quoted, equalSigns: equalSigns, commas: commas)
            }
        }
        if isFinal {
            if recordStart < end {
                finish(buffer, from: recordStart, to: end, terminated: false, into: &records)
            }
            pending = PendingRecord()
            return end
        }
        pending.resume = i - recordStart
        return recordStart
    }

    /// The index past which a record starting at `recordStart` is too long.
    private func cutLimit(_ recordStart: Int) -> Int {
        let (limit, overflow) = recordStart.addingReportingOverflow(maxRecordLength)
        return overflow ? Int.max : limit
    }

    /// Splits a whole input at once.
    public static func records(in bytes: [UInt8], firstLine: Int = 1) -> [Record] {
        var splitter = LineProtocolSplitter(firstLine: firstLine, maxRecordLength: Int.max)
        var records: [Record] = []
        _ = bytes.withUnsafeBytes { splitter.split($0, isFinal: true, into: &records) }
        return records
    }

    /// Emits the record `start..<end` if it has content, then moves to the next line.
    private mutating func finish(
        _ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int, terminated: Bool,
        into records: inout [Record]
    ) {
        if pending.mode == .comment && reportsComments {
            var last = end
            if buffer[last - 1] == carriageReturn { last -= 1 }
            records.append(Record(range: (start + pending.contentStart)..<last, line: line, isComment: true))
        }
        if pending.mode == .content {
            var last = end
            if last > start + pending.contentStart && buffer[last - 1] == carriageReturn { last -= 1 }
            let first = start + pending.contentStart
            if last > first {
                records.append(Record(range: first..<last, line: line))
            }
        }
        line += pending.innerNewlines + (terminated ? 1 : 0)
        consumed += end - start + 1
        pending = PendingRecord()
    }
}

/// The scanner's state for the record being read.
private struct PendingRecord: Sendable {
    enum Mode: Sendable {
        /// Before the first byte that is not a space, tab or NUL.
        case leading
        /// A comment line.
        case comment
        /// A record.
        case content
    }

    var mode = Mode.leading
    /// Where scanning goes on, relative to the record's start.
    var resume = 0
    /// The record's first byte after the leading blanks, relative to its start.
    var contentStart = 0
    var fields = false
    var quoted = false
    var equalSigns = 0
    var commas = 0
    /// Newlines inside the record (quoted or after a backslash).
    var innerNewlines = 0
    /// The first of them, relative to the record's start.
    var firstInnerNewline: Int?

    mutating func keep(fields: Bool, quoted: Bool, equalSigns: Int, commas: Int) {
        self.fields = fields
        self.quoted = quoted
        self.equalSigns = equalSigns
        self.commas = commas
    }

    mutating func noteInnerNewline(at offset: Int) {
        innerNewlines += 1
        if firstInnerNewline == nil { firstInnerNewline = offset }
    }
}

private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let hash = UInt8(ascii: "#")
private let backslash = UInt8(ascii: "\\")
private let equals = UInt8(ascii: "=")
private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
