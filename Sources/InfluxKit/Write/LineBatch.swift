/// Lines bound for one write request, each with the place it came from.
///
/// The body holds the lines in the order they are sent; each line keeps its source and line
/// number, so whatever the server says about a line can be reported against the input, whatever
/// the order. See ``seriesOrder()`` and ``parts(of:maxLines:maxBytes:)``.
struct LineBatch: Sendable {
    /// One line of the batch: where it came from and where it sits in `bytes`.
    struct Line: Sendable {
        /// The line number in its source, counting from 1.
        var number: Int
        /// Where the line starts in `bytes`; it ends (before its `\n`) at `start + length`.
        var start: Int
        var length: Int
        /// How many of its first bytes are the series key (measurement and tags as written).
        var keyLength: Int32
        /// Index of its source in `sources`.
        var source: Int32
        /// Its time in the write's precision; `Int64.min` when the server is to stamp it.
        var time: Int64

        var range: Range<Int> { start..<(start + length) }
        var key: Range<Int> { start..<(start + Int(keyLength)) }
    }

    /// The database the lines go to; `nil` for the client's default.
    var database: String?
    /// The retention policy the lines go to; `nil` for the client's default.
    var retentionPolicy: String?
    /// The request body: the lines, each ended by `\n`.
    private(set) var bytes: [UInt8] = []
    /// The lines, in the order of `bytes`.
    private(set) var lines: [Line] = []
    /// The names of the inputs the lines came from.
    private(set) var sources: [String] = []
    /// The last input line of the batch (in input order, whatever the order of `lines`).
    private(set) var last: LineProtocolWriter.Position?
    /// The earliest and latest timestamps of the lines, in the write's precision
    /// (`Int64.max...Int64.min` when none has one).
    private(set) var earliest = Int64.max
    private(set) var latest = Int64.min
    /// Whether every line carries its own timestamp, so sending the batch again after it was
    /// stored overwrites its points instead of adding them twice.
    private(set) var isReplayable = true

    init(reservingCapacity capacity: Int = 0, database: String? = nil, retentionPolicy: String? = nil) {
        bytes.reserveCapacity(capacity)
        self.database = database
        self.retentionPolicy = retentionPolicy
    }

    /// Adds one line (without its terminator) whose series key is its first `keyLength` bytes.
    ///
    /// `timestamp` is the line's time; `ownTimestamp` says whether the input gave it (rather
    /// than the writer stamping it with the current time); `nil` leaves the time to the server.
    mutating func append(
        _ line: ArraySlice<UInt8>, source: String, line number: Int, keyLength: Int,
        timestamp: Int64?, ownTimestamp: Bool
    ) {
        if sources.last != source { sources.append(source) }
        let start = bytes.count
        bytes.append(contentsOf: line)
        lines.append(Line(
            number: number, start: start, length: line.count, keyLength: Int32(keyLength),
            source: Int32(sources.count - 1), time: timestamp ?? .min))
        bytes.append(UInt8(ascii: "\n"))
        last = .init(source: source, line: number)
        if let timestamp {
            earliest = min(earliest, timestamp)
            latest = max(latest, timestamp)
        }
        if !ownTimestamp { isReplayable = false }
    }

    /// Empties the batch, keeping its memory for the next lines, and gives it a target.
    mutating func removeAll(database: String?, retentionPolicy: String?) {
        bytes.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        sources.removeAll()
        last = nil
        earliest = .max
        latest = .min
        isReplayable = true
        self.database = database
        self.retentionPolicy = retentionPolicy
    }

    /// Makes `self` hold the lines `order` of `other`, in that order, in its own memory, with
    /// `last` as the line up to which the input is written once `self` is (see
    /// ``parts(of:maxLines:maxBytes:)``).
    mutating func take(_ other: LineBatch, inOrder order: ArraySlice<Int>, last: LineProtocolWriter.Position?) {
        removeAll(database: other.database, retentionPolicy: other.retentionPolicy)
        lines.reserveCapacity(order.count)
        other.bytes.withUnsafeBytes { source in
            for index in order {
                var line = other.lines[index]
                // The line and its `\n`.
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: source[line.start...(line.start + line.length)]))
                line.start = bytes.count - line.length - 1
                lines.append(line)
                if line.time != .min {
                    earliest = min(earliest, line.time)
                    latest = max(latest, line.time)
                }
            }
        }
        sources = other.sources
        self.last = last
        isReplayable = other.isReplayable
    }

    /// Where line `index` came from.
    func position(of index: Int) -> LineProtocolWriter.Position {
        let line = lines[index]
        return .init(source: sources[Int(line.source)], line: line.number)
    }

    /// The lowest and highest line numbers among the lines `range` (of the first source among them).
    func lineSpan(of range: Range<Int>) -> (first: LineProtocolWriter.Position, last: Int) {
        let source = lines[range.lowerBound].source
        let numbers = lines[range].lazy.filter { $0.source == source }.map(\.number)
        return (.init(source: sources[Int(source)], line: numbers.min() ?? 0), numbers.max() ?? 0)
    }

    /// Whether the time spans of `self` and `other` have a timestamp in common.
    func overlapsInTime(_ other: LineBatch) -> Bool {
        earliest <= other.latest && other.earliest <= latest
    }

    /// The body of the lines `range` only.
    func body(of range: Range<Int>) -> [UInt8] {
        guard range != lines.indices else { return bytes }
        return Array(bytes[lines[range.lowerBound].range.lowerBound...lines[range.upperBound - 1].range.upperBound])
    }

    /// Runs `body` with the bytes of line `index`.
    func withBytes<T>(of index: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        bytes[lines[index].range].withUnsafeBytes(body)
    }

    /// The text of line `index`.
    func text(of index: Int) -> String {
        String(decoding: bytes[lines[index].range], as: UTF8.self)
    }
}
