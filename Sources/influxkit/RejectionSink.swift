import Glibc
import InfluxKit
import InfluxShell
import Synchronization

/// Where `influxkit write` reports rejected lines, as `FILE:LINE: reason`: standard error, or
/// the file of `--errors-file`. Safe to call from the writer's threads.
final class RejectionSink: Sendable {
    private let descriptor: Int32
    private let name: String
    private let lock = Mutex(())

    /// Reports to `path` (created or truncated), or to standard error when `nil`.
    init(path: String?) throws {
        guard let path else {
            descriptor = STDERR_FILENO
            name = "standard error"
            return
        }
        name = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw InfluxError.invalidArgument("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        if descriptor != STDERR_FILENO { close(descriptor) }
    }

    /// Reports one rejected line; on a terminal, control characters of the reason (which may
    /// quote the line or the server) show escaped.
    @Sendable func report(_ rejection: LineProtocolWriter.Rejection) {
        line(TerminalText.escaped("\(rejection.source):\(rejection.line): \(rejection.reason)", for: descriptor))
    }

    /// Writes one line of text; a failure is recorded in `OutputFailure` (the exit status).
    func line(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        // On standard error, after erasing the progress line.
        if descriptor == STDERR_FILENO { return LiveLine.writing { writeAll(bytes) } }
        writeAll(bytes)
    }

    private func writeAll(_ bytes: [UInt8]) {
        lock.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                if written <= 0 {
                    OutputFailure.record(name, code: written < 0 ? errno : EIO)
                    return
                }
                offset += written
            }
        }
    }
}
