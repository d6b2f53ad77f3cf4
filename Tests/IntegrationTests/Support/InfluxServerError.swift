import Glibc

/// Why the test server could not be started or reached.
enum InfluxServerError: Error, CustomStringConvertible {
    /// No `influxd` executable on `PATH`.
    case influxdNotFound
    /// No pair of free ports was found.
    case noFreePort
    /// `influxd` exited during start-up (a port taken meanwhile, a bad configuration…).
    case exitedDuringStart(log: String)
    /// `influxd` did not answer `/ping` in time.
    case startTimedOut(seconds: Int, log: String)
    /// Nothing accepted a connection on the port.
    case connectionFailed(port: Int, errno: Int32)
    /// A system call failed.
    case system(String, Int32)
    /// The reply was not HTTP.
    case malformedResponse(String)
    /// A statement run through `execute` failed.
    case statementFailed(statement: String, status: Int, body: String)

    var description: String {
        switch self {
        case .influxdNotFound:
            "influxd is not on PATH: the integration tests need InfluxDB 1.x. Install it with "
                + "scripts/bootstrap (or: apt-get install influxdb), "
                + "or set INFLUXKIT_SKIP_INTEGRATION=1 to skip these tests"
        case .noFreePort:
            "no free pair of ports found in \(LoopbackPort.candidates) on 127.0.0.1"
        case let .exitedDuringStart(log):
            "influxd exited during start-up; end of its log:\n\(log)"
        case let .startTimedOut(seconds, log):
            "influxd did not answer /ping within \(seconds) s; end of its log:\n\(log)"
        case let .connectionFailed(port, code):
            "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(code)))"
        case let .system(call, code):
            "\(call) failed: \(String(cString: strerror(code)))"
        case let .malformedResponse(start):
            "not an HTTP response: \(start)"
        case let .statementFailed(statement, status, body):
            "\(statement) failed with HTTP \(status): \(body)"
        }
    }
}
