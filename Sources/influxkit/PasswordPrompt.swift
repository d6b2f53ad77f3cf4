import Glibc
import InfluxKit

/// Asks for a password on the terminal, without echo.
enum PasswordPrompt {
    /// When a user name was given without a password and a terminal is at hand, checks whether
    /// the server wants a password (one request that needs authentication) and, on 401, asks for
    /// it and switches the client to it.
    static func askIfNeeded(_ client: InfluxClient) throws {
        let settings = client.configuration
        guard let user = settings.username, settings.password == nil, settings.token == nil else { return }
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else { return }
        defer { close(terminal) }
        do {
            _ = try client.query("SHOW DATABASES")
        } catch InfluxError.authentication {
            let password = try read(prompt: "password for \(user): ", terminal: terminal)
            try client.switchUser(user, password: password)
        }
    }

    /// Prints `prompt` on `terminal` and reads one line with echo turned off (turned off
    /// before the prompt shows, so nothing typed after it is echoed or discarded).
    static func read(prompt: String, terminal: Int32) throws -> String {
        var saved = termios()
        let isTerminal = tcgetattr(terminal, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(terminal, TCSAFLUSH, &quiet)
        }
        _ = prompt.withCString { write(terminal, $0, strlen($0)) }
        defer {
            if isTerminal { tcsetattr(terminal, TCSAFLUSH, &saved) }
            _ = write(terminal, "\n", 1)
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
