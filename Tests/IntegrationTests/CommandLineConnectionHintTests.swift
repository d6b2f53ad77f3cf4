import Foundation
import InfluxKit
import Testing

/// What influxkit says when a connection goes wrong in a way the user can fix: the hint names
/// the cause, not a flag that would not help.
@Suite(.integration)
struct CommandLineConnectionHintTests {
    @Test func httpsAgainstAPlainHTTPServerSaysItSpeaksPlainHTTP() throws {
        let peer = try HTTPPeer(.influxdb)
        let port = peer.port
        for arguments in [["--url", "https://127.0.0.1:\(port)"], ["--host", "127.0.0.1", "--port", String(port), "--ssl"]] {
            let run = try CommandLineTests.influxkit(["ping", "--retries", "0"] + arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("the server seems to speak plain http"), "\(arguments): \(run.stderr)")
            #expect(!run.stderr.contains("--ca-cert"), "\(run.stderr)")
        }
    }

    @Test func aMissingCertificateFileSaysItDoesNotExist() throws {
        for option in ["--ca-cert", "--client-cert"] {
            let run = try CommandLineTests.influxkit(["ping", "--port", "1", option, "/nonexistent/ca.pem"])
            #expect(run.status == 64, "\(option)")
            #expect(run.stderr.contains("\(option) /nonexistent/ca.pem: the file does not exist"), "\(run.stderr)")
            #expect(!run.stderr.contains("trust its CA"))
        }
        let copy = try CommandLineTests.influxkit(["copy", "--from", "http://127.0.0.1:1", "--to", "http://127.0.0.1:2", "--ca-cert", "/nonexistent/ca.pem"])
        #expect(copy.status == 64)
        #expect(copy.stderr.contains("the file does not exist"))

        let home = try CommandLineProfileTests.ConfigHome("[p]\nport = 1\nca-cert = \"/nonexistent/profile-ca.pem\"\n")
        let fromProfile = try home.run(["ping", "-P", "p"])
        #expect(fromProfile.status == 64)
        #expect(fromProfile.stderr.contains("ca-cert /nonexistent/profile-ca.pem of profile 'p'"), "\(fromProfile.stderr)")
        #expect(fromProfile.stderr.contains("the file does not exist"))
    }

    @Test func aNotFoundPingHintsAtThePathPrefix() throws {
        let peer = try HTTPPeer(.html, status: 404)
        let run = try CommandLineTests.influxkit(["ping", "--retries", "0", "--url", "\(peer.url)/wrong/prefix"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("is the path prefix of the url right?"), "\(run.stderr)")
        #expect(try peer.requests().map(\.path) == ["/wrong/prefix/ping"])
    }

    @Test func aWrongPasswordDoesNotAskForAPassword() throws {
        let server = try InfluxServer.authenticated()
        let admin = try #require(server.admin)
        let connection = CommandLineTests.connection(server)
        let wrong = try CommandLineTests.influxkit(["query", "-u", admin.username, "-p", "not-the-password", "SHOW USERS"] + connection)
        #expect(wrong.status == 4)
        #expect(wrong.stderr.contains("the user name or the password is wrong"), "\(wrong.stderr)")
        #expect(!wrong.stderr.contains("-p"), "a password was given: \(wrong.stderr)")
        let unknownUser = try CommandLineTests.influxkit(["query", "-u", "nobody", "-p", "x", "SHOW USERS"] + connection)
        #expect(unknownUser.status == 4)
        #expect(unknownUser.stderr.contains("the user name or the password is wrong"))

        let none = try CommandLineTests.influxkit(["query", "SHOW USERS"] + connection)
        #expect(none.status == 4)
        #expect(none.stderr.contains("give a user with -u and its password with -p"), "no credentials: the hint says how to give them: \(none.stderr)")
    }
}
