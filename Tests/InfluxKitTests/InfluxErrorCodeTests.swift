import InfluxKit
import Testing

/// `InfluxError` is a struct with a `Code`: callers test the code, read the details, and keep
/// compiling when codes are added; the descriptions stay what they were.
@Suite struct InfluxErrorCodeTests {
    @Test func eachErrorHasItsCodeDetailsAndMessage() {
        let cases: [(InfluxError, InfluxError.Code, String)] = [
            (.connectionFailed(url: "http://h:8086", reason: "connection refused"), .connectionFailed,
             "cannot connect to http://h:8086: connection refused"),
            (.tls(url: "https://h:8086", reason: "bad certificate"), .tls, "tls error with https://h:8086: bad certificate"),
            (.timeout(url: "http://h:8086", seconds: 2.5), .timeout, "timed out after 2.5s talking to http://h:8086"),
            (.timeout(url: "http://h:8086", seconds: 10, attempts: 4), .timeout,
             "timed out after 10s talking to http://h:8086 (4 attempts)"),
            (.cancelled, .cancelled, "cancelled"),
            (.authentication(message: "authorization failed"), .authentication, "authentication failed: authorization failed"),
            (.authorization(message: "forbidden"), .authorization, "not authorized: forbidden"),
            (.notFound(message: "database not found: \"x\""), .notFound, "not found: database not found: \"x\""),
            (.http(status: 500, message: "boom"), .http, "server answered http 500: boom"),
            (.http(status: 502, message: ""), .http, "server answered http 502"),
            (.partialWrite(message: "partial write: dropped=1", dropped: 1), .partialWrite,
             "partial write, 1 point dropped: partial write: dropped=1"),
            (.rejectedLines([RejectedLine(line: 3, reason: "bad")]), .rejectedLines, "partial write, 1 point rejected: line 3: bad"),
            (.unsupportedStatement(server: "InfluxDB 2.x", statement: "CREATE DATABASE"), .unsupportedStatement,
             "influxdb 2.x does not run create database through influxql: manage that with its own api or cli"),
            (.statement(index: 1, message: "database not found"), .statement, "statement 2 failed: database not found"),
            (.notInfluxDB(status: 200, reason: "html"), .notInfluxDB, "not an influxdb server (http 200): html"),
            (.malformedResponse(reason: "truncated"), .malformedResponse, "malformed response: truncated"),
            (.invalidArgument("bad precision"), .invalidArgument, "invalid argument: bad precision"),
            (.invalidPoint(reason: "no fields"), .invalidPoint, "invalid point: no fields"),
            (.invalidLine(line: 7, reason: "missing fields"), .invalidLine, "line 7: missing fields"),
            (.libcurl(reason: "could not create a handle"), .libcurl, "libcurl error: could not create a handle"),
            (.zlib(reason: "could not start a gzip stream"), .zlib, "zlib error: could not start a gzip stream"),
        ]
        for (error, code, description) in cases {
            #expect(error.code == code)
            #expect(error.description == description)
        }
        #expect(Set(cases.map(\.1)).count == 19, "every code is distinct")
    }

    @Test func detailsAreReadFromProperties() {
        let timeout = InfluxError.timeout(url: "http://h:8086", seconds: 3, attempts: 2)
        #expect(timeout.url == "http://h:8086" && timeout.seconds == 3 && timeout.attempts == 2)
        let http = InfluxError.http(status: 429, message: "slow down")
        #expect(http.status == 429 && http.message == "slow down")
        #expect(InfluxError.partialWrite(message: "m", dropped: 5).droppedPoints == 5)
        #expect(InfluxError.invalidLine(line: 9, reason: "r").lineNumber == 9)
        #expect(InfluxError.statement(index: 4, message: "m").statementIndex == 4)
    }

    @Test func errorsAreEqualOnlyWhenEverythingIs() {
        #expect(InfluxError.http(status: 500, message: "a") == .http(status: 500, message: "a"))
        #expect(InfluxError.http(status: 500, message: "a") != .http(status: 503, message: "a"))
        #expect(InfluxError.notFound(message: "a") != .authorization(message: "a"))
        #expect(InfluxError.invalidArgument("x") != .zlib(reason: "x"))
    }

    /// A switch over codes needs a `default`, so adding a code later breaks nobody.
    @Test func aSwitchOverCodesKeepsCompilingWithADefault() {
        func exitCode(_ error: InfluxError) -> Int {
            switch error.code {
            case .connectionFailed, .tls, .timeout: return 2
            case .authentication, .authorization: return 4
            default: return 1
            }
        }
        #expect(exitCode(.timeout(url: "u", seconds: 1)) == 2)
        #expect(exitCode(.authorization(message: "no")) == 4)
        #expect(exitCode(.zlib(reason: "r")) == 1)
    }

    @Test func zlibFailuresHaveTheirOwnCode() {
        #expect(throws: InfluxError.zlib(reason: "could not start a gzip stream")) { try Gzip(level: 42) }
    }

    /// libcurl refuses strings longer than 8 MB (`CURL_MAX_INPUT_LENGTH`).
    @Test func libcurlFailuresHaveTheirOwnCode() {
        var configuration = ClientConfiguration()
        configuration.userAgent = String(repeating: "a", count: 9_000_000)
        #expect {
            _ = try InfluxClient(configuration: configuration)
        } throws: { error in
            guard let error = error as? InfluxError else { return false }
            return error.code == .libcurl && error.message.hasPrefix("option rejected: ")
        }
    }
}
