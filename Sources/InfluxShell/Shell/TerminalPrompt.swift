import Glibc

/// Questions asked on the terminal (`/dev/tty`): passwords for `auth`, the connection and new users.
public enum TerminalPrompt {
    /// Opens the terminal, prints `prompt` and reads one line; without `echo`, typing is not
    /// shown. `nil` when there is no terminal.
    public static func ask(_ prompt: String, echo: Bool) -> String? {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else { return nil }
        defer { close(terminal) }
        return read(prompt: prompt, terminal: terminal, echo: echo)
    }

    /// Prints `prompt` on `terminal` and reads one line. Without `echo`, echo is turned off
    /// before the prompt shows, so nothing typed after it is echoed or discarded.
    public static func read(prompt: String, terminal: Int32, echo: Bool) -> String {
        // What is typed without echo is a secret: from now on, no core dump holds it.
        if !echo { CoreDumps.disable() }
        var saved = termios()
        let quiet = !echo && tcgetattr(terminal, &saved) == 0
        if quiet {
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(terminal, TCSAFLUSH, &silent)
        }
        _ = prompt.withCString { write(terminal, $0, strlen($0)) }
        defer {
            if quiet {
                tcsetattr(terminal, TCSAFLUSH, &saved)
                _ = write(terminal, "\n", 1)
            }
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(terminal, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
