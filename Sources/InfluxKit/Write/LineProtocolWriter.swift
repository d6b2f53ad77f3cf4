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

    /// The counts of a write, which always add up: `records == written + rejectedByValidator +
    /// rejectedByServer + unsent`.
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
    public private(set) var summary = Summary()

    private let client: InfluxClient
    private let options: Options
    private let onRejection: (Rejection) -> Void
    private let validator: LineProtocolValidator
    private var source = "-"
    private var splitter = LineProtocolSplitter()
    private var pending: [UInt8] = []
    private var records: [LineProtocolSplitter.Record] = []
    private var batch: [UInt8] = []
    private var batchLines: [(source: String, line: Int, range: Range<Int>)] = []

    /// Creates a writer; `onRejection` hears of every line that is not written.
    public init(client: InfluxClient, options: Options, onRejection: @escaping (Rejection) -> Void) {
        self.client = client
        self.options = options
        self.onRejection = onRejection
        self.validator = LineProtocolValidator(precision: options.precision)
        batch.reserveCapacity(min(options.batchBytes, 1 << 20) + 4096)
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
        guard let problem else {
            summary.records += 1
            let start = batch.count
            batch.append(contentsOf: bytes)
            batchLines.append((source, record.line, start..<batch.count))
            batch.append(UInt8(ascii: "\n"))
            if batchLines.count >= options.batchSize || batch.count >= options.batchBytes { try flush() }
            return
        }
        summary.records += 1
        summary.rejectedByValidator += 1
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
        guard !batchLines.isEmpty else { return }
        try send(batchLines.indices)
        batch.removeAll(keepingCapacity: true)
        batchLines.removeAll(keepingCapacity: true)
    }

    /// Sends the batched lines `lines` and counts what became of them.
    ///
    /// When points of one new field disagree on its type inside a request, influxd refuses the
    /// whole request (`field type conflict`, nothing written). Then the lines are sent again in
    /// halves, which cannot duplicate anything, until the conflicting lines stand alone.
    private func send(_ lines: Range<Int>) throws {
        summary.batches += 1
        let body = lines == batchLines.indices
            ? batch
            : Array(batch[batchLines[lines.lowerBound].range.lowerBound...batchLines[lines.upperBound - 1].range.upperBound])
        do {
            try client.write(
                lines: body, database: options.database, retentionPolicy: options.retentionPolicy,
                precision: options.precision, consistency: options.consistency)
            summary.written += lines.count
        } catch let InfluxError.http(400, message) where message.hasPrefix("field type conflict") {
            guard lines.count > 1 else {
                let entry = batchLines[lines.lowerBound]
                summary.rejectedByServer += 1
                onRejection(Rejection(source: entry.source, line: entry.line, reason: message, byServer: true))
                return
            }
            let middle = lines.lowerBound + lines.count / 2
            try send(lines.lowerBound..<middle)
            try send(middle..<lines.upperBound)
        } catch let error as InfluxError {
            guard let message = Self.rejectionMessage(error) else { throw error }
            let refused = attributeRejections(message, dropped: Self.droppedCount(error), lines: lines)
            summary.written += lines.count - refused
            summary.rejectedByServer += refused
        }
    }

    /// Reports the lines a `partial write` (or an all-bad 400) names; returns how many points the
    /// server refused. Lines it names by text are matched back; points dropped without a line
    /// (a field type conflict says only `dropped=N`) are reported against the lines sent.
    private func attributeRejections(_ message: String, dropped: Int, lines: Range<Int>) -> Int {
        var named = 0
        for entry in batchLines[lines] {
            let text = String(decoding: batch[entry.range], as: UTF8.self)
            guard message.contains("unable to parse '\(text)': ") else { continue }
            named += 1
            let reason = Self.reason(after: "unable to parse '\(text)': ", in: message)
            onRejection(Rejection(source: entry.source, line: entry.line, reason: reason, byServer: true))
        }
        let first = batchLines[lines.lowerBound], last = batchLines[lines.upperBound - 1]
        if dropped > 0 {
            let range = first.line == last.line ? "\(first.line)" : "\(first.line)-\(last.line)"
            onRejection(Rejection(
                source: first.source, line: first.line,
                reason: "server dropped \(dropped) point\(dropped == 1 ? "" : "s") of lines \(range): \(message)",
                byServer: true))
        }
        return min(named + dropped, lines.count)
    }

    /// The server's text when `error` means "some points were refused, the rest written".
    private static func rejectionMessage(_ error: InfluxError) -> String? {
        switch error {
        case let .partialWrite(message, _): return message
        case let .http(400, message) where message.contains("unable to parse"): return message
        default: return nil
        }
    }

    private static func droppedCount(_ error: InfluxError) -> Int {
        if case let .partialWrite(_, dropped) = error { return dropped }
        return 0
    }

    /// The server's reason after `prefix`, up to the end of that line of the message.
    private static func reason(after prefix: String, in message: String) -> String {
        guard let range = message.range(of: prefix) else { return message }
        let rest = message[range.upperBound...]
        let line = rest.prefix { $0 != "\n" }
        if let dropped = line.range(of: " dropped=") { return String(line[..<dropped.lowerBound]) }
        return String(line)
    }
}
