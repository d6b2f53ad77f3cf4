import InfluxKit
import Testing

struct InfluxQLReadOnlyTests {
    @Test(arguments: [
        "SELECT v FROM m", "select * from \"into\"", "SHOW DATABASES", "EXPLAIN SELECT v FROM m",
        "SELECT v FROM m; SHOW MEASUREMENTS", "SELECT v FROM m WHERE t = 'INTO x'", "  show field keys",
        "SELECT v FROM m WHERE t = 'it\\'s; DROP DATABASE x'",
        // Comments are white space, and their words do not count.
        "SELECT 1 -- INTO", "/* DROP */ SHOW DATABASES", "-- DROP DATABASE x\nSHOW DATABASES", "SHOW USERS /* ; DROP DATABASE x */",
        "SELECT * FROM m WHERE t =~ /INTO/", "SELECT * FROM /m;INTO/", "SHOW DATABASES;", "",
    ])
    func readingQueries(query: String) {
        #expect(InfluxQL.isReadOnly(query))
    }

    @Test(arguments: [
        "SELECT mean(v) INTO m_1h FROM m GROUP BY time(1h)", "select * into \"copy\" from m", "DROP DATABASE x",
        "CREATE DATABASE x", "DELETE FROM m", "SHOW DATABASES; DROP MEASUREMENT m", "GRANT ALL TO bob",
        "KILL QUERY 3", "ALTER RETENTION POLICY rp ON db DEFAULT", "SET PASSWORD FOR bob = 'x'", "REVOKE ALL FROM bob",
        // A comment's word is not the statement's first word.
        "-- SELECT\nDROP DATABASE x", "/* SHOW */ DROP DATABASE x", "SELECT 1 -- x\n; DROP DATABASE x",
        "SELECT * FROM /x--/ ; DROP DATABASE x", "SELECT * FROM m WHERE a =~ /x/ -- c\n; DELETE FROM m",
        // What does not start with a word is not taken for a reading statement.
        "(SELECT 1)", "'SELECT' 1",
    ])
    func changingQueries(query: String) {
        #expect(!InfluxQL.isReadOnly(query))
    }
}
