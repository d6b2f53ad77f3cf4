import Synchronization

/// Reads the slices of an ``ExportPlan`` and hands their line protocol over in plan order, the
/// same bytes whatever the number of slices read at once.
///
/// With one connection and ``Options/buffersSlices`` off, lines are handed over as they arrive;
/// a slice that fails after some of its lines went out is read again after
/// ``Event/sliceRestarted(_:)``, which tells the receiver to drop what it got of that slice.
/// Otherwise each slice is gathered whole (in memory up to 4 MiB, beyond that in a temporary
/// file) and handed over once it is complete, so the receiver never sees half a slice.
///
/// A slice is read again after connect errors, timeouts, 5xx answers and answers cut short, up
/// to the configuration's `retries`; other errors end the export.
public final class Exporter: Sendable {
    /// How an export runs.
    public struct Options: Sendable {
        /// How many slices are read at once, each over its own connection (1...16).
        public var parallel: Int
        /// The unit of the timestamps written (the server converts: `epoch=`).
        public var precision: Precision
        /// Whether every slice is gathered whole before it is handed over (always so when
        /// `parallel` is more than 1).
        public var buffersSlices: Bool
        /// Whether string fields are left out (and counted), for destinations that cannot
        /// store strings.
        public var omitsStringFields: Bool

        /// Creates options.
        public init(
            parallel: Int = 1, precision: Precision = .nanoseconds, buffersSlices: Bool = false,
            omitsStringFields: Bool = false
        ) {
            self.parallel = parallel
            self.precision = precision
            self.buffersSlices = buffersSlices
            self.omitsStringFields = omitsStringFields
        }
    }

    /// What ``run(skipping:onEvent:)`` reports, in plan order.
    public enum Event {
        /// A slice's lines follow.
        case sliceStarted(ExportSlice)
        /// Line protocol of the current slice, whole lines; valid only during the call.
        case lines(UnsafeRawBufferPointer)
        /// The current slice is read again: drop the lines it has handed over so far.
        case sliceRestarted(ExportSlice)
        /// The current slice is complete.
        case sliceFinished(ExportSlice, ExportSliceStatistics)
    }

    /// What an export did.
    public struct Summary: Sendable, Equatable {
        /// Points written out.
        public var points = 0
        /// Series written out (a series counts once per measurement and retention policy).
        public var series = 0
        /// Slices read.
        public var slices = 0
        /// Slices left out because the caller had them already.
        public var skippedSlices = 0
        /// Bytes of line protocol written out.
        public var bytes = 0
        /// Slices read again after a failure.
        public var retriedSlices = 0
        /// String values left out (``Options/omitsStringFields``).
        public var omittedStrings = 0
        /// Points left out because they held nothing but strings.
        public var omittedPoints = 0
    }

    private let configuration: ClientConfiguration
    private let plan: ExportPlan
    private let options: Options
    private let cancellation = CancellationFlag()
    private let clients: Mutex<[InfluxClient]> = Mutex([])

    /// Creates an exporter that reads `plan` from the server `configuration` names.
    public init(configuration: ClientConfiguration, plan: ExportPlan, options: Options = Options()) throws {
        guard (1...16).contains(options.parallel) else {
            throw InfluxError.invalidArgument("parallel must be between 1 and 16, not \(options.parallel)")
        }
        self.configuration = configuration
        self.plan = plan
        self.options = options
    }

    /// Stops the export: requests in flight are aborted and ``run(skipping:onEvent:)`` throws
    /// `.cancelled`. Safe to call from any thread.
    public func cancel() {
        cancellation.cancel()
        for client in clients.withLock({ $0 }) { client.cancelCurrentRequest() }
    }

    /// Reads every slice of the plan but those whose ``ExportSlice/key`` is in `finished`, and
    /// reports each through `onEvent`, always on the calling thread and in plan order. An error
    /// thrown by `onEvent` stops the export and is rethrown.
    public func run(skipping finished: Set<String> = [], onEvent: (Event) throws -> Void) throws -> Summary {
        let slices = plan.slices.filter { !finished.contains($0.key) }
        var tally = Tally()
        tally.summary.skippedSlices = plan.slices.count - slices.count
        if options.parallel == 1 && !options.buffersSlices {
            try runStreaming(slices, tally: &tally, onEvent: onEvent)
        } else {
            try runBuffered(slices, tally: &tally, onEvent: onEvent)
        }
        tally.closeMeasurement()
        return tally.summary
    }

