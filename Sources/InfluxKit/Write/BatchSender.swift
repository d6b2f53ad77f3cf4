import Foundation

/// Sends batches of checked lines on a thread of its own and accounts for what the server did
/// with each line.
///
/// At most one batch waits while another is in flight, so memory stays bounded and the caller
/// keeps preparing the next batch while the server works. After an error that makes further
/// writes pointless (see ``LineProtocolWriter``) the thread stops and the error is thrown by the
/// next ``submit(_:)`` or by ``finish()``.
final class BatchSender: @unchecked Sendable {
    /// What became of the lines sent so far.
    struct Counts: Sendable {
        var written = 0
        var rejectedByServer = 0
        var batches = 0
        var retriedBatches = 0
    }

    /// Sends one request body of `points` lines to a database and retention policy, calling
    /// `onRetry` each time the request is tried again.
    typealias Deliver = @Sendable (
        _ body: [UInt8], _ database: String?, _ retentionPolicy: String?, _ points: Int, _ onRetry: () -> Void
    ) throws -> Void

    private let deliver: Deliver
    private let pointsPerSecond: Double?
    private let onRejection: @Sendable (LineProtocolWriter.Rejection) -> Void
    private let onSettled: (@Sendable (LineProtocolWriter.Position) -> Void)?
    private let explainDrops: ExplainDrops?
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var waiting: LineBatch?
    private var closed = false
    private var stopped = false
    private var failure: (any Error)?
    private var sent = Counts()
    private var sending = false
    // Used by the sending thread only.
    private var started: UInt64?
    private var released = 0

    /// Finds the lines of a batch the server dropped for a field type conflict it did not name
    /// (see ``FieldTypeLedger/conflictingLines(in:lines:schema:precision:)``).
    typealias ExplainDrops = @Sendable (_ batch: LineBatch, _ lines: Range<Int>) -> [(index: Int, reason: String)]

    /// Creates a sender; with `pointsPerSecond`, batches are held back so that on average no
    /// more points than that go out per second.
    init(
        pointsPerSecond: Double?,
        onRejection: @escaping @Sendable (LineProtocolWriter.Rejection) -> Void,
        onSettled: (@Sendable (LineProtocolWriter.Position) -> Void)? = nil,
        explainDrops: ExplainDrops? = nil,
        deliver: @escaping Deliver
    ) {
        self.deliver = deliver
        self.explainDrops = explainDrops
        self.onSettled = onSettled
        self.pointsPerSecond = pointsPerSecond
        self.onRejection = onRejection
        let thread = Thread { [self] in run() }
        thread.name = "influxkit-writer"
        thread.start()
    }

    /// The counts so far.
    var counts: Counts {
        condition.withLock { sent }
    }

    /// Queues `batch`, waiting while another batch is already queued.
    func submit(_ batch: LineBatch) throws {
        try condition.withLock {
            while waiting != nil && failure == nil { condition.wait() }
            if let failure { throw failure }
            waiting = batch
            condition.broadcast()
        }
    }

    /// Waits until every queued batch is sent; throws the error that stopped sending, if any.
    func finish() throws {
        try condition.withLock {
            closed = true
            condition.broadcast()
            while !stopped { condition.wait() }
            if let failure { throw failure }
        }
    }

    /// Waits until nothing is queued or in flight; throws the error that stopped sending, if any.
    func waitUntilIdle() throws {
        try condition.withLock {
            while (waiting != nil || sending) && failure == nil { condition.wait() }
            if let failure { throw failure }
        }
    }

