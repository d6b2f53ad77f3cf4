import InfluxKit
import InfluxShell
import Testing

struct BindParameterTests {
    @Test(arguments: [
        ("n=42", "n", JSONValue.integer(42)),
        ("n=-7", "n", .integer(-7)),
        ("x=1.5", "x", .float(1.5)),
        ("x=-2e3", "x", .float(-2000)),
        ("b=true", "b", .bool(true)),
        ("b=false", "b", .bool(false)),
        ("host=web1", "host", .string("web1")),
        ("q=\"42\"", "q", .string("42")),
        ("e=", "e", .string("")),
        ("nan=nan", "nan", .string("nan")),
        ("inf=inf", "inf", .string("inf")),
        ("big=99999999999999999999", "big", .number("99999999999999999999")),
        ("kv=a=b", "kv", .string("a=b")),
        ("t=True", "t", .string("True")),
    ])
    func valuesTakeTheTypeTheyReadAs(text: String, name: String, value: JSONValue) throws {
        let parameter = try BindParameter(parsing: text)
        #expect(parameter.name == name)
        #expect(parameter.value == value)
    }

    @Test(arguments: ["novalue", "=1", ""])
    func aParameterNeedsANameAndAnEqualsSign(text: String) {
        #expect(throws: InfluxError.self) { try BindParameter(parsing: text) }
    }
}
