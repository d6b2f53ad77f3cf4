import Foundation
import Glibc

/// A program on a real pseudo-terminal: a tmux server of its own (`tmux -L NAME`, a unique
/// name), one session of a known size, keys sent with `send-keys`, the screen read with
/// `capture-pane`. ``close()`` kills the tmux server; a `timeout -s KILL` around the program
/// ends it even if it ignores the hang-up.
final class TerminalSession {
    /// The name of the tmux socket.
    let socket = "influxkit-test-\(UUID().uuidString.prefix(12))"

    /// Starts `command` with `arguments` in `environment` (added to a clean one with `PATH` and
    /// `TERM`); no shell in between, so Ctrl-C reaches the program alone. When the program exits
    /// its pane stays, showing `Pane is dead (status N, …)`.
    init(_ command: String, arguments: [String], environment: [String: String], width: Int = 120, height: Int = 40) throws {
        let settings = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let program = ["env", "-i", "PATH=/usr/bin:/bin", "TERM=xterm-256color"] + settings
            + ["timeout", "--foreground", "-s", "KILL", "120", command] + arguments
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height)]
            + program + [";", "set-option", "-t", "main", "remain-on-exit", "on"])
    }

    deinit {
        close()
    }

    /// Types `text` literally (`--` first, so text starting with `-` is no option). tmux still
    /// takes a `;` at the very end of `text` for a command separator and drops it.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", "--", text])
    }

    /// Presses keys by tmux name (`Enter`, `Tab`, `C-c`, `C-d`, `Up`).
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// The screen and its scroll-back, lines joined where they wrapped.
    func screen() -> String {
        (try? tmux(["capture-pane", "-p", "-J", "-t", "main", "-S", "-500"], capture: true)) ?? ""
    }

    /// Waits until `predicate` holds for the screen, polling, for at most `seconds`; returns the
    /// last screen seen and whether it held.
    @discardableResult
    func wait(seconds: Double = 15, until predicate: (String) -> Bool) -> (screen: String, matched: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var shown = screen()
        while !predicate(shown) {
            guard Date() < deadline else { return (shown, false) }
            usleep(50_000)
            shown = screen()
        }
        return (shown, true)
    }

    /// Waits until the screen shows `text` `count` times (see ``wait(seconds:until:)``).
    @discardableResult
    func wait(for text: String, count: Int = 1, seconds: Double = 15) -> (screen: String, matched: Bool) {
        wait(seconds: seconds) { $0.components(separatedBy: text).count - 1 >= count }
    }

    /// Kills the tmux server and its programs; repeated calls do nothing.
    func close() {
        _ = try? tmux(["kill-session", "-t", "main"])
        _ = try? tmux(["kill-server"])
    }

    /// Runs one tmux command, its output written to a file, and waits for it with `waitpid`.
    ///
    /// Not with `Process`: the tmux server that `new-session` starts inherits what the client
    /// has open, and `Process` may then never see its child end.
    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = false) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket] + arguments
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }.map { "\($0.key)=\($0.value)" }
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = environment.map { strdup($0) } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        // Signals as a fresh process has them: a test thread may block SIGTERM and SIGHUP, and
        // tmux's server and programs would inherit that (kill-server itself sends SIGTERM).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, &cArguments, &cEnvironment)
        guard status == 0 else { throw CocoaError(.executableLoad) }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        return capture ? ((try? String(contentsOf: file, encoding: .utf8)) ?? "") : ""
    }
}
