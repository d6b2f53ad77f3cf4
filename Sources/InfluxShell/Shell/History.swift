import Glibc
import InfluxKit

/// The shell's history: entries in order, deduplicated, capped, never holding a secret, and
/// kept in a file readable by its owner only (`~/.influxkit_history`, mode 0600).
public struct History: Sendable {
    /// The entries, oldest first.
    public private(set) var entries: [String] = []
    /// The most entries kept.
    public let limit: Int

    /// Creates an empty history of at most `limit` entries.
    public init(limit: Int = 1000) {
        self.limit = limit
    }

    /// Whether `entry` must never be recorded: it holds `PASSWORD` (`CREATE USER … WITH PASSWORD`,
    /// `SET PASSWORD`), or is an `auth` command, or a `connect` with credentials in it.
    public static func isSecret(_ entry: String) -> Bool {
        if entry.lowercased().contains("password") { return true }
        let words = entry.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        switch words.first {
        case "auth": return true
        case "connect": return words.count > 2 || entry.contains("@")
        default: return false
        }
    }

    /// Adds an entry (a multi-line statement becomes one line); a secret or empty entry is left
    /// out, and an earlier copy of the same entry is removed. Returns whether it was added.
    @discardableResult
    public mutating func add(_ entry: String) -> Bool {
        let line = entry.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.joined(separator: " ")
        guard !line.isEmpty, !Self.isSecret(line) else { return false }
        entries.removeAll { $0 == line }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return true
    }

    /// A reference to an entry typed at the prompt, as in bash: `!N` is entry N as `history`
    /// numbers them (from 1), `!!` the last one.
    public enum Reference: Equatable, Sendable {
        /// `!N`.
        case number(Int)
        /// `!!`.
        case last

        /// The reference `line` is; `nil` when it is not one.
        public init?(_ line: String) {
            let text = line.trimmingWhitespace()
            guard text.hasPrefix("!") else { return nil }
            let rest = text.dropFirst()
            if rest == "!" {
                self = .last
            } else if !rest.isEmpty, rest.allSatisfy(\.isASCII), let number = Int(rest), number > 0 {
                self = .number(number)
            } else {
                return nil
            }
        }
    }

    /// The entry `reference` names; `nil` when there is none.
    public func entry(_ reference: Reference) -> String? {
        switch reference {
        case .last: return entries.last
        case let .number(number): return number <= entries.count ? entries[number - 1] : nil
        }
    }

    /// Reads the entries of a history file (missing or unreadable: none); secrets found in it
    /// are dropped.
    public mutating func load(from path: String) {
        guard let file = fopen(path, "r") else { return }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            add(String(cString: line))
        }
    }

    /// Writes the entries to `path`, created with mode 0600 (and set to 0600 if it existed).
    public func save(to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw InfluxError.invalidArgument("cannot write the history file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        let bytes = Array(entries.map { $0 + "\n" }.joined().utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw InfluxError.invalidArgument("cannot write the history file \(path)") }
            offset += written
        }
    }
}
