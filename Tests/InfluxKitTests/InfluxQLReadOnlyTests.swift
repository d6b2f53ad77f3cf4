import InfluxKit
import Testing

struct InfluxQLReadOnlyTests {
    @Test(arguments: [
        "SELECT v FROM m", "select * from \"into\"", "SHOW DATABASES", "EXPLAIN SELECT v FROM m",
        "SELECT v FROM m; SHOW MEASUREMENTS", "SELECT v FROM m WHERE t = 'INTO x'", "  show field keys",
        "SELECT v FROM m WHERE t = 'it\\'s; DROP DATABASE x'",
    ])
    func readingQueries(query: String) {
        #expect(InfluxQL.isReadOnly(query))
    }

    @Test(arguments: [
        "SELECT mean(v) INTO m_1h FROM m GROUP BY time(1h)", "select * into \"copy\" from m", "DROP DATABASE x",
        "CREATE DATABASE x", "DELETE FROM m", "SHOW DATABASES; DROP MEASUREMENT m", "GRANT ALL TO bob",
        "KILL QUERY 3", "ALTER RETENTION POLICY rp ON db DEFAULT", "SET PASSWORD FOR bob = 'x'", "REVOKE ALL FROM bob",
    ])
    func changingQueries(query: String) {
        #expect(!InfluxQL.isReadOnly(query))
    }
}
