import Logging
import Synchronization

/// Collects every record logged through its ``logger``, at every level (the unit tests have the
/// same: a test target cannot share a source file with another).
final class LogRecorder: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata

        /// The value of `key` as text, `nil` when absent.
        subscript(_ key: String) -> String? { metadata[key].map { "\($0)" } }
        /// Everything of the record as text: what must never hold a secret.
        var text: String { "\(level) \(message) \(metadata)" }
    }

    let records = Mutex<[Record]>([])

    var logger: Logger { Logger(label: "test", factory: { _ in Handler(recorder: self) }) }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let record = Record(
                level: event.level, message: "\(event.message)",
                metadata: metadata.merging(event.metadata ?? [:]) { $1 })
            recorder.records.withLock { $0.append(record) }
        }
    }
}
