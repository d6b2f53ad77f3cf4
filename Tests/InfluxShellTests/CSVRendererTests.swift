import InfluxKit
import InfluxShell
import Testing

struct CSVRendererTests {
    @Test func flatTableWithNameAndTagsFirstAndTheHeaderOnlyWhenColumnsChange() {
        // Both cpu series share columns: one header for them; databases has others: a new one.
        // Tags sorted by key and joined with commas, which makes the field quoted.
        let expected = """
            name,tags,time,usage,note
            cpu,"dc=eu,host=a",1,0.5,ok
            cpu,"dc=eu,host=a",20,12,
            cpu,host=bb,3,-1.25,héllo
            name,tags,name
            databases,,db1
            databases,,metrics

            """
        #expect(rendered(CSVRenderer(), [Sample.cpu, Sample.databases]) == expected)
    }

    @Test func quotesFieldsWithCommasQuotesAndLineBreaksOnly() {
        let texts = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "semi;colon", "", "naïve"]
        let result = ResultSet(statementID: 0, series: [
            Series(name: "m", columns: ["v"], values: texts.map { [.string($0)] }),
        ])
        let lines = rendered(CSVRenderer(), [result]).split(separator: "\n", omittingEmptySubsequences: false)
        let expected = [
            "m,,plain", "m,,\"a,b\"", "m,,\"say \"\"hi\"\"\"", "m,,\"two", "lines\"", "m,,\"cr\rhere\"", "m,,semi;colon",
            "m,,", "m,,naïve", "",
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
        #expect(row == "m,,-9223372036854775808,18446744073709551615,\(1e20),0.1,true,,2.0")
    }
}
