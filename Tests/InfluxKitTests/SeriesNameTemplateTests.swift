import Testing
import InfluxKit

@Suite struct SeriesNameTemplateTests {
    @Test(arguments: [
        ("events.stats.{server_name}", ["server_name": "us.east-1"], "events.stats.us.east-1"),
        ("{a}-{b}-{a}", ["a": "x", "b": "y"], "x-y-x"),
        ("plain", [:], "plain"),
        ("{{literal}} {a}}}", ["a": "1"], "{literal} 1}"),
        ("ü{a}🚀", ["a": "é"], "üé🚀"),
    ] as [(String, [String: String], String)])
    func placeholdersAreFilled(template: String, values: [String: String], expected: String) throws {
        let parsed = try SeriesNameTemplate(template)
        #expect(try parsed.render { values[$0] } == expected)
    }

    @Test func placeholdersAreListedOnceInOrder() throws {
        #expect(try SeriesNameTemplate("{b}.{a}.{b}").placeholders == ["b", "a"])
        #expect(try SeriesNameTemplate("{{b}}").placeholders == [])
    }

    @Test(arguments: ["a{", "a}", "{}", "{0}", "{x:>5}", "{x!r}", "{x.y}", "{x[0]}", "{a{b}"])
    func malformedTemplatesAreRefused(template: String) {
        #expect(throws: InfluxError.self) { try SeriesNameTemplate(template) }
    }

    @Test func aMissingValueNamesThePlaceholder() throws {
        let template = try SeriesNameTemplate("m.{host}")
        #expect(throws: InfluxError.invalidArgument("series name \"m.{host}\" needs a value for \"host\"")) {
            try template.render { _ in nil }
        }
    }
}
