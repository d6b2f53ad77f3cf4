/// The ranges the connection settings must fall in, whichever place gives them: a flag, an
/// `INFLUX_*` variable, a profile in the config file or `config add`.
enum SettingLimits {
    /// TCP ports.
    static let ports = 1...65535

    /// Seconds a request may take: positive, finite and at most a year (`inf` once passed a
    /// plain `> 0` check and trapped when made milliseconds).
    static let timeouts = 0.0...31_536_000

    /// Whether `seconds` is a time limit a command accepts.
    static func isTimeout(_ seconds: Double) -> Bool {
        seconds > 0 && timeouts.contains(seconds)
    }
}
