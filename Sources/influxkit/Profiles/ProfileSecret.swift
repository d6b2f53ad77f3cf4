import FoundationEssentials
import Glibc

/// The password (or token) of a profile: the first line a `password-command` prints, run
/// without a shell, or the first line of a `password-file` that only its owner can read.
///
/// The secret goes from the command's output into the configuration: it is never an argument
/// of a process, and messages name the command or the file, never what they gave.
enum ProfileSecret {
    /// The secret of `profile`, or nil when it has neither setting.
    static func read(for profile: Profile) throws -> String? {
        if let command = profile.passwordCommand { return try run(command, profile: profile.name) }
        if let path = profile.passwordFile { return try read(file: path, profile: profile.name) }
        return nil
    }

    /// The first line of `path`, refused unless the file is a regular file with mode 0600 or
    /// 0400 (readable by its owner only).
    static func read(file path: String, profile: String) throws -> String {
        try checkMode(of: path, profile: profile)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw UsageFailure("password-file of profile '\(profile)': \(path) cannot be read")
        }
        return firstLine(text)
    }

    /// Refuses a password file that others could read, with the command that fixes it.
    static func checkMode(of path: String, profile: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw UsageFailure("password-file of profile '\(profile)': \(path) does not exist")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw UsageFailure("password-file of profile '\(profile)': \(path) is not a regular file")
        }
        let permissions = status.st_mode & 0o777
        guard permissions & 0o077 == 0 else {
            let mode = String(permissions, radix: 8)
            throw UsageFailure(
                "password-file of profile '\(profile)': \(path) has mode 0\(mode), readable by others; "
                    + "make it the owner's alone: chmod 600 \(path)")
        }
    }

    /// Runs `command`, split into words (quotes group words, nothing else is special), and
    /// gives the first line it printed.
    static func run(_ command: String, profile: String) throws -> String {
        let words = try CommandWords.split(command)
        guard let program = words.first else {
            throw UsageFailure("password-command of profile '\(profile)' is empty")
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw RunFailure("password-command: cannot make a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        var arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var child: pid_t = 0
        let started = posix_spawnp(&child, program, &actions, nil, &arguments, environ)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard started == 0 else {
            throw UsageFailure("password-command of profile '\(profile)': cannot run \(program): \(String(cString: strerror(started)))")
        }
        let output = readAll(pipeEnds[0])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            let how = exited ? "exit status \(code)" : "signal \(status & 0x7f)"
            throw RunFailure("password-command of profile '\(profile)' failed (\(how)): \(command)")
        }
        return firstLine(String(decoding: output, as: UTF8.self))
    }

    private static func readAll(_ descriptor: Int32) -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0, output.count < 1 << 20 else { break }
            output += buffer[0..<count]
        }
        return output
    }

    private static func firstLine(_ text: String) -> String {
        var line = text.prefix { $0 != "\n" && $0 != "\r\n" }
        if line.hasSuffix("\r") { line.removeLast() }
        return String(line)
    }
}
