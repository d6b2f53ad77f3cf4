import Foundation
import InfluxKit
import Testing

/// `influxkit query` on values whose text is easy to get wrong: floats the server writes in
/// exponent form or as `-0`, integers at the ends of 64 bits, strings the server escapes, and
/// nulls. The expected texts are written out by hand from the formats' rules (shortest form that
/// reads back, `description` style for floats; RFC 4180 quoting; JSON escapes), not taken from
/// the program's output.
@Suite(.integration)
struct CommandLineQueryValueTests {
    /// A database holding measurement `v` (see `lines`), and the arguments to query it.
    func valueDatabase() throws -> [String] {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let lines = [
            #"v,host=a f=0.1,i=-9223372036854775808i,s="a,b",b=true 1"#,
            #"v,host=a f=-0.0,i=9223372036854775807i,s="say \"hi\"",b=false 2"#,
            #"v,host=a f=1e21,i=0i,s="snow ☃ 😀" 3"#,
            #"v,host=a f=1E-7,s="<&>" 4"#,
            #"v,host=a f=2.5e-5,i=-1i,s="back\\slash" 5"#,
            #"v,host=a f=100.0,i=42i 6"#,
            #"v,host=a f=123456789.123456789 7"#,
            #"v,host=a f=61.13 8"#,
            #"v,host=a f=0.10 9"#,
        ]
        try server.client().write(lines: lines, database: database, precision: .seconds)
        return ["query", "-d", database, "--epoch", "s"] + CommandLineTests.connection(server)
    }

    static let csv = """
        name,time,b,f,host,i,s
        v,1,true,0.1,a,-9223372036854775808,"a,b"
        v,2,false,0,a,9223372036854775807,"say ""hi\"""
        v,3,,1e+21,a,0,snow ☃ 😀
        v,4,,1e-07,a,,<&>
        v,5,,2.5e-05,a,-1,back\\slash
        v,6,,100,a,42,
        v,7,,123456789.12345679,a,,
        v,8,,61.13,a,,
        v,9,,0.1,a,,

        """

    static let jsonLines = #"""
        {"name":"v","tags":{},"time":1,"b":true,"f":0.1,"host":"a","i":-9223372036854775808,"s":"a,b"}
        {"name":"v","tags":{},"time":2,"b":false,"f":0,"host":"a","i":9223372036854775807,"s":"say \"hi\""}
        {"name":"v","tags":{},"time":3,"b":null,"f":1e+21,"host":"a","i":0,"s":"snow ☃ 😀"}
        {"name":"v","tags":{},"time":4,"b":null,"f":1e-07,"host":"a","i":null,"s":"<&>"}
        {"name":"v","tags":{},"time":5,"b":null,"f":2.5e-05,"host":"a","i":-1,"s":"back\\slash"}
        {"name":"v","tags":{},"time":6,"b":null,"f":100,"host":"a","i":42,"s":null}
        {"name":"v","tags":{},"time":7,"b":null,"f":123456789.12345679,"host":"a","i":null,"s":null}
        {"name":"v","tags":{},"time":8,"b":null,"f":61.13,"host":"a","i":null,"s":null}
        {"name":"v","tags":{},"time":9,"b":null,"f":0.1,"host":"a","i":null,"s":null}

        """#

    @Test(arguments: [[], ["--chunk-size", "2"], ["--no-chunked"]])
    func csvValues(chunking: [String]) throws {
        let run = try CommandLineTests.influxkit(try valueDatabase() + ["--format", "csv"] + chunking + ["SELECT * FROM v"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == Self.csv)
    }

    @Test(arguments: [[], ["--chunk-size", "2"], ["--no-chunked"]])
    func jsonLinesValues(chunking: [String]) throws {
        let run = try CommandLineTests.influxkit(try valueDatabase() + ["--format", "jsonl"] + chunking + ["SELECT * FROM v"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == Self.jsonLines)
    }

    @Test func verticalValues() throws {
        let run = try CommandLineTests.influxkit(
            try valueDatabase() + ["--format", "vertical", "SELECT f, i, s FROM v WHERE time <= 2s"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            *************************** 1. row ***************************
            name: v
            time: 1
               f: 0.1
               i: -9223372036854775808
               s: a,b
            *************************** 2. row ***************************
            name: v
            time: 2
               f: 0
               i: 9223372036854775807
               s: say "hi"

            """)
    }

    @Test(arguments: ["csv", "jsonl", "vertical"])
    func aFailedStatementBetweenOthers(format: String) throws {
        let statements = "SELECT i FROM v WHERE time = 1s; SELECT nosuch(f) FROM v; SELECT i FROM v WHERE time = 6s"
        let run = try CommandLineTests.influxkit(try valueDatabase() + ["--format", format, statements])
        #expect(run.status == 1)
        #expect(run.stderr.contains("influxkit: statement 2: undefined function nosuch()"))
        let expected = [
            "csv": "name,time,i\nv,1,-9223372036854775808\n",
            "jsonl": #"{"name":"v","tags":{},"time":1,"i":-9223372036854775808}"# + "\n",
            "vertical": "*************************** 1. row ***************************\nname: v\ntime: 1\n   i: -9223372036854775808\n",
        ]
        #expect(run.stdout == expected[format])
    }

    /// Numbers no 64-bit type holds, as a peer may send them, print as sent in every format
    /// (they once printed as 1e+23, inf, or null in json).
    @Test(arguments: ["csv", "column", "json", "jsonl", "table", "vertical"])
    func numbersBeyondSixtyFourBitsPrintAsSent(format: String) throws {
        let answer = #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1,99999999999999999999999],[2,1e400]]}]}]}"# + "\n"
        let peer = try HTTPPeer(.influxdb, queryBody: [answer])
        let run = try CommandLineTests.influxkit(["query", "--url", peer.url, "--format", format, "SELECT v FROM m"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("99999999999999999999999") && run.stdout.contains("1e400"), "\(run.stdout)")
        #expect(!run.stdout.contains("e+23") && !run.stdout.contains("inf") && !run.stdout.contains("null"), "\(run.stdout)")
    }
}
