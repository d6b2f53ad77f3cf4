import Foundation
import InfluxKit
import Testing

/// `influxkit query` output formats and options, against the real server.
@Suite(.integration)
struct CommandLineQueryTests {
    /// A database holding two series of `cpu` (hosts a and b), and the arguments to reach it.
    func cpuDatabase() throws -> [String] {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        try server.client().write(
            lines: ["cpu,host=a usage=0.5,n=1i 1", "cpu,host=a usage=1.5,n=2i 2", "cpu,host=b usage=2.5,n=3i 3"],
            database: database, precision: .seconds)
        return ["query", "-d", database, "--epoch", "s"] + CommandLineTests.connection(server)
    }

    static let statement = "SELECT usage, n FROM cpu GROUP BY host"

    static let expected: [String: String] = [
        "column": """
            name: cpu
            tags: host=a
            time usage n
            ---- ----- -
            1    0.5   1
            2    1.5   2

            name: cpu
            tags: host=b
            time usage n
            ---- ----- -
            3    2.5   3

            """,
        "table": """
            name: cpu
            tags: host=a
            +------+-------+---+
            | time | usage | n |
            +------+-------+---+
            |    1 |   0.5 | 1 |
            |    2 |   1.5 | 2 |
            +------+-------+---+

            name: cpu
            tags: host=b
            +------+-------+---+
            | time | usage | n |
            +------+-------+---+
            |    3 |   2.5 | 3 |
            +------+-------+---+

            """,
        "csv": """
            name,tags,time,usage,n
            cpu,host=a,1,0.5,1
            cpu,host=a,2,1.5,2
            cpu,host=b,3,2.5,3

            """,
        "json": """
            {"results":[{"statement_id":0,"series":[\
            {"name":"cpu","tags":{"host":"a"},"columns":["time","usage","n"],"values":[[1,0.5,1],[2,1.5,2]]},\
            {"name":"cpu","tags":{"host":"b"},"columns":["time","usage","n"],"values":[[3,2.5,3]]}]}]}

            """,
        "jsonl": """
            {"name":"cpu","tags":{"host":"a"},"time":1,"usage":0.5,"n":1}
            {"name":"cpu","tags":{"host":"a"},"time":2,"usage":1.5,"n":2}
            {"name":"cpu","tags":{"host":"b"},"time":3,"usage":2.5,"n":3}

            """,
        "vertical": """
            *************************** 1. row ***************************
             name: cpu
             tags: host=a
             time: 1
            usage: 0.5
                n: 1
            *************************** 2. row ***************************
             name: cpu
             tags: host=a
             time: 2
            usage: 1.5
                n: 2
            *************************** 3. row ***************************
             name: cpu
             tags: host=b
             time: 3
            usage: 2.5
                n: 3

            """,
    ]

    @Test(arguments: ["column", "table", "csv", "json", "jsonl", "vertical"])
    func everyFormatOnAMultiSeriesResult(format: String) throws {
        let run = try CommandLineTests.influxkit(try cpuDatabase() + ["--format", format, "--no-chunked", Self.statement])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == Self.expected[format])
    }

    @Test(arguments: ["column", "table", "csv", "jsonl", "vertical"])
    func streamedChunksPrintLikeOneAnswer(format: String) throws {
        let run = try CommandLineTests.influxkit(try cpuDatabase() + ["--format", format, "--chunk-size", "1", Self.statement])
        #expect(run.status == 0)
        #expect(run.stdout == Self.expected[format])
    }

    @Test func columnIsTheDefault() throws {
        let run = try CommandLineTests.influxkit(try cpuDatabase() + [Self.statement])
        #expect(run.stdout == Self.expected["column"])
    }

    @Test func bindParametersKeepTheirTypes() throws {
        let base = try cpuDatabase() + ["--format", "csv"]
        let statement = "SELECT usage FROM cpu WHERE host = $h AND n >= $min"
        let typed = try CommandLineTests.influxkit(base + ["--param", "h=a", "--param", "min=2", statement])
        #expect(typed.status == 0)
        #expect(typed.stdout == "name,time,usage\ncpu,2,1.5\n")

        // A quoted number is a string, and a string never equals the integer field.
        let quoted = try CommandLineTests.influxkit(base + ["--param", "h=a", "--param", "min=\"2\"", statement])
        #expect(quoted.status == 0)
        #expect(quoted.stdout.isEmpty)

        let bad = try CommandLineTests.influxkit(base + ["--param", "nameless", statement])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--param nameless"))
    }

    @Test func timingGoesToStandardError() throws {
        let run = try CommandLineTests.influxkit(try cpuDatabase() + ["--format", "csv", "--timing", Self.statement])
        #expect(run.status == 0)
        #expect(run.stdout == Self.expected["csv"])
        let line = try #require(run.stderr.split(separator: "\n").last.map(String.init))
        let parts = line.split(separator: " ")
        #expect(line.hasPrefix("influxkit: 3 rows, "))
        #expect(parts.count == 7)
        #expect(Int(parts[3]).map { $0 > 100 } == true, "bytes received: \(line)")
        #expect(parts[4] == "bytes,")
        #expect(Double(parts[5]) != nil)
        #expect(parts[6] == "ms")
    }
}
