/// One point a server rejected in a write it otherwise stored, named by its line in the request
/// body (InfluxDB 3.x answers 400 with up to 100 of them).
public struct RejectedLine: Sendable, Equatable {
    /// The line in the request body, counting from 1.
    public var line: Int
    /// The server's reason.
    public var reason: String
    /// The line as the server quotes it, when it does.
    public var text: String?

    /// Creates a rejected line.
    public init(line: Int, reason: String, text: String? = nil) {
        self.line = line
        self.reason = reason
        self.text = text
    }
}
