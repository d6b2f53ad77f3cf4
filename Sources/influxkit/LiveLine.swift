import Glibc
import InfluxShell
import Synchronization

/// The progress line of `write`, `export` and `copy`, rewritten in place on a terminal's
/// standard error. Every other line for standard error is written through ``writing(_:)``,
/// which erases the progress line first, so that the two never run together; the next
/// progress update draws it again.
enum LiveLine {
    /// Whether a progress line is on the screen.
    private static let showing = Mutex(false)
    private static let erase = "\r\u{1B}[K"

    /// Shows `text` as the progress line.
    static func show(_ text: String) {
        showing.withLock { showing in
            OutputBuffer.write(erase + text, to: STDERR_FILENO)
            showing = true
        }
    }

    /// Erases the progress line, if one shows.
    static func clear() {
        writing {}
    }

    /// Runs `write` (which writes whole lines to standard error) after erasing the progress
    /// line, with no progress update in between.
    @discardableResult
    static func writing<Result>(_ write: () -> Result) -> Result {
        showing.withLock { showing in
            if showing {
                OutputBuffer.write(erase, to: STDERR_FILENO)
                showing = false
            }
            return write()
        }
    }
}
