import Glibc

/// Questions asked on the terminal (`/dev/tty`), such as the password of `auth`.
enum TerminalPrompt {
    /// Prints `prompt` and reads one line; without `echo`, typing is not shown. `nil` when there
    /// is no terminal.
    static func ask(_ prompt: String, echo: Bool) -> String? {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else { return nil }
        defer { close(terminal) }
        var saved = termios()
        let isTerminal = tcgetattr(terminal, &saved) == 0
        if isTerminal && !echo {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(terminal, TCSAFLUSH, &quiet)
        }
        _ = prompt.withCString { write(terminal, $0, strlen($0)) }
        defer {
            if isTerminal && !echo {
                tcsetattr(terminal, TCSAFLUSH, &saved)
                _ = write(terminal, "\n", 1)
            }
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(terminal, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
