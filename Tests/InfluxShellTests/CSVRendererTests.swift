import InfluxKit
import InfluxShell
import Testing

struct CSVRendererTests {
    /// As the Go shell's `-format csv`: `name` and `tags` columns only for series that have
    /// them (so `SHOW DATABASES` is `name,name` and `databases,db1`); both cpu series share one
    /// header, which the Go shell would repeat. Tags sorted by key and joined with commas,
    /// which makes the field quoted.
    @Test func nameAndTagsColumnsOnlyWhenPresentAndTheHeaderOnlyWhenItChanges() {
        let expected = """
            name,tags,time,usage,note
            cpu,"dc=eu,host=a",1,0.5,ok
            cpu,"dc=eu,host=a",20,12,
            cpu,host=bb,3,-1.25,héllo
            name,name
            databases,db1
            databases,metrics

            """
        #expect(rendered(CSVRenderer(), [Sample.cpu, Sample.databases]) == expected)
    }

    /// The shapes the Go shell prints (measured against influxd 1.6.7 with `influx -format
    /// csv`): a SELECT without GROUP BY has no `tags` column, SHOW SERIES has neither column,
    /// SHOW TAG VALUES has `name`; a statement whose series all share one shape has one header
    /// even when its series come in several chunks.
    @Test func shapesOfTheGoShell() {
        let ungrouped = ResultSet(statementID: 0, series: [
            Series(name: "cpu", columns: ["time", "dc", "host", "n", "usage"], values: [
                [.integer(1_000_000_000), .string("eu"), .string("a"), .integer(2), .float(1.5)],
            ]),
        ])
        let grouped = [ResultSet(statementID: 1, series: [
            Series(name: "cpu", tags: ["host": "a"], columns: ["time", "usage"], values: [[.integer(1_000_000_000), .float(1.5)]]),
        ]), ResultSet(statementID: 1, series: [
            Series(name: "cpu", tags: ["host": "b"], columns: ["time", "usage"], values: [[.integer(2_000_000_000), .float(2.5)]]),
        ])]
        let series = ResultSet(statementID: 2, series: [
            Series(name: nil, columns: ["key"], values: [[.string("cpu,dc=eu,host=a")], [.string("mem")]]),
        ])
        let tagValues = ResultSet(statementID: 3, series: [
            Series(name: "cpu", columns: ["key", "value"], values: [[.string("host"), .string("a")]]),
        ])
        #expect(rendered(CSVRenderer(), [ungrouped] + grouped + [series, tagValues]) == """
            name,time,dc,host,n,usage
            cpu,1000000000,eu,a,2,1.5
            name,tags,time,usage
            cpu,host=a,1000000000,1.5
            cpu,host=b,2000000000,2.5
            key
            "cpu,dc=eu,host=a"
            mem
            name,key,value
            cpu,host,a

            """)
    }

    @Test func quotesFieldsWithCommasQuotesAndLineBreaksOnly() {
        let texts = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "semi;colon", "", "naïve"]
        let result = ResultSet(statementID: 0, series: [
            Series(name: "m", columns: ["v"], values: texts.map { [.string($0)] }),
        ])
        let lines = rendered(CSVRenderer(), [result]).split(separator: "\n", omittingEmptySubsequences: false)
        let expected = [
            "m,plain", "m,\"a,b\"", "m,\"say \"\"hi\"\"\"", "m,\"two", "lines\"", "m,\"cr\rhere\"", "m,semi;colon",
            "m,", "m,naïve", "",
        ]
        #expect(Array(lines.dropFirst()) == expected[...].map { Substring($0) })
    }

    @Test func valuesOfEveryKind() {
        let result = ResultSet(statementID: 0, series: [
            Series(name: "m", columns: ["a", "b", "c", "d", "e", "f", "g"], values: [
                [.integer(-9_223_372_036_854_775_808), .unsigned(18_446_744_073_709_551_615), .float(1e20), .float(0.1),
                 .bool(true), .null, .float(2)],
            ]),
        ])
        let row = rendered(CSVRenderer(), [result]).split(separator: "\n")[1]
        #expect(row == "m,-9223372036854775808,18446744073709551615,\(1e20),0.1,true,,2.0")
    }
}
