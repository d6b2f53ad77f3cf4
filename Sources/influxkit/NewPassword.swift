import Glibc
import InfluxKit
import InfluxShell

/// The new password of `user create` and `user password`; never an argument.
enum NewPassword {
    /// Asks twice without echo when standard input is a terminal, else reads the first line of
    /// standard input. Empty or mismatched passwords are refused.
    static func read(for user: String) throws -> String {
        let password: String
        if isatty(STDIN_FILENO) == 1 {
            let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
            guard terminal >= 0 else { throw InfluxError.invalidArgument("no terminal to ask for the new password") }
            defer { close(terminal) }
            password = TerminalPrompt.read(prompt: "new password for \(user): ", terminal: terminal, echo: false)
            let again = TerminalPrompt.read(prompt: "new password again: ", terminal: terminal, echo: false)
            guard password == again else { throw InfluxError.invalidArgument("the two passwords differ") }
        } else {
            password = try ConnectionOptions.readPasswordLine()
        }
        guard !password.isEmpty else { throw InfluxError.invalidArgument("the new password is empty") }
        return password
    }

    /// Refuses `--password-stdin` when the new password comes from standard input too.
    static func checkInput(_ connection: ConnectionOptions) throws {
        if connection.passwordStdin && isatty(STDIN_FILENO) != 1 {
            throw InfluxError.invalidArgument("--password-stdin and the new password cannot both come from standard input")
        }
    }
}