    /// One slice after another on this thread, lines handed over as they arrive.
    private func runStreaming(_ slices: [ExportSlice], tally: inout Tally, onEvent: (Event) throws -> Void) throws {
        let client = try makeClient()
        for slice in slices {
            try cancellation.check()
            try onEvent(.sliceStarted(slice))
            var started = false
            let statistics = try readRetrying(slice, with: client, tally: &tally) {
                if started { try onEvent(.sliceRestarted(slice)) }
                started = true
            } output: { bytes in
                try onEvent(.lines(bytes))
            }
            tally.add(statistics, of: slice)
            try onEvent(.sliceFinished(slice, statistics))
        }
    }

    /// Slices read on worker threads into buffers, handed over in order on this thread.
    private func runBuffered(_ slices: [ExportSlice], tally: inout Tally, onEvent: (Event) throws -> Void) throws {
        let workers = min(options.parallel, max(slices.count, 1))
        let board = SliceBoard(count: slices.count, lookahead: 2 * workers)
        var completed = false
        defer {
            // On an error the workers still reading are stopped: their requests are aborted.
            board.stop()
            if !completed { cancel() }
            board.waitForWorkers()
        }
        for _ in 0..<workers {
            let client = try makeClient()
            board.workerStarted()
            do {
                try Threads.start { [self] in
                    defer { board.workerEnded() }
                    while let index = board.take() {
                        let buffer = SliceBuffer(memoryLimit: 4 << 20)
                        var retries = Tally()
                        do {
                            let statistics = try readRetrying(slices[index], with: client, tally: &retries) {
                                try buffer.removeAll()
                            } output: { bytes in
                                try buffer.append(bytes)
                            }
                            board.finish(index, with: .success((buffer, statistics, retries.summary.retriedSlices)))
                        } catch {
                            board.finish(index, with: .failure(error))
                        }
                    }
                }
            } catch {
                board.workerEnded()
                throw error
            }
        }
        for (index, slice) in slices.enumerated() {
            let (buffer, statistics, retried) = try board.wait(for: index).get()
            try cancellation.check()
            try onEvent(.sliceStarted(slice))
            try buffer.forEachPiece { try onEvent(.lines($0)) }
            tally.summary.retriedSlices += retried
            tally.add(statistics, of: slice)
            try onEvent(.sliceFinished(slice, statistics))
            board.delivered(index)
        }
        completed = true
    }

    /// Reads `slice`, again after failures that may pass; `restart` runs before every try.
    private func readRetrying(
        _ slice: ExportSlice, with client: InfluxClient, tally: inout Tally,
        restart: () throws -> Void, output: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> ExportSliceStatistics {
        let policy = RetryPolicy(configuration: configuration)
        var retry = 0
        while true {
            try restart()
            do {
                return try client.exportSlice(
                    slice, of: plan, precision: options.precision, omittingStrings: options.omitsStringFields
                ) { bytes in
                    try cancellation.check()
                    try output(bytes)
                }
            } catch let error as InfluxError where !cancellation.isCancelled && Self.mayRetry(error) {
                retry += 1
                guard let wait = policy.delay(beforeRetry: retry, retryAfter: nil, elapsed: 0, jitter: Double.random(in: 0...1)) else {
                    throw error
                }
                tally.summary.retriedSlices += 1
                Threads.sleep(seconds: max(wait, 0.5))
            } catch where cancellation.isCancelled {
                throw InfluxError.cancelled
            }
        }
    }

    /// Whether a slice that failed with `error` may succeed when read again.
    static func mayRetry(_ error: InfluxError) -> Bool {
        switch error.code {
        case .connectionFailed, .timeout, .malformedResponse: return true
        case .http: return RetryPolicy.isTransient(status: error.status ?? 0)
        default: return false
        }
    }

    private func makeClient() throws -> InfluxClient {
        let client = try InfluxClient(configuration: configuration)
        clients.withLock { $0.append(client) }
        if cancellation.isCancelled { client.cancelCurrentRequest() }
        return client
    }
}

/// The running totals of an export: counts, and the series of the current measurement.
private struct Tally {
    var summary = Exporter.Summary()
    private var measurement: (String, String)?
    private var series: Set<Int> = []

    mutating func add(_ statistics: ExportSliceStatistics, of slice: ExportSlice) {
        if measurement.map({ $0 != (slice.retentionPolicy, slice.measurement) }) ?? true {
            closeMeasurement()
            measurement = (slice.retentionPolicy, slice.measurement)
        }
        series.formUnion(statistics.seriesHashes)
        summary.points += statistics.points
        summary.bytes += statistics.bytes
        summary.omittedStrings += statistics.omittedStrings
        summary.omittedPoints += statistics.omittedPoints
        summary.slices += 1
    }

    mutating func closeMeasurement() {
        summary.series += series.count
        series.removeAll()
    }
}
