import Foundation
import InfluxKit
import Testing

/// `influxkit` against servers that speak the 1.x protocol but are not InfluxDB 1.x: the scripted
/// peer answering as InfluxDB 2.x and 3.x are documented to (peer_servers.py cites the pages),
/// and as a store without version headers.
@Suite(.integration)
struct ServerCompatibilityTests {
    func influxkit(_ arguments: [String], _ input: String = "") throws -> CommandLineTests.Run {
        try CommandLineTests.influxkit(arguments, input: input)
    }

    static let token = "Tok-3n-Secret-77"

    @Test(arguments: [
        (HTTPPeer.Mode.influxdb, "InfluxDB 1.6.7-peer"),
        (.influxdb2, "InfluxDB 2.7.11 (OSS)"),
        (.influxdb3, "InfluxDB 3.1.0 (Core)"),
        (.influxdb3Cloud, "InfluxDB 3.1.0"),
        (.bare, "unknown server, 1.x write API"),
    ])
    func pingSaysWhatTheServerIs(mode: HTTPPeer.Mode, expected: String) throws {
        let peer = try HTTPPeer(mode, token: Self.token)
        let run = try influxkit(["ping", "--url", peer.url, "--token", Self.token])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("\(peer.url) \(expected) "), "\(run.stdout)")
        #expect(run.stdout.hasSuffix(" ms\n"))
        #expect(try peer.requests().map(\.method) == ["GET"])
    }

    @Test func pingOfTheRealInfluxdNamesItsVersionAndEdition() throws {
        let server = try InfluxServer.shared()
        let run = try influxkit(["ping"] + CommandLineTests.connection(server))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(" InfluxDB 1.6.7~rc0 (OSS) "), "Debian's build names itself so: \(run.stdout)")
        let info = try server.client().serverInfo()
        #expect(info.kind == .influxDB1 && info.version == "1.6.7~rc0" && info.edition == "OSS")
    }

    @Test func pingWithoutTheTokenA3xServerWantsIsAnAuthenticationFailure() throws {
        let peer = try HTTPPeer(.influxdb3, token: Self.token)
        let run = try influxkit(["ping", "--url", peer.url, "--retries", "0"])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stderr.contains("authentication failed: the server asks for credentials on /ping"))
        #expect(run.stderr.contains("--token"))
    }

    @Test func verbosePingShowsTheHeaders() throws {
        let peer = try HTTPPeer(.influxdb3, token: Self.token)
        let run = try influxkit(["ping", "--url", peer.url, "--token", Self.token, "--auth-scheme", "bearer", "-v"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\n  x-influxdb-build: Core\n"))
        #expect(run.stdout.contains("\n  x-influxdb-version: 3.1.0\n"))
        #expect(!run.stdout.contains(Self.token) && !run.stderr.contains(Self.token))
    }

    @Test func aPageThatIsNoServerIsStillRefused() throws {
        let peer = try HTTPPeer(.html, status: 200)
        let run = try influxkit(["ping", "--url", peer.url])
        #expect(run.status == 2)
        #expect(run.stderr.contains("not an influxdb server (http 200)"))
    }

    @Test(arguments: [
        (HTTPPeer.Mode.influxdb2, "token", 0), (.influxdb2, "bearer", 4), (.influxdb2, "basic", 0),
        (.influxdb3, "token", 0), (.influxdb3, "bearer", 0), (.influxdb3, "basic", 0),
    ])
    func theTokenTakesTheFormTheServerAccepts(mode: HTTPPeer.Mode, scheme: String, status: Int32) throws {
        let peer = try HTTPPeer(mode, token: Self.token, databases: ["db"])
        let run = try influxkit(["write", "--url", peer.url, "-d", "db", "--retries", "0", "--token", Self.token, "--auth-scheme", scheme], "m v=1 1\n")
        #expect(run.status == status, "\(run.stderr)")
        #expect(!run.stdout.contains(Self.token) && !run.stderr.contains(Self.token))
        // The first request (the writer asks for the field types before it writes) carries the token too.
        let sent = try #require(try peer.requests().first).header("Authorization")
        switch scheme {
        case "token": #expect(sent == ["Token \(Self.token)"])
        case "bearer": #expect(sent == ["Bearer \(Self.token)"])
        default: #expect(sent == ["Basic " + Data("influxkit:\(Self.token)".utf8).base64EncodedString()])
        }
        if status == 4 { #expect(run.stderr.contains("authentication failed: unauthorized access")) }
    }

    @Test func anAuthSchemeWithoutATokenIsAUsageError() throws {
        let run = try influxkit(["ping", "--auth-scheme", "bearer"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--auth-scheme needs a token"))
    }

    @Test func a2xPartialWriteIsCountedLikeA1xOne() throws {
        let peer = try HTTPPeer(.influxdb2, databases: ["db"])
        let run = try influxkit(["write", "--url", peer.url, "-d", "db", "--precision", "s"], "m,k=1 v=1 1\nm,k=2 bad=\"x\" 2\nm,k=3 v=3 3\n")
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("server dropped 1 point of lines 1-3"), "\(run.stderr)")
        #expect(run.stderr.contains("wrote 2 points, rejected 1 line"), "\(run.stderr)")
    }

    @Test func a2xRefusalOfAWholeBatchForOneLineIsNarrowedToThatLine() throws {
        let peer = try HTTPPeer(.influxdb2, databases: ["db"])
        let input = (1...6).map { "m,k=\($0) v=\($0) \($0)" }.joined(separator: "\n").replacingOccurrences(of: "m,k=4 v=4", with: "m,k=4 unparsable=4") + "\n"
        let run = try influxkit(["write", "--url", peer.url, "-d", "db", "--precision", "s"], input)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").filter { $0.hasPrefix("-:") } == ["-:4: invalid field format"], "\(run.stderr)")
        #expect(run.stderr.contains("wrote 5 points, rejected 1 line"), "\(run.stderr)")
        let stored = try peer.requests().filter { $0.path == "/write" }.map { String(decoding: $0.bodyBytes, as: UTF8.self) }
            .filter { !$0.contains("unparsable") }.joined().split(separator: "\n").count
        #expect(stored == 5, "every good line was sent again in a batch the server took")
    }

    @Test func a3xPartialWriteNamesItsInputLinesThroughTheSorting() throws {
        let peer = try HTTPPeer(.influxdb3)
        let input = "z,k=1 v=1 1\na,k=1 bad=\"x\" 2\nm,k=1 v=3 3\na,k=2 v=4 4\nb,k=1 bad=\"y\" 5\n"
        let run = try influxkit(["write", "--url", peer.url, "-d", "db", "--precision", "s"], input)
        #expect(run.status == 3, "\(run.stderr)")
        let body = String(decoding: try #require(try peer.requests().first { $0.path == "/write" }).bodyBytes, as: UTF8.self)
        #expect(body != input, "the lines were sorted by series: the body's line numbers are not the input's")
        let reported = run.stderr.split(separator: "\n").filter { $0.hasPrefix("-:") }
        #expect(reported == [
            "-:2: invalid column type for column 'bad', expected float, got string",
            "-:5: invalid column type for column 'bad', expected float, got string",
        ], "\(run.stderr)")
        #expect(run.stderr.contains("wrote 3 points, rejected 2 lines"), "\(run.stderr)")
    }

    @Test func a2xDatabaseWithoutMappingPointsAtTheDBRPCommand() throws {
        let peer = try HTTPPeer(.influxdb2, databases: ["db"])
        let run = try influxkit(["write", "--url", peer.url, "-d", "nope"], "m v=1 1\n")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains(#"database not found: "nope""#))
        #expect(run.stderr.contains("influx v1 dbrp create --db DB --rp RP --bucket-id ID"))
    }

    @Test func a2xQueryOfAnUnmappedDatabasePointsAtTheDBRPCommandToo() throws {
        let peer = try HTTPPeer(.influxdb2, databases: ["db"])
        let run = try influxkit(["query", "--url", peer.url, "-d", "nope", "SELECT * FROM m"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("statement 1: database not found: nope (influxdb 2.x maps"), "\(run.stderr)")
        #expect(run.stderr.contains("influx v1 dbrp create"))

        let onInflux1 = try HTTPPeer(.influxdb, queryBody: [#"{"results":[{"statement_id":0,"error":"database not found: nope"}]}"#])
        let plain = try influxkit(["query", "--url", onInflux1.url, "-d", "nope", "SELECT * FROM m"])
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("statement 1: database not found: nope\n"), "no mapping on 1.x: \(plain.stderr)")
    }

    @Test(arguments: [
        (HTTPPeer.Mode.influxdb2, ["db", "create", "metrics"], "influxdb 2.x (oss) does not run create database through influxql"),
        (.influxdb2, ["grant", "add", "read", "db", "alice"], "influxdb 2.x (oss) does not run grant through influxql"),
        (.influxdb3, ["user", "drop", "alice"], "influxdb 3.x (core) does not run drop user through influxql"),
        (.influxdb3, ["rp", "drop", "week", "-d", "db"], "influxdb 3.x (core) does not run drop retention policy through influxql"),
    ])
    func adminStatementsTheServerDoesNotRunSaySo(mode: HTTPPeer.Mode, arguments: [String], message: String) throws {
        let peer = try HTTPPeer(mode)
        let run = try influxkit(arguments + ["--url", peer.url])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")

        let sent = try peer.requests().count
        let dry = try influxkit(arguments + ["--url", peer.url, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix(arguments[1] == "add" ? "GRANT" : arguments[1] == "create" ? "CREATE" : "DROP"), "\(dry.stdout)")
        #expect(try peer.requests().count == sent, "a dry run sends nothing")
    }

    @Test(arguments: [
        (HTTPPeer.Mode.influxdb2, "ERR: influxdb 2.x (oss) does not run create database through influxql"),
        (.influxdb3, "ERR: influxdb 3.x (core) does not run create database through influxql"),
    ])
    func theShellSaysSoToo(mode: HTTPPeer.Mode, message: String) throws {
        let peer = try HTTPPeer(mode, databases: ["db"])
        let run = try influxkit(["shell", "--url", peer.url, "-d", "db"], "CREATE DATABASE x\nSHOW DATABASES\n")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.status == 1, "\(run.stderr)")
    }

    @Test func copyIntoA3xServerSendsItsTokenInTheChosenSchemeAndKeepsStrings() throws {
        let source = try InfluxServer.shared()
        let database = try source.createDatabase()
        try source.client().write(lines: ["m,k=a v=1,s=\"x\" 1", "m,k=b v=2,s=\"y\" 2"], database: database, precision: .seconds)
        let peer = try HTTPPeer(.influxdb3, token: Self.token)
        let run = try CommandLineTests.influxkit([
            "copy", "--from", "http://127.0.0.1:\(source.port)", "--to", peer.url, "-d", database,
            "--to-token", Self.token, "--to-auth-scheme", "bearer",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains(Self.token) && !run.stdout.contains(Self.token))
        let requests = try peer.requests()
        #expect(requests.first?.path == "/ping")
        #expect(requests.allSatisfy { $0.header("Authorization") == ["Bearer \(Self.token)"] })
        let written = requests.filter { $0.path == "/write" }.map { String(decoding: $0.bodyBytes, as: UTF8.self) }.joined()
        #expect(written.contains("s=\"x\""), "an InfluxDB destination keeps string fields: \(written)")
    }

    @Test func minutesAreSentAsSecondsTo2x() throws {
        let peer = try HTTPPeer(.influxdb2, databases: ["db"])
        let run = try influxkit(["write", "--url", peer.url, "-d", "db", "--precision", "m"], "m v=1 2\nm v=2 3\n")
        #expect(run.status == 0, "\(run.stderr)")
        let write = try #require(try peer.requests().first { $0.path == "/write" })
        #expect(write.target.contains("precision=s"))
        #expect(String(decoding: write.bodyBytes, as: UTF8.self) == "m v=1 120\nm v=2 180\n")
    }
}
