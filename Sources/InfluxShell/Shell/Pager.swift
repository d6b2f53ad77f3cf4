import Dispatch
import Glibc
import Synchronization

/// The output of one statement on a terminal: held while it fits on the screen, and sent
/// through the pager (`$PAGER`, `less -SRXF` by default) as soon as it is taller. Output that
/// fits prints when the statement ends, or after ``patience`` seconds without filling the screen
/// (a slow stream prints as it arrives, without the pager); rows streamed after the pager
/// started go straight to it.
final class Pager: @unchecked Sendable {
    /// How long output is held before it prints without the pager.
    static let patience = 0.5

    /// The shell command of the pager: `$PAGER`, or `less -SRXF` when it is not set; `nil` when
    /// `$PAGER` is empty or `less` is not installed.
    static var command: String? {
        if let pager = getenv("PAGER").map({ String(cString: $0) }) {
            return pager.allSatisfy(\.isWhitespace) ? nil : pager
        }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        let hasLess = path.split(separator: ":").contains { access("\($0)/less", X_OK) == 0 }
        return hasLess ? "less -SRXF" : nil
    }

    private let descriptor: Int32
    private let command: String
    private let screen: TerminalSize
    /// Seconds output is held before it prints without the pager; `nil`: until it fills the
    /// screen or the statement ends.
    private let holding: Double?
    private var held: [UInt8] = []
    private var lines = 0
    private var column = 0
    private var pipe: Int32 = -1
    private var child: pid_t = 0
    private var savedPipeAction = sigaction()
    private var direct = false
    private var timerStarted = false
    /// Guards the state: the timer that ends the holding runs on another thread.
    private let lock = Mutex(())
    private var quitByUser = false
    /// Whether the pager ended before it was given everything (the user quit it).
    var quit: Bool { lock.withLock { _ in quitByUser } }

    /// Pages what is written to `descriptor` (a terminal of size `screen`) through `command`;
    /// output that does not fill the screen is held for `patience` seconds at most (`nil`:
    /// until ``finish()``, so that what is paged does not depend on how fast it came).
    init(descriptor: Int32, command: String, screen: TerminalSize, patience: Double? = Pager.patience) {
        self.descriptor = descriptor
        self.command = command
        self.screen = screen
        self.holding = patience
    }

    /// Takes more output: held, or passed on to the pager once it runs.
    func write(_ bytes: [UInt8]) {
        lock.withLock { _ in
            guard !quitByUser, !bytes.isEmpty else { return }
            if child != 0 {
                send(bytes)
            } else if direct {
                printDirectly(bytes)
            } else {
                held.append(contentsOf: bytes)
                count(bytes)
                if lines >= screen.rows - 1 {
                    startPager()
                } else if !timerStarted, let holding {
                    timerStarted = true
                    DispatchQueue.global().asyncAfter(deadline: .now() + holding) { self.release() }
                }
            }
        }
    }

    /// Prints what is held, or closes the pager's input and waits for the user to leave it.
    func finish() {
        lock.withLock { _ in
            printHeld()
            guard child != 0 else { return }
            close(pipe)
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
            child = 0
            sigaction(SIGPIPE, &savedPipeAction, nil)
        }
    }

    /// Prints what is held, without the pager, once the output was slow to fill the screen.
    private func release() {
        lock.withLock { _ in printHeld() }
    }

    /// Prints what is held and lets later output through, unless the pager runs (the lock held).
    private func printHeld() {
        guard child == 0, !direct else { return }
        direct = true
        printDirectly(held)
        held = []
    }

    /// Writes to the terminal without the pager; a failure is recorded in ``OutputFailure``.
    private func printDirectly(_ bytes: [UInt8]) {
        if !Self.write(bytes, to: descriptor) { OutputFailure.record(descriptor: descriptor, code: errno) }
    }

    /// Counts the screen lines of `bytes`, long lines taking as many as they wrap into.
    private func count(_ bytes: [UInt8]) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                lines += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {  // the first byte of a character
                column += 1
                if column > screen.columns {
                    lines += 1
                    column = 1
                }
            }
        }
    }

    private func startPager() {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { return }
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)  // no other child may hold the pager's input open
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_adddup2(&actions, descriptor, 1)
        if ends[0] != 0 { posix_spawn_file_actions_addclose(&actions, ends[0]) }
        let arguments = ["/bin/sh", "-c", command]
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let started = posix_spawn(&child, "/bin/sh", &actions, nil, &cArguments, environ)
        close(ends[0])
        guard started == 0 else {
            child = 0
            close(ends[1])
            return
        }
        pipe = ends[1]
        // The pager may end first (q): writes then fail with EPIPE instead of killing the shell.
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGPIPE, &ignore, &savedPipeAction)
        let bytes = held
        held = []
        send(bytes)
    }

    private func send(_ bytes: [UInt8]) {
        if !Self.write(bytes, to: pipe) { quitByUser = true }
    }

    /// Writes all of `bytes`; false (with `errno` set) when the reader is gone or the write failed.
    @discardableResult
    private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            if written == 0 {
                errno = EIO
                return false
            }
            offset += written
        }
        return true
    }
}
