import Foundation
import InfluxKit
import Testing

/// Queries against the real server: statements, errors, chunking, parameters, compression.
@Suite(.integration)
struct QueryTests {
    @Test func multiStatementQueriesKeepEveryStatementAndItsError() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let client = try server.client(database: database)
        try client.write(lines: ["m v=1i 1", "m v=2i 2"], precision: .seconds)
        let results = try client.query("SELECT count(v) FROM m; SHOW MEASUREMENTS")
        try #require(results.map(\.statementID) == [0, 1])
        #expect(results[0].series.first?.values == [[.string("1970-01-01T00:00:00Z"), .integer(2)]])
        #expect(results[1].series.first?.values == [[.string("m")]])

        // influxd stops at the first failing statement; only a chunked answer (the default)
        // says why.
        let failing = "SHOW MEASUREMENTS; SELECT * FROM nowhere..m; SHOW DATABASES"
        let plain = try client.query(failing, chunked: false)
        try #require(plain.map(\.statementID) == [0, 1])
        #expect(plain[1].error == "not executed")
        let chunked = try client.query(failing)
        try #require(chunked.map(\.statementID) == [0, 1])
        #expect(chunked[0].series.first?.values == [[.string("m")]])
        #expect(chunked[1].error == "database not found: nowhere")
    }

    @Test func aStatementErrorIsReportedNotThrown() throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        let results = try client.query("SELECT * FROM m", database: server.makeDatabaseName())
        #expect(results.count == 1)
        #expect(results[0].error?.hasPrefix("database not found") == true)
    }

    @Test func syntaxErrorsAreHTTPErrors() throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        #expect {
            _ = try client.query("SELEKT 1")
        } throws: { error in
            guard let error = error as? InfluxError, error.code == .http, error.status == 400 else { return false }
            return error.message.contains("error parsing query")
        }
    }

    @Test func chunkedQueriesStreamEveryRowInBoundedChunks() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let client = try server.client(database: database)
        let total = 60_000
        var body = [UInt8]()
        for i in 0..<total {
            body += "m,host=h\(i % 3) v=\(i)i \(i)\n".utf8
        }
        try client.write(lineProtocol: body, precision: .seconds)

        var rows = 0
        var chunks = 0
        var largestChunk = 0
        var sum: Int64 = 0
        try client.query("SELECT v FROM m", epoch: .seconds, chunkSize: 5000) { result in
            #expect(result.error == nil)
            chunks += 1
            let count = result.series.reduce(0) { $0 + $1.values.count }
            largestChunk = max(largestChunk, count)
            rows += count
            for series in result.series {
                for row in series.values { if case let .integer(v) = row[1] { sum += v } }
            }
        }
        #expect(rows == total)
        #expect(sum == Int64(total) * Int64(total - 1) / 2)
        #expect(chunks >= total / 5000)
        #expect(largestChunk <= 5000)

        let merged = try client.query("SELECT v FROM m GROUP BY host", chunked: true, chunkSize: 7000)
        #expect(merged.count == 1)
        #expect(merged[0].series.map(\.tags) == [["host": "h0"], ["host": "h1"], ["host": "h2"]])
        #expect(merged[0].series.map(\.values.count) == [20_000, 20_000, 20_000])
    }

    @Test func bindParametersAreSubstitutedByTheServer() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let client = try server.client(database: database)
        try client.write(lines: ["m,host=a\\ b v=1i 1", "m,host=c v=2i 2", "m,host=x'y v=3i 3"], precision: .seconds)
        let rows = try client.query(
            "SELECT v FROM m WHERE host = $host", epoch: .seconds, params: ["host": .string("a b")]).onlyRows()
        #expect(rows == [[.integer(1), .integer(1)]])
        let quoted = try client.query(
            "SELECT v FROM m WHERE host = $host AND v >= $min", epoch: .seconds,
            params: ["host": .string("x'y"), "min": .integer(3)]).onlyRows()
        #expect(quoted == [[.integer(3), .integer(3)]])
    }

    @Test func gzipWorksBothWays() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let client = try server.client(database: database, gzip: true)
        let lines = (0..<2000).map { "m,k=v\($0 % 10) text=\"\(String(repeating: "x", count: 50))\",n=\($0)i \($0)" }
        try client.write(lines: lines, precision: .seconds)
        let count = try client.query("SELECT count(n) FROM m").onlyRows()
        #expect(count.first?.last == .integer(2000))
        let all = try client.query("SELECT * FROM m", epoch: .seconds)
        #expect(all.first?.series.first?.values.count == 2000)
    }

    @Test func wrongPasswordIsAnAuthenticationError() throws {
        let server = try InfluxServer.authenticated()
        var configuration = ClientConfiguration(host: "127.0.0.1", port: server.port)
        configuration.username = "admin"
        configuration.password = "definitely-wrong"
        let client = try InfluxClient(configuration: configuration)
        #expect {
            _ = try client.query("SHOW DATABASES")
        } throws: { error in
            guard (error as? InfluxError)?.code == .authentication else { return false }
            return !"\(error)".contains("definitely-wrong")
        }
        let good = try server.client()
        #expect(try good.query("SHOW DATABASES").first?.error == nil)
    }

    @Test func nothingListeningIsAConnectionError() throws {
        let dead = try #require(DeadPort())
        let port = dead.port
        let client = try InfluxClient(host: "127.0.0.1", port: port)
        defer { withExtendedLifetime(dead) {} }
        #expect {
            try client.ping()
        } throws: { error in
            guard let error = error as? InfluxError, error.code == .connectionFailed else { return false }
            return error.url == "http://127.0.0.1:\(port)"
        }
    }

    @Test func pingReturnsTheServerVersion() throws {
        let server = try InfluxServer.shared()
        #expect(try server.client().ping().hasPrefix("1."))
    }
}
