/// A failure of the command at run time that is neither the server's nor a usage error (an
/// input that cannot be read): reported as `influxkit: message`, exit status 1.
struct RunFailure: Error, CustomStringConvertible {
    /// What went wrong, one short lower-case line.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
