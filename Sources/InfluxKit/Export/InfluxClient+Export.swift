extension InfluxClient {
    /// Exports `selection` as line protocol: plans it (see ``exportPlan(for:)``), reads every
    /// slice in plan order and hands the lines to `onLines` in pieces of whole lines, valid only
    /// during the call. Returns what was exported; the plan's warnings are not reported here
    /// (use ``exportPlan(for:)`` and ``Exporter`` to see them, to resume, or to read slices in
    /// parallel).
    ///
    /// Each slice is gathered whole (in memory up to 4 MiB, beyond that in a temporary file)
    /// before it is handed over, so a slice read again after a failure never repeats lines.
    @available(*, noasync, message: "use exportChunks(_:precision:bufferSize:)")
    @discardableResult
    public func export(
        _ selection: ExportSelection, precision: Precision = .nanoseconds,
        onLines: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Exporter.Summary {
        let plan = try exportPlan(for: selection)
        let options = Exporter.Options(precision: precision, buffersSlices: true)
        return try Exporter(configuration: configuration, plan: plan, options: options).run { event in
            if case let .lines(bytes) = event { try onLines(bytes) }
        }
    }

    /// Exports `selection` as an async sequence of line-protocol pieces (whole lines each), read
    /// on a thread of its own; at most `bufferSize` pieces wait for the consumer. Cancelling the
    /// task or dropping the stream stops the export.
    public func exportChunks(
        _ selection: ExportSelection, precision: Precision = .nanoseconds, bufferSize: Int = 4
    ) -> AsyncThrowingStream<[UInt8], any Error> {
        let channel = ChunkChannel<[UInt8]>(capacity: bufferSize)
        blockingQueue.async {
            do {
                try self.export(selection, precision: precision) { try channel.send(Array($0)) }
                channel.finish(throwing: nil)
            } catch {
                channel.finish(throwing: error)
            }
        }
        let consumer = ChunkConsumer(channel)
        return AsyncThrowingStream { try await consumer.next() }
    }
}
