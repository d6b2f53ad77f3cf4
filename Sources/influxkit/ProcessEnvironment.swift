import Glibc

/// The variables of this process's environment, read straight from `environ`.
///
/// `ProcessInfo.processInfo.environment` gives the same dictionary, but splits every entry
/// character by character (grapheme breaking), which cost a one-shot command about 0.37M
/// instructions at start-up, 2 % of all it runs (docs/profiles.md, "Session 12"). Here each entry
/// is split at its first `=` byte; an entry without one is left out, and of two entries with one
/// name the first counts, as for `getenv`, which libcurl and the shell's pager use.
enum ProcessEnvironment {
    /// The environment as a dictionary from name to value.
    static func read() -> [String: String] {
        var variables: [String: String] = [:]
        var entry = environ
        while let text = entry.pointee {
            let bytes = UnsafeRawBufferPointer(start: text, count: strlen(text))
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(decoding: bytes[..<equals], as: UTF8.self)
                if variables[name] == nil {
                    variables[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
                }
            }
            entry += 1
        }
        return variables
    }
}
