import Foundation
import InfluxKit
import Testing

/// The libcurl transport against a scripted peer (`HTTPPeer`): what reaches the wire, and how
/// proxies, timeouts, TLS and answers that are not InfluxDB's are handled.
@Suite(.integration)
struct TransportTests {
    /// A `/query` answer, and the rows the client must decode from it.
    static let cpuAnswer = #"""
        {"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a"},"columns":["time","value"],\#
        "values":[["2024-05-01T00:00:00Z",0.5],["2024-05-01T00:00:10Z",12345678901234]]}]}]}
        """#
    static let cpuRows: [[JSONValue]] = [
        [.string("2024-05-01T00:00:00Z"), .float(0.5)],
        [.string("2024-05-01T00:00:10Z"), .integer(12_345_678_901_234)],
    ]

    // MARK: What is sent

    @Test(arguments: ["/influx", "influx", "/influx/"])
    func thePathPrefixComesBeforeEveryEndpoint(prefix: String) throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.cpuAnswer])
        var configuration = peer.configuration()
        configuration.pathPrefix = prefix
        let client = try InfluxClient(configuration: configuration)
        try client.ping()
        try client.write(lines: ["m v=1"])
        _ = try client.query("SELECT value FROM cpu")
        #expect(try peer.requests().map(\.path) == ["/influx/ping", "/influx/write", "/influx/query"])
    }

    @Test func extraHeadersAndTheUserAgentGoWithEveryRequest() throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.cpuAnswer])
        var configuration = peer.configuration()
        configuration.headers = ["X-Request-Tag": "t-42", "X-Scope-OrgID": "tenant 7"]
        configuration.userAgent = "transport-tests/2.0"
        let client = try InfluxClient(configuration: configuration)
        try client.ping()
        try client.write(lines: ["m v=1"])
        _ = try client.query("SELECT value FROM cpu")
        let requests = try peer.requests()
        try #require(requests.count == 3)
        for request in requests {
            #expect(request.header("X-Request-Tag") == ["t-42"], "\(request.path)")
            #expect(request.header("X-Scope-OrgID") == ["tenant 7"], "\(request.path)")
            #expect(request.header("User-Agent") == ["transport-tests/2.0"], "\(request.path)")
            #expect(request.header("Authorization").isEmpty, "\(request.path)")
        }
    }

    @Test(arguments: [false, true])
    func aTokenIsSentAsTokenAuthorizationAndNothingElse(alsoGivenUser: Bool) throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.cpuAnswer])
        var configuration = peer.configuration()
        configuration.token = "tok-123=="
        if alsoGivenUser {
            configuration.username = "ana"
            configuration.password = "ignored"
        }
        let client = try InfluxClient(configuration: configuration)
        try client.ping()
        _ = try client.query("SELECT value FROM cpu")
        let requests = try peer.requests()
        try #require(requests.count == 2)
        for request in requests {
            #expect(request.header("Authorization") == ["Token tok-123=="], "\(request.path)")
            #expect(!request.target.contains("ignored"))
        }
    }

    @Test func userAndPasswordAreSentAsBasicAuthorization() throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.cpuAnswer])
        var configuration = peer.configuration()
        configuration.username = "ana"
        configuration.password = "pä:ss wörd"
        let client = try InfluxClient(configuration: configuration)
        try client.ping()
        try client.write(lines: ["m v=1"])
        _ = try client.query("SELECT value FROM cpu")
        let expected = "Basic " + Data("ana:pä:ss wörd".utf8).base64EncodedString()
        let requests = try peer.requests()
        try #require(requests.count == 3)
        for request in requests {
            #expect(request.header("Authorization") == [expected], "\(request.path)")
            #expect(!request.target.contains("p="), "no credentials in the URL: \(request.target)")
            #expect(!request.target.contains("u="), "no credentials in the URL: \(request.target)")
        }
    }

    @Test func thePasswordAppearsInNoErrorDescription() throws {
        let password = "Sup3r-Secret-pw"
        let certificates = try TestCertificates.shared()
        func client(_ peer: HTTPPeer, change: (inout ClientConfiguration) -> Void = { _ in }) throws -> InfluxClient {
            var configuration = peer.configuration()
            configuration.username = "ana"
            configuration.password = password
            change(&configuration)
            return try InfluxClient(configuration: configuration)
        }
        let html = try HTTPPeer(.html)
        let silent = try HTTPPeer(.silent)
        let backlog = try HTTPPeer(.backlog)
        let tls = try HTTPPeer(.influxdb, tls: .init(certificate: certificates.server, key: certificates.serverKey))
        let stopped = try HTTPPeer(.influxdb)
        stopped.stop()

        var errors: [InfluxError?] = []
        let htmlClient = try client(html)
        errors.append(caught { try htmlClient.ping() })
        errors.append(caught { try htmlClient.write(lines: ["m v=1"]) })
        errors.append(caught { _ = try htmlClient.query("SHOW DATABASES") })
        errors.append(caught { try client(silent) { $0.timeout = 1 }.ping() })
        errors.append(caught { try client(backlog) { $0.connectTimeout = 1 }.ping() })
        errors.append(caught { try client(tls).ping() })
        errors.append(caught { try client(stopped).ping() })

        let encoded = Data("ana:\(password)".utf8).base64EncodedString()
        for error in errors {
            let error = try #require(error, "every call fails")
            #expect(!error.description.contains(password), "\(error)")
            #expect(!error.description.contains(encoded), "\(error)")
        }
    }

    // MARK: Compression

    @Test(arguments: [false, true])
    func writeBodiesAreGzipOnlyWhenAskedFor(gzip: Bool) throws {
        let peer = try HTTPPeer(.influxdb)
        var configuration = peer.configuration()
        configuration.usesGzip = gzip
        let client = try InfluxClient(configuration: configuration)
        try client.write(lines: ["m,t=a v=1i 1", "m,t=b v=2.5,s=\"x y\" 2"])
        let lineProtocol = Array("m,t=a v=1i 1\nm,t=b v=2.5,s=\"x y\" 2\n".utf8)

        let request = try #require(try peer.requests().first)
        if gzip {
            #expect(request.header("Content-Encoding") == ["gzip"])
            #expect(request.bodyBytes.starts(with: [0x1F, 0x8B]), "a gzip member starts with its magic number")
            #expect(request.gunzipError == nil)
            #expect(request.decodedBodyBytes == lineProtocol)
        } else {
            #expect(request.header("Content-Encoding").isEmpty)
            #expect(request.bodyBytes == lineProtocol)
        }
    }

    @Test(arguments: [false, true])
    func gzipAnswersAreDecoded(gzip: Bool) throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.cpuAnswer])
        var configuration = peer.configuration()
        configuration.usesGzip = gzip
        let client = try InfluxClient(configuration: configuration)
        let results = try client.query("SELECT value FROM cpu")
        #expect(results.first?.series.first?.values == Self.cpuRows)
        #expect(results.first?.series.first?.tags == ["host": "a"])
        let request = try #require(try peer.requests().first)
        #expect(request.responseGzip == gzip, "the peer compressed its answer only if the client accepts gzip")
    }

    // MARK: Connections and streaming

    @Test func oneClientSendsEverythingOverOneConnection() throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.cpuAnswer])
        let client = try InfluxClient(configuration: peer.configuration())
        try client.ping()
        try client.write(lines: ["m v=1"])
        _ = try client.query("SELECT value FROM cpu")
        let other = try InfluxClient(configuration: peer.configuration())
        try other.ping()

        let ports = try peer.requests().map(\.clientPort)
        try #require(ports.count == 4)
        #expect(Set(ports.prefix(3)).count == 1, "one connection for the first client: \(ports)")
        #expect(ports[3] != ports[0], "another client, another connection: \(ports)")
    }

    @Test(arguments: [false, true])
    func aStreamedAnswerReachesTheCallerBeforeItEnds(gzip: Bool) throws {
        let pieces = [
            #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1,10]],"partial":true}],"partial":true}]}"# + "\n",
            #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[2,20]]}]}]}"# + "\n",
        ]
        let peer = try HTTPPeer(.stream, queryBody: pieces)
        var configuration = peer.configuration()
        configuration.usesGzip = gzip
        let client = try InfluxClient(configuration: configuration)

        // The peer holds the second piece back until the release file exists, which only this
        // callback creates: the call can only succeed if the first chunk arrives on its own.
        var received: [ResultSet] = []
        try client.query("SELECT v FROM m") { result in
            if received.isEmpty {
                try Data().write(to: peer.releaseFile)
            }
            received.append(result)
        }
        #expect(try peer.events() == ["request", "released"])
        #expect(received.map { $0.series.first?.values } == [[[.integer(1), .integer(10)]], [[.integer(2), .integer(20)]]])
        #expect(received.map(\.isPartial) == [true, false])
        #expect(try peer.requests().first?.responseGzip == gzip)
    }

    // MARK: Bounded answers

    /// One object of an answer that never closes (`"values":[` without end) fails once it
    /// passes `maximumObjectBytes`, compressed or not, chunked or not, read or decoded.
    @Test(arguments: [false, true])
    func anAnswerObjectThatNeverEndsIsCappedNotHeld(gzip: Bool) throws {
        let peer = try HTTPPeer(.endless)
        var configuration = peer.configuration()
        configuration.usesGzip = gzip
        configuration.maximumObjectBytes = 1 << 20
        let client = try InfluxClient(configuration: configuration)
        let reason = "answer object at byte 0 is larger than 1048576 bytes, the limit (ask for smaller chunks)"
        for chunked in [false, true] {
            #expect(throws: InfluxError.malformedResponse(reason: reason)) {
                try client.query("SELECT * FROM m", chunked: chunked) { _ in }
            }
            #expect(throws: InfluxError.malformedResponse(reason: reason)) {
                try client.streamRawResults(of: "SELECT * FROM m", chunked: chunked) { _ in }
            }
        }
        #expect(try peer.requests().first?.responseGzip == gzip)
    }

    /// The writer's question for the field types gets such an answer too: it is given up, and
    /// the points are written.
    @Test func theWritersSchemaQueryIsCappedToo() throws {
        let peer = try HTTPPeer(.endless)
        var configuration = peer.configuration()
        configuration.maximumObjectBytes = 1 << 20
        let client = try InfluxClient(configuration: configuration)
        let writer = LineProtocolWriter(client: client, options: .init(), onRejection: { _ in })
        try Array("m v=1 1\n".utf8).withUnsafeBytes { try writer.append($0) }
        #expect(try writer.finish().written == 1)
        #expect(try peer.requests().contains { $0.path == "/query" })
    }

    // MARK: Timeouts

    @Test func aPeerThatNeverAnswersTimesOut() throws {
        let peer = try HTTPPeer(.silent)
        var configuration = peer.configuration()
        configuration.timeout = 1
        let client = try InfluxClient(configuration: configuration)
        #expect(throws: InfluxError.timeout(url: peer.url, seconds: 1)) {
            _ = try client.query("SHOW DATABASES")
        }
        #expect(try peer.requests().map(\.path) == ["/query"], "the request was received, only the answer never came")
    }

    /// By default a request has a total limit of two minutes, and a transfer that moves no byte
    /// for `idleTimeout` seconds ends well before it: a peer that accepts and never answers
    /// cannot hold a request forever.
    @Test func aPeerThatNeverAnswersIsCutByTheIdleTimeoutByDefault() throws {
        #expect(ClientConfiguration().idleTimeout == 60)
        #expect(ClientConfiguration().connectTimeout == 10)
        #expect(ClientConfiguration().timeout == 120)
        let peer = try HTTPPeer(.silent)
        var configuration = peer.configuration()
        configuration.idleTimeout = 1
        configuration.retries = 0
        let client = try InfluxClient(configuration: configuration)
        #expect(throws: InfluxError.timeout(url: peer.url, seconds: 1)) {
            _ = try client.query("SHOW DATABASES")
        }
        #expect(throws: InfluxError.timeout(url: peer.url, seconds: 1)) {
            try client.ping()
        }
    }

    @Test(arguments: [nil, 30] as [Double?])
    func aPeerThatNeverAcceptsHitsTheConnectTimeout(totalTimeout: Double?) throws {
        let peer = try HTTPPeer(.backlog)
        var configuration = peer.configuration()
        configuration.connectTimeout = 1
        configuration.timeout = totalTimeout
        configuration.retries = 0
        let client = try InfluxClient(configuration: configuration)
        #expect(throws: InfluxError.timeout(url: peer.url, seconds: 1)) {
            try client.ping()
        }
    }

    // MARK: TLS

    @Test func certificatesAreVerifiedByDefault() throws {
        let certificates = try TestCertificates.shared()
        let peer = try HTTPPeer(.influxdb, tls: .init(certificate: certificates.server, key: certificates.serverKey))
        let client = try InfluxClient(configuration: peer.configuration())
        let error = caught { try client.ping() }
        guard let error, error.code == .tls else {
            Issue.record("expected a tls error, got \(String(describing: error))")
            return
        }
        let reason = error.message
        #expect(error.url == peer.url)
        #expect(reason.contains("certificate"), "\(reason)")
        #expect(try peer.requests().isEmpty)
    }

    @Test func aTrustedCAFileOrSwitchingVerificationOffConnects() throws {
        let certificates = try TestCertificates.shared()
        let peer = try HTTPPeer(.influxdb, tls: .init(certificate: certificates.server, key: certificates.serverKey))
        var trusting = peer.configuration()
        trusting.caFile = certificates.authority.path
        #expect(try InfluxClient(configuration: trusting).ping() == "1.6.7-peer")
        var unverified = peer.configuration()
        unverified.verifiesCertificates = false
        #expect(try InfluxClient(configuration: unverified).ping() == "1.6.7-peer")
        #expect(try peer.requests().count == 2)
    }

    @Test func theHostNameIsVerifiedToo() throws {
        let certificates = try TestCertificates.shared()
        let peer = try HTTPPeer(.influxdb, tls: .init(certificate: certificates.otherHost, key: certificates.otherHostKey))
        var configuration = peer.configuration()
        configuration.caFile = certificates.authority.path
        let error = caught { try InfluxClient(configuration: configuration).ping() }
        guard error?.code == .tls else {
            Issue.record("expected a tls error, got \(String(describing: error))")
            return
        }
        configuration.verifiesCertificates = false
        #expect(try InfluxClient(configuration: configuration).ping() == "1.6.7-peer")
    }

    @Test func aPeerRequiringAClientCertificateRefusesClientsWithout() throws {
        let certificates = try TestCertificates.shared()
        let tls = HTTPPeer.TLS(certificate: certificates.server, key: certificates.serverKey, clientCA: certificates.authority)
        let peer = try HTTPPeer(.influxdb, tls: tls)
        var configuration = peer.configuration()
        configuration.caFile = certificates.authority.path
        let error = caught { try InfluxClient(configuration: configuration).ping() }
        guard let error, error.code == .tls else {
            Issue.record("expected a tls error, got \(String(describing: error))")
            return
        }
        let reason = error.message
        // The peer's alert ("certificate required") may reach the client before the peer has
        // written its journal, so the evidence is the client's reason, not the journal.
        #expect(reason.contains("certificate"), "\(reason)")
        #expect(try peer.requests().isEmpty)
    }

    @Test(arguments: [true, false])
    func aClientCertificateIsPresented(separateKey: Bool) throws {
        let certificates = try TestCertificates.shared()
        let tls = HTTPPeer.TLS(certificate: certificates.server, key: certificates.serverKey, clientCA: certificates.authority)
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.cpuAnswer], tls: tls)
        var configuration = peer.configuration()
        configuration.caFile = certificates.authority.path
        if separateKey {
            configuration.clientCertificate = certificates.client.path
            configuration.clientKey = certificates.clientKey.path
        } else {
            configuration.clientCertificate = certificates.clientWithKey.path
        }
        let client = try InfluxClient(configuration: configuration)
        #expect(try client.ping() == "1.6.7-peer")
        #expect(try client.query("SELECT value FROM cpu").first?.series.first?.values == Self.cpuRows)
        #expect(try peer.requests().map(\.clientCertificate) == [TestCertificates.clientName, TestCertificates.clientName])
    }

    // MARK: Proxies and other peers

    @Test func aConfiguredProxyCarriesTheRequests() throws {
        let target = try HTTPPeer(.influxdb, queryBody: [Self.cpuAnswer])
        let proxy = try HTTPPeer(.proxy)
        var configuration = target.configuration()
        configuration.proxy = proxy.url
        let client = try InfluxClient(configuration: configuration)
        #expect(try client.ping() == "1.6.7-peer")
        #expect(try client.query("SELECT value FROM cpu").first?.series.first?.values == Self.cpuRows)
        #expect(try proxy.requests().map(\.target) == ["\(target.url)/ping", "\(target.url)/query?db=db&chunked=true"])
        #expect(try target.requests().map { $0.header("Via") } == [["1.1 http-peer"], ["1.1 http-peer"]])
    }

    @Test(arguments: [502, 200])
    func aPeerThatIsNotInfluxDBIsCalledSo(status: Int) throws {
        let peer = try HTTPPeer(.html, status: status)
        var configuration = peer.configuration()
        configuration.retries = 0 // a 502 is tried again, and the journal would say so
        let client = try InfluxClient(configuration: configuration)
        let errors = [
            caught { try client.ping() },
            caught { try client.write(lines: ["m v=1"]) },
            caught { _ = try client.query("SHOW DATABASES") },
            caught { try client.query("SHOW DATABASES", chunked: true) { _ in } },
        ]
        for error in errors {
            guard let error, error.code == .notInfluxDB, let answered = error.status else {
                Issue.record("expected notInfluxDB, got \(String(describing: error))")
                continue
            }
            #expect(answered == status)
        }
        #expect(try peer.requests().map(\.path) == ["/ping", "/write", "/query", "/query"])
    }
}

/// The `InfluxError` `work` throws, or `nil` when it succeeds or throws something else.
private func caught(_ work: () throws -> Void) -> InfluxError? {
    do {
        try work()
        return nil
    } catch {
        return error as? InfluxError
    }
}
