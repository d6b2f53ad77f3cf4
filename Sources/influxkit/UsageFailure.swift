/// A usage error found after the arguments were parsed (a malformed config file, a profile
/// that does not exist): reported as `influxkit: message`, exit status 64.
struct UsageFailure: Error, CustomStringConvertible {
    /// What is wrong, one short line (`FILE:LINE: reason` for a file).
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
