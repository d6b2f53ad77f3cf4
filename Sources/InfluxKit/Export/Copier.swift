import Synchronization

/// Copies the slices of an ``ExportPlan`` from one server into another: the ``Exporter`` reads
/// the source while a ``LineProtocolWriter`` writes to the destination, so reading and writing
/// overlap (the writer keeps a bounded number of requests in flight).
///
/// A slice is acknowledged once the destination has settled (written or rejected) every line
/// of it; ``run(skipping:)`` reports the acknowledged slices, in plan order, to
/// `onAcknowledged` (from a sending thread), which is what a checkpoint records. Copying a
/// slice again is harmless: a point written twice with the same series and time is stored once.
public final class Copier: Sendable {
    /// Where the points go and how they are read.
    public struct Options: Sendable {
        /// The destination database; the source's when `nil`.
        public var database: String?
        /// The destination retention policy; each slice's own when `nil`.
        public var retentionPolicy: String?
        /// How the source is read (``Exporter/Options/buffersSlices`` is ignored).
        public var export = Exporter.Options()
        /// How the destination is written (database, retention policy and precision are set
        /// per slice and from ``export``).
        public var write = LineProtocolWriter.Options()

        /// Creates options with the defaults.
        public init() {}
    }

    /// What a copy did.
    public struct Summary: Sendable {
        /// What was read from the source.
        public var export: Exporter.Summary
        /// What was written to the destination.
        public var write: LineProtocolWriter.Summary
    }

    private let exporter: Exporter
    private let destination: InfluxClient
    private let plan: ExportPlan
    private let options: Options
    private let onRejection: @Sendable (LineProtocolWriter.Rejection) -> Void
    private let onAcknowledged: @Sendable ([String]) -> Void
    /// Cancels the writer of the copy running now.
    private let cancelWriter = Mutex<(@Sendable () -> Void)?>(nil)

    /// Creates a copier from the server of `source` to `destination`.
    public init(
        source: ClientConfiguration, destination: InfluxClient, plan: ExportPlan, options: Options,
        onRejection: @escaping @Sendable (LineProtocolWriter.Rejection) -> Void,
        onAcknowledged: @escaping @Sendable ([String]) -> Void = { _ in }
    ) throws {
        var exportOptions = options.export
        exportOptions.buffersSlices = false
        exporter = try Exporter(configuration: source, plan: plan, options: exportOptions)
        self.destination = destination
        self.plan = plan
        self.options = options
        self.onRejection = onRejection
        self.onAcknowledged = onAcknowledged
    }

    /// Stops the copy: reading and the requests in flight to the destination are aborted, and
    /// ``run(skipping:observe:)`` throws `.cancelled`. Safe to call from any thread.
    public func cancel() {
        exporter.cancel()
        cancelWriter.withLock { $0 }?()
    }

    /// Copies every slice of the plan but those whose key is in `finished`; `observe` sees
    /// every event of the reading side (for progress) before the writer gets its lines.
    public func run(skipping finished: Set<String> = [], observe: (Exporter.Event) -> Void = { _ in }) throws -> Summary {
        let acknowledgements = Acknowledgements(finished: plan.slices.map(\.key).filter(finished.contains), report: onAcknowledged)
        var writeOptions = options.write
        writeOptions.precision = options.export.precision
        writeOptions.database = options.database ?? plan.database
        writeOptions.retentionPolicy = options.retentionPolicy
        let previous = writeOptions.onSettled
        writeOptions.onSettled = { position in
            previous?(position)
            acknowledgements.settled(position)
        }
        let writer = LineProtocolWriter(client: destination, options: writeOptions, onRejection: onRejection)
        cancelWriter.withLock { $0 = writer.canceller }
        defer { cancelWriter.withLock { $0 = nil } }
        var lines = 0
        let exported = try exporter.run(skipping: finished) { event in
            observe(event)
            switch event {
            case let .sliceStarted(slice), let .sliceRestarted(slice):
                acknowledgements.begin(slice.key)
                writer.beginSource(
                    slice.key, database: writeOptions.database,
                    retentionPolicy: options.retentionPolicy ?? slice.retentionPolicy)
                lines = 0
            case let .lines(bytes):
                lines += bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                try writer.append(bytes)
            case let .sliceFinished(slice, _):
                try writer.endSource()
                acknowledgements.end(slice.key, lines: lines)
            }
        }
        let written = try writer.finish()
        acknowledgements.allSettled()
        return Summary(export: exported, write: written)
    }
}

/// Which slices the destination has settled whole, from the writer's settled positions.
private final class Acknowledgements: Sendable {
    private struct State {
        var acknowledged: [String]
        /// Slices handed to the writer and not yet acknowledged, in order, with their line
        /// counts once they are complete.
        var open: [(key: String, lines: Int?)] = []
    }

    private let state: Mutex<State>
    private let report: @Sendable ([String]) -> Void

    init(finished: [String], report: @escaping @Sendable ([String]) -> Void) {
        state = Mutex(State(acknowledged: finished))
        self.report = report
    }

    func begin(_ key: String) {
        state.withLock { state in
            if state.open.last?.key == key { state.open.removeLast() }
            state.open.append((key, nil))
        }
    }

    func end(_ key: String, lines: Int) {
        state.withLock { state in
            if let index = state.open.lastIndex(where: { $0.key == key }) { state.open[index].lines = lines }
        }
    }

    /// Everything up to `position` is settled: the slices before its source, and its source
    /// when the position is its last line.
    func settled(_ position: LineProtocolWriter.Position) {
        acknowledge { open in
            guard let index = open.firstIndex(where: { $0.key == position.source }) else { return 0 }
            if let lines = open[index].lines, position.line >= lines { return index + 1 }
            return index
        }
    }

    /// The writer has finished: every slice handed over is settled.
    func allSettled() {
        acknowledge { open in open.filter { $0.lines != nil }.count }
    }

    private func acknowledge(_ count: (_ open: [(key: String, lines: Int?)]) -> Int) {
        let list: [String]? = state.withLock { state in
            let done = min(count(state.open), state.open.count)
            guard done > 0 else { return nil }
            state.acknowledged += state.open.prefix(done).map(\.key)
            state.open.removeFirst(done)
            return state.acknowledged
        }
        if let list { report(list) }
    }
}
