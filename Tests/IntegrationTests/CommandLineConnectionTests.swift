import Foundation
import InfluxKit
import Testing

/// The connection options of the `influxkit` executable, against the real server and the
/// scripted peer.
@Suite(.integration)
struct CommandLineConnectionTests {
    func influxkit(_ arguments: [String], _ input: String, _ environment: [String: String]) throws -> CommandLineTests.Run {
        try CommandLineTests.influxkit(arguments, input: input, environment: environment)
    }

    @Test func urlAndDSNReachTheServer() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        try server.client().write(lines: ["m v=1 1"], database: database, precision: .seconds)

        let viaURL = try influxkit(["query", "--url", "http://127.0.0.1:\(server.port)", "-d", database, "--format", "csv", "--epoch", "s", "SELECT v FROM m"], "", [:])
        #expect(viaURL.status == 0)
        #expect(viaURL.stdout == "name,time,v\nm,1,1\n")

        let viaDSN = try influxkit(["query", "--dsn", "influxdb://127.0.0.1:\(server.port)/\(database)", "--format", "csv", "--epoch", "s", "SELECT v FROM m"], "", [:])
        #expect(viaDSN.status == 0)
        #expect(viaDSN.stdout == "name,time,v\nm,1,1\n")
        #expect(viaDSN.stderr.isEmpty)
    }

    @Test func theURLPathIsAPrefixOfEveryEndpoint() throws {
        let peer = try HTTPPeer(.influxdb)
        let run = try influxkit(["ping", "--url", "\(peer.url)/gateway/influx"], "", [:])
        #expect(run.status == 0)
        #expect(try peer.requests().map(\.path) == ["/gateway/influx/ping"])
    }

    @Test func theEnvironmentIsUsedWhenNoFlagIsGivenAndFlagsWin() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let deadPort = try #require(DeadPort())
        let dead = deadPort.port
        defer { withExtendedLifetime(deadPort) {} }
        let environment = ["INFLUX_HOST": "127.0.0.1", "INFLUX_PORT": String(server.port), "INFLUX_DATABASE": database]

        let fromEnvironment = try influxkit(["write", "--precision", "s"], "m v=1 1\n", environment)
        #expect(fromEnvironment.status == 0)
        #expect(fromEnvironment.stderr.contains("wrote 1 point"))

        var wrong = environment
        wrong["INFLUX_PORT"] = String(dead)
        wrong["INFLUX_DATABASE"] = "no_such_database"
        let flagsWin = try influxkit(["query", "--port", String(server.port), "-d", database, "--format", "csv", "--epoch", "s", "SELECT v FROM m"], "", wrong)
        #expect(flagsWin.status == 0)
        #expect(flagsWin.stdout == "name,time,v\nm,1,1\n")

        let environmentOnly = try influxkit(["ping"], "", wrong)
        #expect(environmentOnly.status == 2)
        #expect(environmentOnly.stderr.contains("cannot connect to http://127.0.0.1:\(dead)"))
    }

    @Test func thePasswordCanComeFromTheFirstLineOfStandardInput() throws {
        let server = try InfluxServer.authenticated()
        let admin = try #require(server.admin)
        let connection = CommandLineTests.connection(server) + ["-u", admin.username, "--password-stdin"]

        let right = try influxkit(["query", "--format", "csv"] + connection, "\(admin.password)\nSHOW USERS\n", [:])
        #expect(right.status == 0)
        #expect(right.stdout.hasPrefix("user,admin\n"))
        #expect(right.stdout.contains("\nadmin,true\n"))

        let database = try server.createDatabase()
        let write = try influxkit(["write", "-d", database, "--precision", "s"] + connection, "\(admin.password)\nm v=1 1\nm v=2 2\n", [:])
        #expect(write.status == 0)
        #expect(write.stderr == "wrote 2 points, rejected 0 lines, retried 0 batches\n", "the password line is not a point")

        let wrong = try influxkit(["query", "SHOW USERS"] + connection, "not-it\n", [:])
        #expect(wrong.status == 4)
        #expect(wrong.stdout.isEmpty)
        #expect(wrong.stderr.contains("authentication failed"))
        #expect(!wrong.stderr.contains("not-it"))
    }

    @Test func verboseLogsRequestsWithoutCredentials() throws {
        let server = try InfluxServer.authenticated()
        let admin = try #require(server.admin)
        let run = try influxkit(
            ["query", "-v", "-u", admin.username, "-p", admin.password, "SHOW DATABASES"] + CommandLineTests.connection(server), "", [:])
        #expect(run.status == 0)
        #expect(run.stderr.contains("influxkit: POST http://127.0.0.1:\(server.port)/query?chunked=true -> 200, "))
        #expect(run.stderr.contains(" ms\n"))
        #expect(!run.stderr.contains(admin.password))
        #expect(!run.stdout.contains(admin.password))

        let refused = try influxkit(["ping", "-v", "-u", admin.username, "-p", "Wrong-Pass-123"] + CommandLineTests.connection(server), "", [:])
        #expect(refused.stderr.contains("GET http://127.0.0.1:\(server.port)/ping -> 204"))
        #expect(!refused.stderr.contains("Wrong-Pass-123"))
    }

    /// `-v` prints every try of a retried request with the bytes it sent, and a request that got
    /// no answer as `failed` with the reason: the lines influxkit printed before `-v` became a
    /// log handler.
    @Test func verboseShowsEveryTryAndFailedRequests() throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 503)])
        let run = try influxkit(["write", "--url", peer.url, "-d", "db", "-v", "--retries", "1"], "m v=1 1\n", [:])
        #expect(run.status == 0, "\(run.stderr)")
        // The write asks for the field types first: that query meets the 503 and is tried again.
        let requests = run.stderr.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(requests.count == 3, "\(run.stderr)")
        #expect(requests.first?.hasPrefix("influxkit: POST \(peer.url)/query?db=db -> 503, ") == true)
        #expect(requests.dropFirst().first?.hasPrefix("influxkit: POST \(peer.url)/query?db=db -> 200, ") == true)
        #expect(requests.last?.hasPrefix("influxkit: POST \(peer.url)/write?db=db") == true)
        #expect(requests.last?.contains(" -> 204, 8 B sent, 0 B received, ") == true)
        #expect(requests.allSatisfy { $0.hasSuffix(" ms") })

        let dead = try #require(DeadPort())
        let failed = try influxkit(["ping", "--host", "127.0.0.1", "--port", String(dead.port), "-v", "--retries", "0"], "", [:])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("influxkit: GET http://127.0.0.1:\(dead.port)/ping -> failed, 0 B sent, 0 B received, "))
        #expect(failed.stderr.contains(" ms (cannot connect to http://127.0.0.1:\(dead.port): "))
    }

    /// A process holding a password or token sets its core size limit, soft and hard, to zero.
    @Test(arguments: [["-u", "bob", "-p", "Sec-7"], ["--token", "Tok-9"]])
    func aProcessHoldingASecretWritesNoCoreDump(secret: [String]) throws {
        let peer = try HTTPPeer(.influxdb)
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["write", "--url", peer.url, "-d", "db"] + secret
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? stdin.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        // The limit is lowered once the options are read; wait for that (at most 10 s) while
        // the process waits for standard input.
        var limit = ""
        for _ in 0..<200 {
            let raw = FileHandle(forReadingAtPath: "/proc/\(process.processIdentifier)/limits")?.readDataToEndOfFile() ?? Data()
            limit = String(decoding: raw, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("Max core file size") }
                .map { $0.split(separator: " ").joined(separator: " ") } ?? ""
            if limit.hasPrefix("Max core file size 0 0 ") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(limit.hasPrefix("Max core file size 0 0 "), "\(limit)")
    }

    @Test func passwordsGivenAsArgumentsDisappearFromTheProcessArguments() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["write", "-d", database, "-vp", "Hunter-2-pw", "--dsn", "influxdb://u:Dsn-Secret@127.0.0.1:\(server.port)", "--token=Tok-En-9"]
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? stdin.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        // The arguments are blanked right after parsing; wait for that (at most 10 s).
        var arguments = ""
        for _ in 0..<200 {
            // /proc files report size 0: read them as a stream.
            let raw = FileHandle(forReadingAtPath: "/proc/\(process.processIdentifier)/cmdline")?.readDataToEndOfFile() ?? Data()
            arguments = String(decoding: raw, as: UTF8.self)
            if arguments.contains("write") && !arguments.contains("Hunter-2-pw") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(arguments.contains("write"))
        #expect(arguments.contains("127.0.0.1:\(server.port)"), "the rest of the DSN stays")
        for secret in ["Hunter-2-pw", "Dsn-Secret", "Tok-En-9"] {
            #expect(!arguments.contains(secret))
        }
    }

    @Test func tokenAndGzipReachThePeer() throws {
        let peer = try HTTPPeer(.influxdb)
        let run = try influxkit(["write", "--url", peer.url, "-d", "db", "--token", "tok123", "--gzip", "--consistency", "one", "--rp", "week"], "m v=1 1\n", [:])
        #expect(run.status == 0)
        let request = try #require(try peer.requests().first { $0.path == "/write" })
        #expect(request.header("Authorization") == ["Token tok123"])
        #expect(request.header("Content-Encoding") == ["gzip"])
        #expect(request.decodedBodyBytes == Array("m v=1 1\n".utf8))
        #expect(request.target == "/write?db=db&precision=n&rp=week&consistency=one")

        let fromEnvironment = try influxkit(["ping", "--url", peer.url], "", ["INFLUX_TOKEN": "envtok"])
        #expect(fromEnvironment.status == 0)
        #expect(try peer.requests().last?.header("Authorization") == ["Token envtok"])
    }

    @Test func tlsOptions() throws {
        let certificates = try TestCertificates.shared()
        let peer = try HTTPPeer(.influxdb, tls: .init(certificate: certificates.server, key: certificates.serverKey, clientCA: certificates.authority))
        let base = ["ping", "--host", "127.0.0.1", "--port", String(peer.port), "--ssl"]

        let unverified = try influxkit(base, "", [:])
        #expect(unverified.status == 2)
        #expect(unverified.stderr.contains("tls error"))

        let withClient = try influxkit(base + ["--ca-cert", certificates.authority.path, "--client-cert", certificates.client.path, "--client-key", certificates.clientKey.path], "", [:])
        #expect(withClient.status == 0)
        #expect(withClient.stdout.contains("InfluxDB 1.6.7-peer"))
        #expect(try peer.requests().last?.clientCertificate == TestCertificates.clientName)

        let unsafe = try influxkit(base + ["--unsafe-ssl", "--client-cert", certificates.clientWithKey.path], "", [:])
        #expect(unsafe.status == 0)
        #expect(unsafe.stderr.contains("warning: --unsafe-ssl"))
    }

    @Test func aTimeoutExitsTwo() throws {
        let peer = try HTTPPeer(.silent)
        let run = try influxkit(["ping", "--url", peer.url, "--timeout", "1", "--retries", "0"], "", [:])
        #expect(run.status == 2)
        #expect(run.stderr.contains("timed out after 1s"))
    }

    /// Without --timeout, a server that accepts and never answers is given up after 60 s
    /// without a byte (the default idle timeout), not waited for forever.
    @Test func aSilentServerIsGivenUpWithoutATimeoutGiven() throws {
        let peer = try HTTPPeer(.silent)
        let run = try influxkit(["ping", "--url", peer.url, "--retries", "0"], "", [:])
        #expect(run.status == 2)
        #expect(run.stderr.contains("timed out after 60s"), "\(run.stderr)")
    }

    /// A proxy from the environment is used as libcurl uses it, but not silently: `-v` names it
    /// (without its credentials) and says when it sees the server's; `--no-proxy` goes around
    /// it and `--proxy` names one.
    @Test func proxiesAreShownAndChosen() throws {
        let target = try HTTPPeer(.influxdb)
        let proxy = try HTTPPeer(.proxy)
        let withUser = proxy.url.replacingOccurrences(of: "http://", with: "http://pxuser:Px-Secret@")
        let environment = ["http_proxy": withUser, "no_proxy": "", "NO_PROXY": "", "all_proxy": "", "ALL_PROXY": ""]
        let login = ["-u", "bob", "-p", "Sec-7"]

        let fromEnvironment = try influxkit(["ping", "--url", target.url, "-v"] + login, "", environment)
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        let shown = "proxy " + proxy.url.replacingOccurrences(of: "http://", with: "http://…@") + " (from http_proxy"
        #expect(fromEnvironment.stderr.contains(shown), "\(fromEnvironment.stderr)")
        #expect(fromEnvironment.stderr.contains("the proxy sees the credentials"))
        #expect(!fromEnvironment.stderr.contains("Px-Secret") && !fromEnvironment.stderr.contains("Sec-7"))
        #expect(try proxy.requests().count == 1)

        let direct = try influxkit(["ping", "--url", target.url, "-v", "--no-proxy"] + login, "", environment)
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(direct.stderr.contains("no proxy (--no-proxy)"))
        #expect(try proxy.requests().count == 1)

        let named = try influxkit(["ping", "--url", target.url, "--proxy", proxy.url], "", [:])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try proxy.requests().count == 2)
        #expect(try target.requests().count == 3)

        let both = try influxkit(["ping", "--url", target.url, "--proxy", proxy.url, "--no-proxy"], "", [:])
        #expect(both.status == 64)
    }

    /// A line break in a token or user name would end its header and start one of the
    /// caller's choosing: refused before anything is sent, without echoing the secret.
    @Test func controlCharactersInCredentialsAreRefused() throws {
        let peer = try HTTPPeer(.influxdb)
        let runs = [
            try influxkit(["ping", "--url", peer.url, "--token", "Tok-9\r\nX-Injected: 1"], "", [:]),
            try influxkit(["ping", "--url", peer.url], "", ["INFLUX_TOKEN": "Tok-9\nX-Injected: 1"]),
            try influxkit(["ping", "--url", peer.url, "-u", "bob\r\nX-Injected: 1", "-p", "Tok-9"], "", [:]),
        ]
        for run in runs {
            #expect(run.status == 64, "\(run.stderr)")
            #expect(run.stderr.contains("control character"), "\(run.stderr)")
            #expect(!run.stderr.contains("Tok-9") && !run.stderr.contains("X-Injected"), "\(run.stderr)")
        }
        #expect(try peer.requests().isEmpty)
    }

    @Test(arguments: [["--port", "0"], ["--url", "ftp://x"], ["--dsn", "nonsense"], ["--timeout", "-1"], ["--timeout", "inf"],
                      ["--timeout", "nan"], ["--timeout", "1e300"], ["--client-key", "k.pem"], ["--password-stdin", "-p", "x"]])
    func badConnectionOptionsAreUsageErrors(options: [String]) throws {
        let run = try influxkit(["ping"] + options, "", [:])
        #expect(run.status == 64)
        #expect(!run.stderr.isEmpty)
        #expect(run.stdout.isEmpty)
    }
}
