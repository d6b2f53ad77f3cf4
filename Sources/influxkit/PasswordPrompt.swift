import Glibc
import InfluxKit
import InfluxShell

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
        } catch let error as InfluxError where error.code == .authentication {
            let password = TerminalPrompt.read(prompt: "password for \(user): ", terminal: terminal, echo: false)
            try client.switchUser(user, password: password)
        }
    }
}
