import InfluxKit
import Testing

@Suite struct InfluxQLContainsStatementTests {
    @Test(arguments: [
        "SHOW DATABASES", ";SHOW USERS;", "-- a\nSHOW USERS", "/* a */ x", "'a'", "x -- y", "a--1", "/* a */ ; b",
    ])
    func textWithAStatement(query: String) {
        #expect(InfluxQL.containsStatement(query))
    }

    @Test(arguments: ["", " \n\t", ";", " ; ;; ", "-- c", "-- a\n-- b\n", "/* x */", "/* ; */ ; -- SELECT", "/* open", "/**/;/*\n*/"])
    func textWithoutAStatement(query: String) {
        #expect(!InfluxQL.containsStatement(query))
    }
}
