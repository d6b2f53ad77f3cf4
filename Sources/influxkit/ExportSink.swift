import InfluxKit

/// Takes what an ``Exporter`` reads to an ``ExportOutput``: the `influx -import` header and
/// context lines for `--format import`, a slice taken back when it is read again or left
/// unfinished, the checkpoint after each slice, and the progress line.
final class ExportSink {
    let output: ExportOutput
    private let format: ExportCommand.Format
    private let plan: ExportPlan
    private var progress: ExportProgress
    private let checkpoint: Checkpoint<ExportCheckpoint>?
    private var finished: [String]
    /// Where the slice being written starts in the output.
    private var sliceStart: Int
    /// The retention policy whose context line the output ends under.
    private var policy: String?

    init(
        output: ExportOutput, format: ExportCommand.Format, plan: ExportPlan, progress: ExportProgress,
        checkpoint: Checkpoint<ExportCheckpoint>?, resumed: ExportCheckpoint?
    ) {
        self.output = output
        self.format = format
        self.plan = plan
        self.progress = progress
        self.checkpoint = checkpoint
        finished = resumed?.finished ?? []
        sliceStart = output.offset
    }

    /// Runs `exporter` into the output; after a failure the output keeps whole slices only.
    func run(_ exporter: Exporter) throws -> Exporter.Summary {
        defer { progress.finish() }
        do {
            if format == .import && output.offset == 0 {
                try output.write(plan.importHeader())
                try output.endSlice()
                sliceStart = output.offset
            }
            let summary = try exporter.run(skipping: Set(finished), onEvent: handle)
            try output.flush()
            return summary
        } catch {
            if output.isSeekable { try? output.cut(to: sliceStart) }
            throw error
        }
    }

    private func handle(_ event: Exporter.Event) throws {
        switch event {
        case let .sliceStarted(slice):
            sliceStart = output.offset
            try writeContext(for: slice)
        case let .lines(bytes):
            try output.write(bytes)
            progress.add(bytes: bytes.count)
        case let .sliceRestarted(slice):
            try output.cut(to: sliceStart)
            policy = nil
            try writeContext(for: slice)
        case let .sliceFinished(slice, statistics):
            try output.endSlice()
            sliceStart = output.offset
            finished.append(slice.key)
            checkpoint?.save(
                ExportCheckpoint(database: plan.database, output: output.name, outputBytes: output.offset, finished: finished))
            progress.finished(slice, points: statistics.points)
        }
    }

    /// For `--format import`, the context line of the slice's retention policy when the output
    /// is not already under it.
    private func writeContext(for slice: ExportSlice) throws {
        guard format == .import, policy != slice.retentionPolicy else { return }
        try output.write(ExportPlan.importContext(retentionPolicy: slice.retentionPolicy))
        policy = slice.retentionPolicy
    }
}
