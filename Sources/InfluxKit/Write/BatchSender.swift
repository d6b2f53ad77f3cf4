import Dispatch
import FoundationEssentials

/// Sends batches of checked lines over one or more connections, each served by a thread of its
/// own, and accounts for what the server did with each line.
///
/// Batches start in the order they are submitted. One starts while earlier ones are still in
/// flight only when that cannot change the outcome: once a first batch has been answered (so a
/// wrong password or a missing database fails one request, not several), when every line of it
/// carries its own timestamp (should it be stored while an earlier batch fails, sending it again
/// overwrites its points instead of adding them twice), and when with each batch in flight it
/// shares no series or its time span shares no timestamp (so of two points of one series at one
/// time, the later still wins). Batches are sorted by series key, so the range of their keys
/// tells whether two may share a series. Batches are settled — reported to `onSettled` —
/// strictly in submission order: one answered early waits for the earlier ones.
///
/// At most `max(2, connections)` batches are queued or in flight, so memory stays bounded while
/// the caller prepares the next batch. After an error that makes further writes pointless (see
/// ``LineProtocolWriter``) the threads stop and the error is thrown by the next ``submit(_:)``
/// or by ``finish()``.
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

    /// A submitted batch and its place in the order of submission.
    private struct Entry {
        var sequence: Int
        var batch: LineBatch
    }

    private let pointsPerSecond: Double?
    private let capacity: Int
    private let onRejection: @Sendable (LineProtocolWriter.Rejection) -> Void
    private let onSettled: (@Sendable (LineProtocolWriter.Position) -> Void)?
    private let explainDrops: ExplainDrops?
    /// Held while settled positions are reported, so they are reported in order.
    private let settling = Condition()
    // Everything below is guarded by `condition`.
    private let condition = Condition()
    private var queue: [Entry] = []
    private var inFlight: [Int: LineBatch] = [:]
    private var submitted = 0
    /// Batches answered out of order, by sequence, with their last input line.
    private var answered: [Int: LineProtocolWriter.Position?] = [:]
    /// Batches up to this sequence number are settled.
    private var settledThrough = -1
    private var closed = false
    private var running: Int
    private var failure: (any Error)?
    private var sent = Counts()
    /// A batch sent and done with, emptied, whose memory the writer may fill again.
    private var spare: LineBatch?
    // Used by the only sending thread of a rate-limited sender.
    private var started: UInt64?
    private var released = 0

    /// Finds the lines of a batch the server dropped for a field type conflict it did not name
    /// (see ``FieldTypeLedger/conflictingLines(in:lines:schema:precision:)``).
    typealias ExplainDrops = @Sendable (_ batch: LineBatch, _ lines: Range<Int>) -> [(index: Int, reason: String)]

    /// Creates a sender with one thread per element of `connections`; with `pointsPerSecond`,
    /// only the first is used, and batches are held back so that on average no more points than
    /// that go out per second.
    init(
        connections: [Deliver],
        pointsPerSecond: Double?,
        onRejection: @escaping @Sendable (LineProtocolWriter.Rejection) -> Void,
        onSettled: (@Sendable (LineProtocolWriter.Position) -> Void)? = nil,
        explainDrops: ExplainDrops? = nil
    ) {
        self.explainDrops = explainDrops
        precondition(!connections.isEmpty, "a sender needs a connection")
        let connections = pointsPerSecond == nil ? connections : [connections[0]]
        self.onSettled = onSettled
        self.pointsPerSecond = pointsPerSecond
        self.onRejection = onRejection
        capacity = max(2, connections.count)
        running = connections.count
        for deliver in connections {
            do {
                try Threads.start { [self] in run(deliver) }
            } catch {
                // Nothing is queued yet: the threads that did start end at once, and the
                // writer's next call throws this.
                condition.withLock {
                    if failure == nil { failure = error }
                    running -= 1
                    condition.broadcast()
                }
            }
        }
    }

    /// The counts so far.
    var counts: Counts {
        condition.withLock { sent }
    }

    /// Waits until a batch can be queued without waiting; throws the error that stopped
    /// sending, if any.
    func waitForRoom() throws {
        try condition.withLock {
            while queue.count + inFlight.count >= capacity && failure == nil && !closed { condition.wait() }
            if let failure { throw failure }
            try checkOpen()
        }
    }

    /// Throws once the sender is closed: its threads end, so a batch queued now would never
    /// be sent (and a full queue never make room). Called under the lock.
    private func checkOpen() throws {
        if closed { throw InfluxError.invalidArgument("the sender was already finished") }
    }

    /// A batch done with, empty, whose memory can be filled again (reusing memory keeps the
    /// process from growing through allocations that are freed by other threads).
    func takeSpare() -> LineBatch? {
        condition.withLock {
            defer { spare = nil }
            return spare
        }
    }

    /// Queues `batch`, waiting while the queue and the connections are full.
    func submit(_ batch: LineBatch) throws {
        try condition.withLock {
            while queue.count + inFlight.count >= capacity && failure == nil && !closed { condition.wait() }
            if let failure { throw failure }
            try checkOpen()
            queue.append(Entry(sequence: submitted, batch: batch))
            submitted += 1
            condition.broadcast()
        }
    }

    /// Waits until every queued batch is sent; throws the error that stopped sending, if any.
    func finish() throws {
        try condition.withLock {
            closed = true
            condition.broadcast()
            while running > 0 { condition.wait() }
            if let failure { throw failure }
        }
    }

    /// Waits until nothing is queued or in flight; throws the error that stopped sending, if any.
    func waitUntilIdle() throws {
        try condition.withLock {
            while !(queue.isEmpty && inFlight.isEmpty) && failure == nil { condition.wait() }
            if let failure { throw failure }
        }
    }

    /// Stops sending: queued batches are dropped, no batch starts, and ``submit(_:)``,
    /// ``finish()`` and the other waits throw `InfluxError.cancelled` (unless sending had failed
    /// already). Batches in flight end as their requests do; cancel those separately.
    func cancel() {
        condition.withLock {
            if failure == nil { failure = InfluxError.cancelled }
            queue.removeAll()
            condition.broadcast()
        }
    }

    /// Lets the threads end once the queued batches are sent, without waiting for them.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    private func run(_ deliver: Deliver) {
        while var entry = next() {
            do {
                pace(entry.batch.lines.count)
                try send(entry.batch, lines: entry.batch.lines.indices, with: deliver)
                settle(entry)
                // Once settled, the sender holds the only reference to the batch's memory.
                entry.batch.removeAll(database: nil, retentionPolicy: nil)
                condition.withLock {
                    if spare == nil { spare = entry.batch }
                }
            } catch {
                condition.withLock {
                    if failure == nil { failure = error }
                    queue.removeAll()
                    inFlight[entry.sequence] = nil
                    condition.broadcast()
                }
                break
            }
        }
        condition.withLock {
            running -= 1
            condition.broadcast()
        }
    }

    /// The next batch to send, once it may start; `nil` once the writer is finished and nothing
    /// is queued, or sending has failed.
    private func next() -> Entry? {
        condition.withLock {
            while failure == nil {
                if let head = queue.first, mayStart(head.batch) {
                    queue.removeFirst()
                    inFlight[head.sequence] = head.batch
                    condition.broadcast()
                    return head
                }
                if queue.isEmpty && closed { return nil }
                condition.wait()
            }
            return nil
        }
    }

    /// Whether `batch` may go out now (see the type's discussion); called under the lock.
    private func mayStart(_ batch: LineBatch) -> Bool {
        inFlight.isEmpty
            || (settledThrough >= 0 && batch.isReplayable
                && !inFlight.values.contains { $0.overlapsInTime(batch) && $0.mayShareSeries(with: batch) })
    }

    /// Records that `entry` was answered and reports every batch now settled, in order.
    private func settle(_ entry: Entry) {
        settling.withLock {
            let ready: [LineProtocolWriter.Position] = condition.withLock {
                answered[entry.sequence] = .some(entry.batch.last)
                var ready: [LineProtocolWriter.Position] = []
                while let last = answered.removeValue(forKey: settledThrough + 1) {
                    settledThrough += 1
                    if let last { ready.append(last) }
                }
                return ready
            }
            if let onSettled {
                for position in ready { onSettled(position) }
            }
            condition.withLock {
                inFlight[entry.sequence] = nil
                condition.broadcast()
            }
        }
    }

    /// Sleeps until sending `points` more keeps the average rate within `pointsPerSecond`.
    private func pace(_ points: Int) {
        guard let rate = pointsPerSecond, rate > 0 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let start = started ?? now
        started = start
        let (due, overflow) = start.addingReportingOverflow(Seconds.nanoseconds(Double(released) / rate))
        if overflow || due > now { Threads.sleep(seconds: overflow ? Seconds.longest : Double(due - now) / 1e9) }
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
    private func send(_ batch: LineBatch, lines: Range<Int>, with deliver: Deliver) throws {
        count { $0.batches += 1 }
        var retried = false
        do {
            try deliver(batch.body(of: lines), batch.database, batch.retentionPolicy, lines.count) {
                guard !retried else { return }
                retried = true
                count { $0.retriedBatches += 1 }
            }
            count { $0.written += lines.count }
        } catch let error as InfluxError {
            if let reason = Self.refusalInWhole(error) ?? refusalOfAll(error, in: batch, lines: lines) {
                guard lines.count > 1 else {
                    count { $0.rejectedByServer += 1 }
                    reject(lines.lowerBound, of: batch, reason)
                    return
                }
                let middle = lines.lowerBound + lines.count / 2
                try send(batch, lines: lines.lowerBound..<middle, with: deliver)
                try send(batch, lines: middle..<lines.upperBound, with: deliver)
                return
            }
            if error.code == .rejectedLines {
                let refused = attributeRejectedLines(error.rejections, in: batch, lines: lines)
                count {
                    $0.written += lines.count - refused
                    $0.rejectedByServer += refused
                }
                return
            }
            guard let message = Self.rejectionMessage(error) else { throw error }
            let refused = attributeRejections(
                message, dropped: Self.droppedCount(error), in: batch, lines: lines, refusedWhole: Self.isRefusedWhole(error))
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
    /// A request `refusedWhole` (a 400 without `partial write:`) stored nothing: every line
    /// counts as refused, and the ones the message does not name are reported together.
    private func attributeRejections(
        _ message: String, dropped: Int, in batch: LineBatch, lines: Range<Int>, refusedWhole: Bool
    ) -> Int {
        // The count is the peer's: no more points can be dropped than were sent, and bounding
        // it here keeps `named + dropped` from overflowing.
        let dropped = min(max(dropped, 0), lines.count)
        var named = 0
        for index in lines {
            let prefix = "unable to parse '\(batch.text(of: index))': "
            guard message.contains(prefix) else { continue }
            named += 1
            reject(index, of: batch, Self.reason(after: prefix, in: message))
        }
        if refusedWhole {
            if named < lines.count {
                let (first, last) = batch.lineSpan(of: lines)
                let range = first.line == last ? "\(first.line)" : "\(first.line)-\(last)"
                let excerpt = message.prefix { $0 != "\n" }.prefix(200)
                let unnamed = lines.count - named
                onRejection(.init(
                    source: first.source, line: first.line,
                    reason: "server refused the request of lines \(range), \(unnamed) line\(unnamed == 1 ? "" : "s") not named: \(excerpt)",
                    byServer: true))
            }
            return lines.count
        }
        if dropped > 0, message.contains("field type conflict"), let explainDrops {
            let found = explainDrops(batch, lines)
            if found.count == dropped {
                for (index, reason) in found { reject(index, of: batch, reason) }
                return min(named + dropped, lines.count)
            }
        }
        if dropped > 0 {
            let (first, last) = batch.lineSpan(of: lines)
            let range = first.line == last ? "\(first.line)" : "\(first.line)-\(last)"
            onRejection(.init(
                source: first.source, line: first.line,
                reason: "server dropped \(dropped) point\(dropped == 1 ? "" : "s") of lines \(range): \(message)",
                byServer: true))
        }
        return min(named + dropped, lines.count)
    }

    /// Reports line `index` of `batch` as refused by the server for `reason`.
    func reject(_ index: Int, of batch: LineBatch, _ reason: String) {
        let position = batch.position(of: index)
        onRejection(.init(source: position.source, line: position.line, reason: reason, byServer: true))
    }

    /// Why the server refused a whole request that may go through in halves: too large (413,
    /// nothing written), or points of one new field disagreeing on its type.
    private static func refusalInWhole(_ error: InfluxError) -> String? {
        guard error.code == .http else { return nil }
        switch error.status {
        case 413: return "too large for the server: \(error.message)"
        case 400 where error.message.hasPrefix("field type conflict"): return error.message
        default: return nil
        }
    }

    /// The server's text when `error` means "some points were refused, the rest written".
    private static func rejectionMessage(_ error: InfluxError) -> String? {
        if error.code == .partialWrite { return error.message }
        if error.code == .http, error.status == 400, error.message.contains("unable to parse") { return error.message }
        return nil
    }

    /// Whether `error` says the server stored none of the request (a 400 that is not a
    /// `partial write`).
    private static func isRefusedWhole(_ error: InfluxError) -> Bool {
        error.code == .http
    }

    private static func droppedCount(_ error: InfluxError) -> Int {
        error.code == .partialWrite ? error.droppedPoints ?? 0 : 0
    }

    /// The server's reason after `prefix`, up to the end of that line of the message.
    private static func reason(after prefix: String, in message: String) -> String {
        guard let range = message.firstRange(of: prefix) else { return message }
        let rest = message[range.upperBound...]
        let line = rest.prefix { $0 != "\n" }
        if let dropped = line.firstRange(of: " dropped=") { return String(line[..<dropped.lowerBound]) }
        return String(line)
    }
}
