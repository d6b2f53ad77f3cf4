import InMemoryLogging
import Logging

/// A logger that keeps every record, at every level, and the handler that reads them back.
func recordingLogger() -> (logger: Logger, records: InMemoryLogHandler) {
    var handler = InMemoryLogHandler()
    handler.logLevel = .trace
    return (Logger(label: "test", factory: { _ in handler }), handler)
}

extension InMemoryLogHandler.Entry {
    /// The value of `key` as text, `nil` when absent.
    subscript(_ key: String) -> String? { metadata[key].map { "\($0)" } }
    /// Everything of the record as text: what must never hold a secret.
    var text: String { "\(level) \(message) \(metadata)" }
}
