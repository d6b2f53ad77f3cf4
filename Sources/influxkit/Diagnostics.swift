import Glibc
import InfluxKit
import InfluxShell

/// Messages for the user on standard error.
enum Diagnostics {
    /// Prints `influxkit: message` on standard error.
    /// Control characters in it (a server's text may hold escape sequences) show escaped
    /// when standard error is a terminal.
    static func error(_ message: String) {
        let text = "influxkit: \(TerminalText.escaped(message, for: STDERR_FILENO))\n"
        LiveLine.writing { OutputBuffer.write(text, to: STDERR_FILENO) }
    }

    /// Prints a line on standard error, escaped as ``error(_:)`` escapes it.
    static func line(_ message: String) {
        let text = "\(TerminalText.escaped(message, for: STDERR_FILENO))\n"
        LiveLine.writing { OutputBuffer.write(text, to: STDERR_FILENO) }
    }
}
