import InfluxKit
import InfluxShell
import Testing

struct TableRendererTests {
    @Test func asciiFramesWithNumbersRightAligned() {
        let expected = """
            name: cpu
            tags: dc=eu, host=a
            +------+-------+------+
            | time | usage | note |
            +------+-------+------+
            |    1 |   0.5 | ok   |
            |   20 |    12 |      |
            +------+-------+------+

            name: cpu
            tags: host=bb
            +------+-------+-------+
            | time | usage | note  |
            +------+-------+-------+
            |    3 | -1.25 | héllo |
            +------+-------+-------+

            name: databases
            +---------+
            | name    |
            +---------+
            | db1     |
            | metrics |
            +---------+

            """
        #expect(rendered(TableRenderer(unicode: false), [Sample.cpu, Sample.databases]) == expected)
    }

    @Test func unicodeFramesForATerminal() {
        let expected = """
            name: databases
            ┌─────────┐
            │ name    │
            ├─────────┤
            │ db1     │
            │ metrics │
            └─────────┘

            """
        #expect(rendered(TableRenderer(unicode: true), [Sample.databases]) == expected)
    }

    @Test func aTableWithoutRowsStillHasItsHeader() {
        let empty = ResultSet(statementID: 0, series: [Series(name: nil, columns: ["a", "bc"])])
        #expect(rendered(TableRenderer(unicode: false), [empty]) == "+---+----+\n| a | bc |\n+---+----+\n+---+----+\n")
    }
}
