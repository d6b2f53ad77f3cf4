import FoundationEssentials
import Glibc
import InfluxKit

/// Changes to the config file made line by line, so that every comment and line the change
/// does not touch stays as it was; the result is parsed again before it replaces the file.
struct ConfigFileEditor {
    /// The file's path.
    let path: String
    /// Its lines, as edited so far.
    private(set) var text: ConfigText

    /// The file at `path` (an empty one when there is none yet).
    init(path: String) throws {
        self.path = path
        text = ConfigText(try ConfigFile.load(path: path).map(\.text.text) ?? "")
    }

    /// The file as it is now, parsed.
    func parsed() throws -> ConfigFile {
        try ConfigFile(path: path, text: text.text)
    }

    /// Appends the table of a new profile.
    mutating func add(_ name: String, settings: [(key: String, value: String)]) throws {
        guard text.headerIndex(of: name) == nil else {
            throw UsageFailure("profile '\(name)' exists in \(path) (remove it first: influxkit config remove \(name))")
        }
        if let last = text.lines.last, !last.trimmingWhitespace().isEmpty { text.lines.append("") }
        text.lines.append(ConfigText.header(for: name))
        text.lines += settings.map { "\($0.key) = \($0.value)" }
    }

    /// Removes the table of profile `name` (the comment and blank lines just before the next
    /// table stay: they belong to it), and the `default` line when it named this profile.
    mutating func remove(_ name: String) throws {
        guard let range = text.range(of: name) else { throw UsageFailure("no profile '\(name)' in \(path)") }
        let wasDefault = try parsed().defaultProfile == name
        var end = range.upperBound
        while end > range.lowerBound + 1, end < text.lines.count, isCommentOrBlank(text.lines[end - 1]) { end -= 1 }
        text.lines.removeSubrange(range.lowerBound..<end)
        if wasDefault { setDefault(nil) }
    }

    /// Makes `name` the default profile: replaces the `default` line, or adds one before the
    /// first table.
    mutating func setDefault(_ name: String?) {
        let root = text.range(of: nil) ?? 0..<0
        let existing = text.lines[root].firstIndex { ConfigText.key(of: $0) == "default" }
        switch (existing, name) {
        case let (index?, name?): text.lines[index] = "default = \(ConfigText.quoted(name))"
        case let (index?, nil): text.lines.remove(at: index)
        case let (nil, name?):
            var at = root.upperBound
            while at > 0, text.lines[at - 1].trimmingWhitespace().isEmpty { at -= 1 }
            text.lines.insert("default = \(ConfigText.quoted(name))", at: at)
            if at < text.lines.count - 1, !text.lines[at + 1].trimmingWhitespace().isEmpty { text.lines.insert("", at: at + 1) }
        case (nil, nil): break
        }
    }

    /// Parses the edited text and, when it is a valid config file, replaces the file with it
    /// (through a new file renamed over it; a new file is the owner's alone, mode 0600).
    func save() throws {
        _ = try parsed()
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !directory.isEmpty { try Self.makeDirectory(directory) }
        var status = stat()
        let mode = stat(path, &status) == 0 ? status.st_mode & 0o777 : 0o600
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard descriptor >= 0 else { throw RunFailure("\(temporary): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw RunFailure("\(path): cannot be written (\(String(cString: strerror(errno))))")
        }
    }

    private func isCommentOrBlank(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// Creates `directory` and its parents (mode 0700) when they are missing.
    private static func makeDirectory(_ directory: String) throws {
        var status = stat()
        if stat(directory, &status) == 0 { return }
        if let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
            try makeDirectory(String(directory[..<slash]))
        }
        guard mkdir(directory, 0o700) == 0 || errno == EEXIST else {
            throw RunFailure("\(directory): cannot be created (\(String(cString: strerror(errno))))")
        }
    }
}
