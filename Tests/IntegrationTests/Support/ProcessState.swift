import Foundation

/// Reads whether a process runs from `/proc`.
///
/// `kill(pid, 0)` is not enough here: where PID 1 does not reap orphans, a dead process stays a
/// zombie and still accepts signal 0.
enum ProcessState {
    /// Whether `pid` exists and is neither a zombie nor dead.
    static func isAlive(_ pid: Int32) -> Bool {
        guard let state = state(of: pid) else { return false }
        return state != "Z" && state != "X"
    }

    /// The state letter of `pid` (`R`, `S`, `Z`…), or `nil` when there is no such process.
    static func state(of pid: Int32) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let commandEnd = stat.lastIndex(of: ")")
        else { return nil }
        return stat[stat.index(after: commandEnd)...].first { $0 != " " }
    }

    /// The command line of `pid` with its arguments joined by spaces, or `nil`.
    static func commandLine(of pid: Int32) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
        return String(decoding: data.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
}