    /// Lets the thread end once the queued batch is sent, without waiting for it.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    private func run() {
        while let batch = next() {
            do {
                pace(batch.lines.count)
                try send(batch, lines: batch.lines.indices)
                if let onSettled, let last = batch.lines.last {
                    onSettled(.init(source: last.source, line: last.line))
                }
                condition.withLock {
                    sending = false
                    condition.broadcast()
                }
            } catch {
                condition.withLock {
                    failure = error
                    waiting = nil
                    sending = false
                    condition.broadcast()
                }
                break
            }
        }
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }

    /// The next batch to send, or `nil` once the writer is finished and nothing waits.
    private func next() -> LineBatch? {
        condition.withLock {
            while waiting == nil && !closed { condition.wait() }
            let batch = waiting
            waiting = nil
            sending = batch != nil
            condition.broadcast()
            return batch
        }
    }

    /// Sleeps until sending `points` more keeps the average rate within `pointsPerSecond`.
    private func pace(_ points: Int) {
        guard let rate = pointsPerSecond, rate > 0 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let start = started ?? now
        started = start
        let due = start + UInt64(Double(released) / rate * 1e9)
        if due > now { Thread.sleep(forTimeInterval: Double(due - now) / 1e9) }
        released += points
    }

    private func count(_ change: (inout Counts) -> Void) {
        condition.withLock { change(&sent) }
    }

    /// Sends the lines `lines` of `batch` and counts what became of them.
    ///
    /// The writer's ``FieldTypeLedger`` keeps lines of disagreeing field types out of requests;
    /// what it cannot foresee (another writer adding the field meanwhile) is handled here. When
    /// points of one new field disagree on its type inside a new shard, influxd refuses the whole
    /// request (`field type conflict`) after storing the points bound for other shards, but
    /// none of that shard's. Then the lines are sent again in halves until the conflicting lines
    /// stand alone: a point stored on the first try is stored again with the same series and
    /// timestamp, which overwrites it instead of adding one (points are timestamped by the
    /// writer unless ``LineProtocolWriter/Options/serverTimestamps`` is set). A body too large
    /// for the server (413, nothing written) is sent again in halves too.
    private func send(_ batch: LineBatch, lines: Range<Int>) throws {
        count { $0.batches += 1 }
        var retried = false
        do {
            try deliver(batch.body(of: lines), batch.database, batch.retentionPolicy, lines.count) {
                guard !retried else { return }
                retried = true
                count { $0.retriedBatches += 1 }
            }
            count { $0.written += lines.count }
        } catch let InfluxError.http(413, message) {
            guard lines.count > 1 else {
                let entry = batch.lines[lines.lowerBound]
                count { $0.rejectedByServer += 1 }
                onRejection(.init(source: entry.source, line: entry.line, reason: "too large for the server: \(message)", byServer: true))
                return
            }
            let middle = lines.lowerBound + lines.count / 2
            try send(batch, lines: lines.lowerBound..<middle)
            try send(batch, lines: middle..<lines.upperBound)
        } catch let InfluxError.http(400, message) where message.hasPrefix("field type conflict") {
            guard lines.count > 1 else {
                let entry = batch.lines[lines.lowerBound]
                count { $0.rejectedByServer += 1 }
                onRejection(.init(source: entry.source, line: entry.line, reason: message, byServer: true))
                return
            }
            let middle = lines.lowerBound + lines.count / 2
            try send(batch, lines: lines.lowerBound..<middle)
            try send(batch, lines: middle..<lines.upperBound)
        } catch let error as InfluxError {
            guard let message = Self.rejectionMessage(error) else { throw error }
            let refused = attributeRejections(message, dropped: Self.droppedCount(error), in: batch, lines: lines)
            count {
                $0.written += lines.count - refused
                $0.rejectedByServer += refused
            }
        }
    }

    /// Reports the lines a `partial write` (or an all-bad 400) names; returns how many points the
    /// server refused. Lines it names by text are matched back. Points dropped for a field type
    /// conflict (the server says only `dropped=N`) are found from the server's field types when
    /// exactly N lines disagree with them; otherwise they are reported against the lines sent.
    private func attributeRejections(_ message: String, dropped: Int, in batch: LineBatch, lines: Range<Int>) -> Int {
        var named = 0
        for index in lines {
            let prefix = "unable to parse '\(batch.text(of: index))': "
            guard message.contains(prefix) else { continue }
            named += 1
            let entry = batch.lines[index]
            onRejection(.init(source: entry.source, line: entry.line, reason: Self.reason(after: prefix, in: message), byServer: true))
        }
        if dropped > 0, message.contains("field type conflict"), let explainDrops {
            let found = explainDrops(batch, lines)
            if found.count == dropped {
                for (index, reason) in found {
                    let entry = batch.lines[index]
                    onRejection(.init(source: entry.source, line: entry.line, reason: reason, byServer: true))
                }
                return min(named + dropped, lines.count)
            }
        }
        if dropped > 0 {
            let first = batch.lines[lines.lowerBound], last = batch.lines[lines.upperBound - 1]
            let range = first.line == last.line ? "\(first.line)" : "\(first.line)-\(last.line)"
            onRejection(.init(
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
