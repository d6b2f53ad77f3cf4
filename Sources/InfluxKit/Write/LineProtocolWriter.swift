import FoundationEssentials

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
/// Requests are cut by points and by bytes. The lines of as many requests as there are
/// connections (a window) are gathered, sorted by series key (a stable sort, so the later of two
/// points of one series at one time still wins) and cut into requests where a series ends, so
/// that the requests in flight together carry different series: influxd's work is markedly
/// cheaper on points sorted by series, and cheaper again (3–10 % of its CPU, measured on 1.6.7)
/// on concurrent requests that share no series. Requests are sent from threads of their own
/// while the next lines are read and checked, so the client's work overlaps the server's, over
/// ``Options/connections`` connections: the next request goes out while others are in flight
/// when that cannot change what is stored (see ``Options/connections``). At most two requests
/// (or one per connection) wait or are in flight besides the window being filled. The first
/// request goes out alone; its window holds at most 5,000 lines, so it leaves sooner and is
/// answered sooner, and the server soon works on two requests at once.
///
/// Files made by `influx_inspect export` (the `influx -import` format) are understood: lines
/// after `# DDL` are InfluxQL statements, run in order (a failing one is rejected like a bad
/// line); `# DML` switches back to line protocol; `# CONTEXT-DATABASE: db` and
/// `# CONTEXT-RETENTION-POLICY: rp` send what is batched and make later lines go there. Each
/// source starts in line-protocol mode with the target of ``Options``.
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
        /// Points per request, at most.
        public var batchSize: Int = 50_000
        /// Bytes per request, at most (a single longer line goes alone): well under the server's
        /// default `max-body-size` (25 MB), and small enough that the batches in flight, the
        /// one waiting and the one being filled keep memory bounded.
        public var batchBytes: Int = 4 << 20
        /// Requests in flight at most, each on a connection of its own. A request goes out while
        /// earlier ones are still in flight only after a first one was answered, when all its
        /// lines carry their own timestamps and when, with each of them, it shares no series or
        /// its time span shares no timestamp; otherwise it waits for them. Checkpoints
        /// (``onSettled``) are reported in input order all the same. With ``pointsPerSecond``,
        /// one connection is used. At most ``maximumConnections`` are opened, whatever this says.
        public var connections: Int = 2
        /// The most connections a writer opens (and sending threads it starts).
        public static let maximumConnections = 16
        /// At most this many points per second on average (`nil`: as fast as the server takes
        /// them); batches are then no larger than one second's worth.
        public var pointsPerSecond: Double?
        /// Leave points without a timestamp for the server to stamp when they arrive, instead of
        /// stamping them with the time they are read, in `precision`.
        ///
        /// Unsafe: a batch tried again after a lost answer is stamped anew by the server, so
        /// points it had already stored are stored a second time.
        public var serverTimestamps = false
        /// Lines (records) longer than this many bytes are rejected (1 MiB by default); a quoted
        /// string that runs on past it is cut at its first line, which is rejected.
        public var maxLineLength = 1 << 20
        /// Hears, from the sending thread, of the last input line of each batch once the server
        /// has settled it (written or rejected it): everything up to there needs no sending
        /// again. Batches are settled in input order. See ``beginSource(_:skippingThrough:)``.
        public var onSettled: (@Sendable (Position) -> Void)?

        /// Creates options with the defaults.
        public init() {}
    }

    /// A line of an input: the input's name and the line number, counting from 1.
    public struct Position: Sendable, Equatable, Codable {
        /// The input's name, e.g. a file path or `-`.
        public var source: String
        /// The line, counting from 1.
        public var line: Int

        /// Creates a position.
        public init(source: String, line: Int) {
            self.source = source
            self.line = line
        }
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

    /// The counts of a write. They add up: `records == written + statements +
    /// rejectedByValidator + rejectedByFieldType + rejectedByServer`, plus the lines not sent when
    /// a write is abandoned on an error.
    public struct Summary: Sendable, Equatable {
        /// Records (points, and statements of `# DDL` sections) read from the input.
        public var records = 0
        /// Statements of `# DDL` sections run without an error (a failing one is rejected by the
        /// server).
        public var statements = 0
        /// Points the server accepted.
        public var written = 0
        /// Lines refused by the client-side check, never sent.
        public var rejectedByValidator = 0
        /// Valid lines never sent because a field's type differs from the type the server has
        /// for it, or that an earlier line gave it (the server would drop them).
        public var rejectedByFieldType = 0
        /// Points (and `# DDL` statements) the server refused.
        public var rejectedByServer = 0
        /// Requests sent.
        public var batches = 0
        /// Records skipped because an earlier run had them settled (see
        /// ``LineProtocolWriter/beginSource(_:skippingThrough:)``); not in `records`.
        public var skipped = 0
        /// Batches sent more than once after a transient failure (connect error, timeout, 5xx, 429).
        public var retriedBatches = 0
        /// Valid records holding a string value that runs over several lines (as influxd
        /// accepts): a missing closing quote may have joined the lines after it into one point.
        public var stringsSpanningLines = 0

        /// Everything rejected.
        public var rejected: Int { rejectedByValidator + rejectedByFieldType + rejectedByServer }

        /// Records read but neither written nor rejected: left unsent when the write stopped on
        /// an error or was stopped (their batch failed, was queued, or was being filled).
        public var notSent: Int { max(0, records - written - statements - rejected) }
    }

    /// What a dry run would have sent (see ``init(options:onRejection:dryRun:)``).
    public enum Operation: Sendable, Equatable {
        /// A write request: the body (lines ended by `\n`), its target (`nil`: the defaults)
        /// and its number of points.
        case write(body: [UInt8], database: String?, retentionPolicy: String?, points: Int)
        /// An InfluxQL statement of a `# DDL` section, with the database in context.
        case statement(String, database: String?)
    }

    /// The counts so far.
    public var summary: Summary {
        var total = checked
        let sent = sender.counts
        total.written = sent.written
        total.rejectedByServer += sent.rejectedByServer
        total.batches = sent.batches
        total.retriedBatches = sent.retriedBatches
        return total
    }

    private let options: Options
    private let onRejection: @Sendable (Rejection) -> Void
    private let validator: LineProtocolValidator
    private let ledger: FieldTypeLedger
    private let sender: BatchSender
    /// Aborts the requests in progress (writes, the field-type questions) and keeps retries from
    /// starting.
    private let cancelRequests: @Sendable () -> Void
    /// Runs a DDL statement; returns the statement's error, if it failed.
    private let runStatement: (String, String?) throws -> String?
    private let batchSize: Int
    private var checked = Summary()
    /// Set by ``finish()`` and ``stop()``: the sender is closed, nothing more can be taken.
    private var isFinished = false
    private var database: String?
    private var retentionPolicy: String?
    private var inDDL = false
    /// Whether the current source's target was set back to the one it started with.
    private var targetIsReset = true
    /// The target the current source starts with.
    private var sourceTarget: (database: String?, retentionPolicy: String?) = (nil, nil)
    private var source = "-"
    /// Whether the bytes up to the next line end belong to a line rejected as too long.
    private var skippingLongLine = false
    /// Records of the current source starting on this line or before are skipped.
    private var skipThrough = 0
    private var splitter = LineProtocolSplitter()
    private var pending: [UInt8] = []
    private var records: [LineProtocolSplitter.Record] = []
    /// The window: the lines gathered for the next requests, as many as there are connections
    /// (one with ``Options/pointsPerSecond``), before they are grouped by series and cut.
    ///
    /// Touched two or three times for every line; the runtime's check that no two accesses
    /// overlap cost 2.5 % of a write's instructions. The writer is used from one thread (it is not
    /// `Sendable`), and no method hands out `batch` while it modifies it, so the check is off.
    @exclusivity(unchecked) private var batch: LineBatch
    /// When the window is full: lines and bytes of all its requests.
    private let windowLines: Int
    /// The lines that fill the window being filled: ``firstWindowLines`` until a first window
    /// is sent, then `windowLines`.
    private var windowLineLimit: Int
    /// Lines in the first window at most. Its request goes out alone (see ``BatchSender``):
    /// while influxd works on it, one core waits.
    static let firstWindowLines = 5_000
    private let windowBytes: Int
    /// Room for a full window and a full request: reserved memory costs nothing until it is
    /// written to, and a buffer that never grows is never copied.
    private let windowCapacity: Int
    private let requestCapacity: Int

    /// Creates a writer; `onRejection` hears of every line that is not written, from the
    /// caller's thread (lines refused by the check) or the sending thread (lines the server refused).
    /// Requests go over `client`'s connection and, with more than one of
    /// ``Options/connections``, over new connections with the same settings.
    public convenience init(client: InfluxClient, options: Options, onRejection: @escaping @Sendable (Rejection) -> Void) {
        let (ledger, explainDrops) = FieldTypeLedger.asking(client, precision: options.precision)
        let count = min(max(options.connections, 1), Options.maximumConnections)
        let clients = [client] + (1..<count).map { _ in client.sibling() }
        let cancellation = CancellationFlag()
        let connections: [BatchSender.Deliver] = clients.map { client in
            { body, database, rp, _, onRetry in
                try client.write(
                    lineProtocol: body, database: database, retentionPolicy: rp,
                    precision: options.precision, consistency: options.consistency, onRetry: onRetry,
                    cancellation: cancellation)
            }
        }
        let sender = BatchSender(
            connections: connections, pointsPerSecond: options.pointsPerSecond, onRejection: onRejection,
            onSettled: options.onSettled, explainDrops: explainDrops)
        let cancelRequests: @Sendable () -> Void = {
            cancellation.cancel()
            for client in clients { client.cancelCurrentRequest() }
        }
        self.init(
            options: options, onRejection: onRejection, sender: sender, ledger: ledger, cancelRequests: cancelRequests
        ) { statement, database in
            do {
                return try client.query(statement, database: database).first { $0.error != nil }?.error
            } catch let error as InfluxError where error.code == .http && error.status == 400 {
                return error.message
            }
        }
    }

    /// Creates a writer that checks everything but sends nothing: each request it would send,
    /// and each DDL statement it would run, goes to `dryRun` instead (from another thread, in
    /// order: a dry run uses one connection). Everything handed over counts as written.
    public convenience init(
        options: Options,
        onRejection: @escaping @Sendable (Rejection) -> Void,
        dryRun: @escaping @Sendable (Operation) -> Void
    ) {
        let deliver: BatchSender.Deliver = { body, database, rp, points, _ in
            dryRun(.write(body: body, database: database, retentionPolicy: rp, points: points))
        }
        let sender = BatchSender(
            connections: [deliver], pointsPerSecond: nil, onRejection: onRejection, onSettled: options.onSettled)
        let ledger = FieldTypeLedger(precision: options.precision) { _, _ in .init() }
        self.init(options: options, onRejection: onRejection, sender: sender, ledger: ledger) { statement, database in
            dryRun(.statement(statement, database: database))
            return nil
        }
    }

    private init(
        options: Options,
        onRejection: @escaping @Sendable (Rejection) -> Void,
        sender: BatchSender,
        ledger: FieldTypeLedger,
        cancelRequests: @escaping @Sendable () -> Void = {},
        runStatement: @escaping (String, String?) throws -> String?
    ) {
        self.cancelRequests = cancelRequests
        self.options = options
        sourceTarget = (options.database, options.retentionPolicy)
        self.onRejection = onRejection
        self.validator = LineProtocolValidator(precision: options.precision)
        self.ledger = ledger
        self.sender = sender
        self.runStatement = runStatement
        if let rate = options.pointsPerSecond, rate > 0 {
            batchSize = max(1, min(options.batchSize, Int(min(rate, 1e9))))
        } else {
            batchSize = options.batchSize
        }
        database = options.database
        retentionPolicy = options.retentionPolicy
        let requestsPerWindow = options.pointsPerSecond == nil
            ? min(max(options.connections, 1), Options.maximumConnections) : 1
        let lines = batchSize.multipliedReportingOverflow(by: requestsPerWindow)
        windowLines = lines.overflow ? .max : lines.partialValue
        windowLineLimit = min(windowLines, Self.firstWindowLines)
        let bytes = options.batchBytes.multipliedReportingOverflow(by: requestsPerWindow)
        windowBytes = bytes.overflow ? .max : bytes.partialValue
        requestCapacity = min(options.batchBytes, 1 << 30) + (64 << 10)
        windowCapacity = min(windowBytes, 1 << 30) + (64 << 10)
        self.batch = LineBatch(
            reservingCapacity: windowCapacity, database: options.database, retentionPolicy: options.retentionPolicy)
    }

    /// A writer released without ``finish()`` or ``stop()`` finishes: the window being filled
    /// is sent and waited for, as ``finish()`` does, rather than dropped. Its errors have no one
    /// to go to, so call ``finish()`` to hear of them.
    deinit {
        if !isFinished { _ = try? finish() }
        sender.close()
    }

    /// Throws when the writer was finished or stopped (its sender no longer sends: a batch
    /// handed over would wait for room forever).
    private func checkOpen() throws {
        if isFinished {
            throw InfluxError.invalidArgument("the line protocol writer was already finished or stopped")
        }
    }

    /// Starts a new source; its lines are numbered from 1.
    ///
    /// With `skippingThrough`, the records starting on that line or before are read but not
    /// checked or sent (the position an earlier run reported to ``Options/onSettled``); comment
    /// directives among them are still followed, so the target is right where sending resumes.
    /// The source's lines go to `database` and `retentionPolicy` (those of the options when not
    /// given); what is batched is sent first only when that changes the target.
    public func beginSource(
        _ name: String, skippingThrough line: Int = 0, database: String? = nil, retentionPolicy: String? = nil
    ) {
        sourceTarget = (database ?? options.database, retentionPolicy ?? options.retentionPolicy)
        source = name
        skipThrough = line
        skippingLongLine = false
        splitter = LineProtocolSplitter(maxRecordLength: options.maxLineLength)
        splitter.reportsComments = true
        pending.removeAll(keepingCapacity: true)
        inDDL = false
        targetIsReset = false
    }

    /// Takes the next bytes of the current source.
    @available(*, noasync, message: "use the async append(_: [UInt8])")
    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        try checkOpen()
        var bytes = bytes
        if skippingLongLine {
            // The rest of a line already rejected as too long is dropped up to its end.
            guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return }
            skippingLongLine = false
            bytes = UnsafeRawBufferPointer(rebasing: bytes[(newline + 1)...])
        }
        pending.append(contentsOf: bytes)
        try drain(isFinal: false)
        try rejectOverlongLine()
    }

    /// Rejects the unfinished line when it is already longer than ``Options/maxLineLength``
    /// without a line end, and drops the rest of it as it arrives, so memory stays bounded.
    private func rejectOverlongLine() throws {
        guard pending.count > options.maxLineLength, !pending.contains(UInt8(ascii: "\n")) else { return }
        let line = splitter.line
        checked.records += 1
        checked.rejectedByValidator += 1
        onRejection(Rejection(
            source: source, line: line, reason: "line longer than \(options.maxLineLength) bytes", byServer: false))
        pending.removeAll(keepingCapacity: false)
        splitter = LineProtocolSplitter(firstLine: line + 1, maxRecordLength: options.maxLineLength)
        splitter.reportsComments = true
        skippingLongLine = true
    }

    /// Ends the current source (its last line may lack a newline).
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func endSource() throws {
        try checkOpen()
        try drain(isFinal: true)
    }

    /// Sends what is still batched and returns the final counts. The writer takes no more input
    /// afterwards (``append(_:)`` and ``endSource()`` throw `.invalidArgument`); calling
    /// `finish()` or ``stop()`` again returns the counts again.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    @discardableResult
    public func finish() throws -> Summary {
        isFinished = true
        defer { sender.close() }
        try flush()
        try sender.finish()
        return summary
    }

    /// Stops without sending the batch being filled: waits until the batches already handed
    /// over are settled and returns the final counts. The lines of the unsent batch count as
    /// read but neither written nor rejected; a run resumed from the last position reported to
    /// ``Options/onSettled`` sends them.
    /// The writer takes no more input afterwards, as after ``finish()``.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    @discardableResult
    public func stop() throws -> Summary {
        isFinished = true
        batch = LineBatch(reservingCapacity: 0, database: database, retentionPolicy: retentionPolicy)
        try sender.finish()
        return summary
    }

    /// Gives up at once, from any thread (a Ctrl-C handler's, say): requests in flight are
    /// aborted, queued batches dropped, and the call waiting in ``append(_:)``, ``finish()`` or
    /// ``stop()`` — now or later — throws `InfluxError.cancelled`. ``summary`` then counts only
    /// what the server answered; the lines of aborted requests count as not sent (the server
    /// may have stored some of them: a run resumed from the last settled position sends them
    /// again, which overwrites rather than duplicates points with timestamps).
    public func cancel() {
        canceller()
    }

    /// ``cancel()`` as a function that may be kept and called from any thread.
    public var canceller: @Sendable () -> Void {
        let sender = sender, cancelRequests = cancelRequests
        return {
            sender.cancel()
            cancelRequests()
        }
    }

    private func drain(isFinal: Bool) throws {
        if !targetIsReset {
            targetIsReset = true
            try switchTarget(database: sourceTarget.database, retentionPolicy: sourceTarget.retentionPolicy)
        }
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
    /// Hostile input can nest such records line after line: past ``runawayDepth`` of them, the
    /// remaining lines are split one by one (none may run on), so the work and the recursion
    /// stay bounded.
    private func take(_ record: LineProtocolSplitter.Record, in buffer: [UInt8], depth: Int = 0) throws {
        let bytes = buffer[record.range]
        if record.isComment {
            try obey(String(decoding: bytes, as: UTF8.self))
            return
        }
        if record.line <= skipThrough {
            checked.skipped += 1
            return
        }
        if inDDL {
            checked.records += 1
            try flush()
            try sender.waitUntilIdle()
            ledger.reset()
            if let error = try runStatement(String(decoding: bytes, as: UTF8.self), database) {
                checked.rejectedByServer += 1
                onRejection(Rejection(source: source, line: record.line, reason: error, byServer: true))
            } else {
                checked.statements += 1
            }
            return
        }
        var (problem, parts) = bytes.count > options.maxLineLength
            ? ("line longer than \(options.maxLineLength) bytes", nil)
            : bytes.withUnsafeBytes { validator.examine($0) }
        // A record not ended by a newline in plain context (the last of an input, one after
        // leading blanks, one re-split after a runaway) may leave a quote open, and one ending in
        // a backslash (before a dropped `\r`) escapes the newline: in a request body, either
        // would swallow the next line.
        let plain = depth == 0 && record.range.upperBound < buffer.count
            && (record.range.lowerBound == 0 || buffer[record.range.lowerBound - 1] == UInt8(ascii: "\n"))
            && bytes.last != UInt8(ascii: "\\")
        if problem == nil && !plain && !Self.endsAlone(bytes) {
            problem = bytes.last == UInt8(ascii: "\\") ? "backslash at the end of the line" : "unbalanced quotes"
        }
        checked.records += 1
        guard let problem else {
            if bytes.contains(UInt8(ascii: "\n")) { checked.stringsSpanningLines += 1 }
            // A valid line always comes with its parts.
            return try accept(bytes, parts: parts!, line: record.line)
        }
        checked.rejectedByValidator += 1
        onRejection(Rejection(source: source, line: record.line, reason: LineProtocolValidator.explained(problem, in: bytes),
                              byServer: false))
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return }
        let rest = Array(buffer[(newline + 1)..<record.range.upperBound])
        guard depth >= Self.runawayDepth else {
            return try resplit(rest, firstLine: record.line + 1, depth: depth + 1)
        }
        for (offset, line) in rest.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            try resplit(Array(line), firstLine: record.line + 1 + offset, depth: depth + 1)
        }
    }

    /// Batches `line`, valid, unless its field types disagree with what the server has or earlier
    /// lines gave; stamps it with the current time when it has no timestamp of its own.
    private func accept(_ line: ArraySlice<UInt8>, parts: LineProtocolValidator.Parts, line number: Int) throws {
        // The line's time: its own, or the time it is read (which the server's own stamp, with
        // `serverTimestamps`, will be close to).
        let time = parts.timestamp ?? options.precision.now
        if let conflict = try line.withUnsafeBytes({
            try ledger.conflict(in: $0, parts: parts, time: time, database: database, retentionPolicy: retentionPolicy)
        }) {
            checked.rejectedByFieldType += 1
            onRejection(Rejection(source: source, line: number, reason: conflict, byServer: false))
            return
        }
        let stampsIt = parts.timestamp == nil && !options.serverTimestamps
        let body = stampsIt ? stamped(line, at: time) : line
        // The window stays within the bytes of its requests, so that cutting it keeps each
        // request within `batchBytes` (a longer line goes alone).
        if !batch.lines.isEmpty && batch.bytes.count + body.count + 1 > windowBytes { try flush() }
        batch.append(
            body, source: source, line: number, keyLength: parts.seriesKey.upperBound,
            timestamp: parts.timestamp != nil || stampsIt ? time : nil, ownTimestamp: parts.timestamp != nil)
        if batch.lines.count >= windowLineLimit { try flush() }
    }

    /// Whether the server, reading `line` as one line of a request body, ends it where it ends.
    private static func endsAlone(_ line: ArraySlice<UInt8>) -> Bool {
        let records = LineProtocolSplitter.records(in: Array(line) + [UInt8(ascii: "\n")])
        let end = line.last == UInt8(ascii: "\r") ? line.count - 1 : line.count
        return records.count == 1 && records[0].range == 0..<end
    }

    /// Runaway records nested this deep make the lines after them split one by one.
    private static let runawayDepth = 8

    /// Splits `bytes`, lines of a rejected record starting at `firstLine`, and takes each record.
    private func resplit(_ bytes: [UInt8], firstLine: Int, depth: Int) throws {
        var resplitter = LineProtocolSplitter(firstLine: firstLine, maxRecordLength: options.maxLineLength)
        resplitter.reportsComments = true
        var again: [LineProtocolSplitter.Record] = []
        _ = bytes.withUnsafeBytes { resplitter.split($0, isFinal: true, into: &again) }
        for inner in again {
            try take(inner, in: bytes, depth: depth)
        }
    }

    /// `line` (valid, without a timestamp) with `time` appended, so that a batch sent twice
    /// overwrites its points instead of adding them again.
    private func stamped(_ line: ArraySlice<UInt8>, at time: Int64) -> ArraySlice<UInt8> {
        var text = Array(line)
        while let last = text.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == 0 {
            text.removeLast()
        }
        text.append(UInt8(ascii: " "))
        text += String(time).utf8
        return text[...]
    }

    /// Follows the directive of an `influx -import` comment line; other comments are ignored.
    private func obey(_ comment: String) throws {
        let text = comment.drop { $0 == "#" || $0 == " " || $0 == "\t" }
        func value(after prefix: String) -> String {
            text.dropFirst(prefix.count).trimmingWhitespace()
        }
        if text == "DDL" || text.hasPrefix("DDL ") {
            inDDL = true
        } else if text == "DML" || text.hasPrefix("DML ") {
            inDDL = false
        } else if text.hasPrefix("CONTEXT-DATABASE:") {
            try switchTarget(database: value(after: "CONTEXT-DATABASE:"), retentionPolicy: retentionPolicy)
        } else if text.hasPrefix("CONTEXT-RETENTION-POLICY:") {
            let rp = value(after: "CONTEXT-RETENTION-POLICY:")
            try switchTarget(database: database, retentionPolicy: rp.isEmpty ? nil : rp)
        }
    }

    /// Sends what is batched when the target changes, and makes later lines go to the new one.
    private func switchTarget(database: String?, retentionPolicy: String?) throws {
        guard database != self.database || retentionPolicy != self.retentionPolicy else { return }
        try flush()
        self.database = database
        self.retentionPolicy = retentionPolicy
        batch = LineBatch(reservingCapacity: windowCapacity, database: database, retentionPolicy: retentionPolicy)
    }

    /// Sends the lines gathered: grouped by series and cut into requests (see ``LineBatch``).
    private func flush() throws {
        guard !batch.lines.isEmpty else { return }
        let order = batch.seriesOrder()
        for part in batch.parts(of: order, maxLines: batchSize, maxBytes: options.batchBytes) {
            // Wait until the sender has room, so that the memory of a request it is done with
            // can be filled again.
            try sender.waitForRoom()
            var request = sender.takeSpare() ?? LineBatch(reservingCapacity: requestCapacity)
            request.take(batch, inOrder: order[part.range], last: part.completes.map(batch.position(of:)))
            try sender.submit(request)
        }
        batch.removeAll(database: database, retentionPolicy: retentionPolicy)
        windowLineLimit = windowLines
    }
}
