import InfluxKit
import InfluxShell
import Testing

struct JSONLinesRendererTests {
    @Test func oneObjectPerRowWithNameTagsAndTypedValues() {
        let expected = """
            {"name":"cpu","tags":{"dc":"eu","host":"a"},"time":1,"usage":0.5,"note":"ok"}
            {"name":"cpu","tags":{"dc":"eu","host":"a"},"time":20,"usage":12,"note":null}
            {"name":"cpu","tags":{"host":"bb"},"time":3,"usage":-1.25,"note":"héllo"}
            {"tags":{},"name":"db1"}
            {"tags":{},"name":"metrics"}

            """
        #expect(rendered(JSONLinesRenderer(), [Sample.cpu, Sample.databases]) == expected)
    }

    /// A series without a name (SHOW SERIES) has no `name` key: not null, not a made-up name.
    @Test func aSeriesWithoutNameHasNoNameKey() {
        let result = ResultSet(statementID: 0, series: [Series(name: nil, columns: ["k"], values: [[.string("x\"y")]])])
        #expect(rendered(JSONLinesRenderer(), [result]) == "{\"tags\":{},\"k\":\"x\\\"y\"}\n")
    }
}
