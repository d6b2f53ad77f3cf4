import Foundation

/// Streams line protocol to the server: cuts the input into records, checks each line the way
/// the server will, sends the valid ones in batches, and accounts for every line.
///
/// Feed each source (a file, standard input) with ``append(_:)`` as its bytes arrive and close
/// it with ``endSource()``; then call ``finish()``. A bad line never stops the write: it is
/// reported to the rejection handler with its source and line number, and the other lines are
/// still written. Lines the server refuses in a `partial write` are matched back to their
/// source lines. Errors that make writing pointless (unreachable server, authentication, a
/// missing database) are thrown; ``summary`` still tells what was written before.
///
/// Batches are sent from a thread of its own while the next lines are read and checked, so the
/// client's work overlaps the server's; at most one full batch waits behind the one in flight.
public final class LineProtocolWriter {
    /// Where and how to write.
    public struct Options: Sendable {
        /// Target database; the client's default when `nil`.
        public var database: String?
        /// Target retention policy; the client's default when `nil`.
        public var retentionPolicy: String?
        /// Unit of the input's timestamps.
        public var precision: Precision = .nanoseconds
        /// Write consistency (clusters only).
        public var consistency: Consistency?
        /// Points per request.
        public var batchSize: Int = 5000
        /// Bytes per request, kept well under the server's default `max-body-size` (25 MB).
        public var batchBytes: Int = 8 << 20

        /// Creates options with the defaults.
        public init() {}
    }

    /// An input line that was not written.
    public struct Rejection: Sendable, Equatable {
        /// The input's name, e.g. a file path or `-`.
        public var source: String
        /// The line the record starts on, counting from 1.
        public var line: Int
        /// Why it was rejected.
        public var reason: String
        /// Whether the server (rather than the client's check) rejected it.
        public var byServer: Bool
    }

    /// The counts of a write. They add up: `records == written + rejectedByValidator +
    /// rejectedByServer`, plus the lines not sent when a write is abandoned on an error.
    public struct Summary: Sendable, Equatable {
        /// Records (points) read from the input.
        public var records = 0
        /// Points the server accepted.
        public var written = 0
        /// Lines refused by the client-side check, never sent.
        public var rejectedByValidator = 0
        /// Points the server refused.
        public var rejectedByServer = 0
        /// Requests sent.
        public var batches = 0

        /// Everything rejected.
        public var rejected: Int { rejectedByValidator + rejectedByServer }
    }

    /// The counts so far.
    public var summary: Summary {
        var total = checked
        let sent = sender.counts
        total.written = sent.written
        total.rejectedByServer = sent.rejectedByServer
        total.batches = sent.batches
        return total
    }

    private let options: Options
    private let onRejection: @Sendable (Rejection) -> Void
    private let validator: LineProtocolValidator
    private let sender: BatchSender
    private var checked = Summary()
    private var source = "-"
    private var splitter = LineProtocolSplitter()
    private var pending: [UInt8] = []
    private var records: [LineProtocolSplitter.Record] = []
    private var batch: LineBatch
    private var batchCapacity: Int { min(options.batchBytes, 1 << 20) + 4096 }

    /// Creates a writer; `onRejection` hears of every line that is not written, from the
    /// caller's thread (lines refused by the check) or the sending thread (lines the server refused).
    public init(client: InfluxClient, options: Options, onRejection: @escaping @Sendable (Rejection) -> Void) {
        self.options = options
        self.onRejection = onRejection
        self.validator = LineProtocolValidator(precision: options.precision)
        self.sender = BatchSender(client: client, options: options, onRejection: onRejection)
        self.batch = LineBatch(reservingCapacity: min(options.batchBytes, 1 << 20) + 4096)
    }

    deinit {
        sender.close()
    }

    /// Starts a new source; its lines are numbered from 1.
    public func beginSource(_ name: String) {
        source = name
        splitter = LineProtocolSplitter()
        pending.removeAll(keepingCapacity: true)
    }

    /// Takes the next bytes of the current source.
    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        pending.append(contentsOf: bytes)
        try drain(isFinal: false)
    }

    /// Ends the current source (its last line may lack a newline).
    public func endSource() throws {
        try drain(isFinal: true)
    }

    /// Sends what is still batched and returns the final counts.
    @discardableResult
    public func finish() throws -> Summary {
        try flush()
        try sender.finish()
        return summary
    }

    private func drain(isFinal: Bool) throws {
        records.removeAll(keepingCapacity: true)
        let consumed = pending.withUnsafeBytes { splitter.split($0, isFinal: isFinal, into: &records) }
        for record in records {
            try take(record, in: pending)
        }
        pending.removeFirst(consumed)
    }

    /// Checks one record of `buffer` and batches it, or reports it.
    ///
    /// A record that spans several lines (a quoted string with newlines) and is invalid — typically
    /// a quote that is never closed — would make the server swallow every following line. Only
    /// its first line is rejected; the lines after it are split and checked again on their own.
    private func take(_ record: LineProtocolSplitter.Record, in buffer: [UInt8]) throws {
        let bytes = buffer[record.range]
        let problem = bytes.withUnsafeBytes { validator.problem(in: $0) }
        checked.records += 1
        guard let problem else {
            batch.append(bytes, source: source, line: record.line)
            if batch.lines.count >= options.batchSize || batch.bytes.count >= options.batchBytes { try flush() }
            return
        }
        checked.rejectedByValidator += 1
        onRejection(Rejection(source: source, line: record.line, reason: problem, byServer: false))
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return }
        let rest = Array(buffer[(newline + 1)..<record.range.upperBound])
        var resplitter = LineProtocolSplitter(firstLine: record.line + 1)
        var again: [LineProtocolSplitter.Record] = []
        _ = rest.withUnsafeBytes { resplitter.split($0, isFinal: true, into: &again) }
        for inner in again {
            try take(inner, in: rest)
        }
    }

    private func flush() throws {
        guard !batch.lines.isEmpty else { return }
        try sender.submit(batch)
        batch = LineBatch(reservingCapacity: batchCapacity)
    }
}
