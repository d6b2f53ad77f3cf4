import Glibc

/// Blanks secrets in the process's own argument memory, so `ps` and `/proc/PID/cmdline` stop
/// showing them once the arguments are parsed (the way MySQL's client does it).
///
/// Secrets are the values of `-p`/`--password` and `--token` (and `copy`'s `--from-password`,
/// `--from-token`, `--to-password`, `--to-token`), and the password part of `--dsn`, `--url`,
/// `--from` and `--to`. Each secret byte becomes `x`; the length stays, nothing else moves.
enum SecretArguments {
    /// Blanks the secrets of the current process's arguments.
    static func scrub() {
        let count = Int(CommandLine.argc)
        let argv = CommandLine.unsafeArgv
        var index = 1
        while index < count {
            guard let argument = argv[index] else { break }
            let text = String(cString: argument)
            if text == "--" { break }
            if let name = secretOption(text), index + 1 < count, let value = argv[index + 1] {
                blank(value, from: 0, kind: name)
                index += 2
                continue
            }
            for name in secretOptions.map({ $0 + "=" }) where text.hasPrefix(name) {
                blank(argument, from: name.utf8.count, kind: String(name.dropLast()))
            }
            if let equals = shortPasswordValue(text) {
                blank(argument, from: equals, kind: "-p")
            }
            index += 1
        }
    }

    /// The option name when `text` is an option whose next argument is secret or holds one;
    /// a cluster of short flags ending in `p` (`-vp`) counts as `-p`.
    /// The long options whose values hold a secret: all of it, or a URL's password.
    private static let secretOptions = [
        "--password", "--token", "--dsn", "--url",
        "--from-password", "--from-token", "--to-password", "--to-token", "--from", "--to",
    ]
    /// The options whose values are URLs or DSNs: only their password is blanked.
    private static let urlOptions: Set = ["--dsn", "--url", "--from", "--to"]

    private static func secretOption(_ text: String) -> String? {
        if text == "-p" || secretOptions.contains(text) { return text }
        let isShortCluster = text.hasPrefix("-") && !text.hasPrefix("--") && text.count > 2
            && text.dropFirst().allSatisfy { $0.isASCII && $0.isLetter }
        return isShortCluster && text.hasSuffix("p") ? "-p" : nil
    }

    /// Where the value starts in `-p=VALUE` or `-vp=VALUE`.
    private static func shortPasswordValue(_ text: String) -> Int? {
        guard text.hasPrefix("-"), !text.hasPrefix("--"), let equals = text.firstIndex(of: "=") else { return nil }
        let flags = text[text.index(after: text.startIndex)..<equals]
        guard flags.hasSuffix("p"), flags.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return text.utf8.distance(from: text.utf8.startIndex, to: equals.samePosition(in: text.utf8)!) + 1
    }

    /// Blanks `argument` from byte `offset`: all of it for passwords and tokens, only the
    /// password of `user:password@` for URLs.
    private static func blank(_ argument: UnsafeMutablePointer<CChar>, from offset: Int, kind: String) {
        let length = strlen(argument)
        guard offset < length else { return }
        var range = offset..<length
        if urlOptions.contains(kind) {
            guard let secret = urlPassword(argument, from: offset, length: length) else { return }
            range = secret
        }
        for i in range { argument[i] = CChar(UInt8(ascii: "x")) }
    }

    /// Where the password of `scheme://user:password@host` is, if there is one.
    private static func urlPassword(_ argument: UnsafeMutablePointer<CChar>, from offset: Int, length: Int) -> Range<Int>? {
        let bytes = (offset..<length).map { UInt8(bitPattern: argument[$0]) }
        guard let schemeEnd = firstIndex(of: Array("://".utf8), in: bytes) else { return nil }
        let authorityStart = schemeEnd + 3
        let authorityEnd = bytes[authorityStart...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
        guard let at = bytes[authorityStart..<authorityEnd].lastIndex(of: UInt8(ascii: "@")),
              let colon = bytes[authorityStart..<at].firstIndex(of: UInt8(ascii: ":")) else { return nil }
        return (offset + colon + 1)..<(offset + at)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }
}
