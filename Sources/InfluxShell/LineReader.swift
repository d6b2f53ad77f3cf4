import CEditLine
import Glibc
import InfluxKit

/// Reads lines with libedit's line editing and history (the interactive shell builds on it).
public final class LineReader {
    /// Creates a reader.
    public init() {}

    /// Reads one line after printing `prompt`; `nil` at end of input.
    public func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.isEmpty { add_history(raw) }
        return line
    }
}
