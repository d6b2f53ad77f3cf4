import InfluxKit
import InfluxShell
import Testing

struct ColumnRendererTests {
    @Test func seriesGetNameTagsHeaderDashesAndTabwriterPadding() {
        // Every column but the last is padded to its widest cell plus one space; dashes are as
        // long as the column name; tags sorted and joined by ", "; a blank line between series.
        let expected = """
            name: cpu
            tags: dc=eu, host=a
            time usage note
            ---- ----- ----
            1    0.5   ok
            20   12    

            name: cpu
            tags: host=bb
            time usage note
            ---- ----- ----
            3    -1.25 héllo

            name: databases
            name
            ----
            db1
            metrics

            """
        #expect(rendered(ColumnRenderer(), [Sample.cpu, Sample.databases]) == expected)
    }

    @Test func aChunkContinuingASeriesGetsNoNewHeaderAndKeepsTheWidths() {
        let first = ResultSet(statementID: 0, series: [
            Series(name: "m", columns: ["time", "v"], values: [[.integer(1), .integer(7)]], isPartial: true),
        ], isPartial: true)
        let second = ResultSet(statementID: 0, series: [
            Series(name: "m", columns: ["time", "v"], values: [[.integer(123456), .integer(8)]]),
        ])
        let expected = """
            name: m
            time v
            ---- -
            1    7
            123456 8

            """
        #expect(rendered(ColumnRenderer(windowSize: 1), [first, second]) == expected)
    }

    @Test func theSameColumnsInANewStatementStartANewBlock() {
        let one = ResultSet(statementID: 0, series: [Series(name: "m", columns: ["v"], values: [[.integer(1)]])])
        let two = ResultSet(statementID: 1, series: [Series(name: "m", columns: ["v"], values: [[.integer(2)]])])
        #expect(rendered(ColumnRenderer(), [one, two]) == "name: m\nv\n-\n1\n\nname: m\nv\n-\n2\n")
    }

    @Test func widthsComeFromTheWindowOnly() {
        // With a window of 3 rows (header, dashes, first value) the long second value overflows.
        let result = ResultSet(statementID: 0, series: [
            Series(name: nil, columns: ["k", "v"], values: [[.string("a"), .integer(1)], [.string("long"), .integer(2)]]),
        ])
        #expect(rendered(ColumnRenderer(windowSize: 3), [result]) == "k v\n- -\na 1\nlong 2\n")
    }

    @Test func messagesPrintAsLevelAndText() {
        let result = ResultSet(statementID: 0, messages: [.init(level: "warning", text: "deprecated")])
        #expect(rendered(ColumnRenderer(), [result]) == "warning: deprecated.\n")
    }
}
