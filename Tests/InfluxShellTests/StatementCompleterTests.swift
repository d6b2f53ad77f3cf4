import InfluxShell
import Testing

/// What Tab offers, by the position of the word in the statement, against a fixed schema.
struct StatementCompleterTests {
    /// Two databases; `metrics` has `cpu` (fields usage, idle; tags host, region), `disk` and
    /// `load-avg` (a name that needs quotes).
    struct Schema: CompletionSchema {
        func databases() -> [String] { ["metrics", "logs"] }
        func retentionPolicies(in database: String) -> [String] { database == "metrics" ? ["autogen", "week"] : ["autogen"] }
        func measurements(in database: String) -> [String] { database == "metrics" ? ["cpu", "disk", "load-avg"] : ["events"] }
        func fieldKeys(in database: String, measurement: String?) -> [String] {
            guard database == "metrics" else { return ["message"] }
            return measurement == "disk" ? ["free"] : ["usage", "idle"]
        }
        func tagKeys(in database: String, measurement: String?) -> [String] {
            database == "metrics" && measurement != "disk" ? ["host", "region"] : ["device"]
        }
        func tagValues(in database: String, measurement: String?, key: String) -> [String] {
            guard database == "metrics", measurement == "cpu" else { return [] }
            return key == "host" ? ["alpha", "beta", "gamma"] : key == "owner" ? ["o'brien"] : []
        }
    }

    static func complete(_ line: String, database: String? = "metrics", after: String = "") -> Completion {
        let word = String(line.reversed().prefix { !" \t'\"=(".contains($0) }.reversed())
        return StatementCompleter(schema: Schema(), database: database)
            .complete(before: String(line.dropLast(word.count)), word: word, after: after)
    }

    @Test(arguments: [
        ("use me", ["metrics"]),
        ("SHOW MEASUREMENTS ON l", ["logs"]),
        ("SELECT * FROM c", ["cpu"]),
        ("SELECT * FROM cpu, d", ["disk"]),
        ("select usage from cpu where host = 'a'; select * from d", ["disk"]),
        ("SELECT * FROM metrics.", ["metrics.autogen.", "metrics.week.", "metrics.."]),
        ("SELECT * FROM metrics.week.d", ["metrics.week.disk"]),
        ("SELECT * FROM logs..e", ["logs..events"]),
        ("SELECT * FROM week.c", ["week.cpu"]),
        ("SELECT mean(us", ["usage"]),
        ("SELECT usage,id", ["usage,idle"]),
        ("SELECT free FROM disk WHERE ", ["free", "device", "time"]),
        ("SELECT * FROM cpu WHERE host = 'b", ["beta"]),
        ("SELECT * FROM cpu WHERE region = 'x' AND host != '", ["alpha", "beta", "gamma"]),
        ("SELECT * FROM cpu WHERE time > now() - 1h GROUP BY ", ["host", "region", "time("]),
        ("SELECT * FROM cpu GROUP BY host, r", ["region"]),
        ("SHOW TAG VALUES FROM cpu WITH KEY = ", ["host", "region"]),
        ("format c", ["column", "csv", "chart"]),
        ("\\x a", ["auto"]),
        // Comments and regular expressions are skipped, quotes and `;` in them too.
        ("SELECT * FROM cpu WHERE host = 'a' -- it's\nAND host = 'b", ["beta"]),
        ("SELECT * FROM cpu /* ; */ WHERE host = 'b", ["beta"]),
        ("SELECT * FROM cpu WHERE host =~ /it's;/ AND host = 'b", ["beta"]),
        ("SELECT * FROM cpu WHERE host =~ /a/ AND r", ["region"]),
    ])
    func offersNamesByPosition(_ line: String, _ expected: [String]) {
        #expect(Self.complete(line).candidates == expected)
    }

    @Test func theFieldsOfTheMeasurementAfterTheCursorComeWithTheFunctions() {
        let offered = Self.complete("SELECT ", after: " FROM disk").candidates
        #expect(offered.prefix(2) == ["free", "device"])
        #expect(offered.contains("MEAN("))
        #expect(!offered.contains("usage"))
    }

    @Test func aDatabaseInTheFromClauseGivesTheKeys() {
        #expect(Self.complete("SELECT m", database: nil, after: " FROM logs.autogen.events").candidates.first == "message")
    }

    @Test func keywordsFollowTheCaseOfTheStatement() {
        #expect(Self.complete("SELECT * FROM cpu WHERE host = 'a' ").candidates.contains("GROUP BY"))
        #expect(Self.complete("select * from cpu where host = 'a' ").candidates.contains("group by"))
        #expect(Self.complete("SELECT * FROM cpu wh").candidates == ["where"])
        #expect(Self.complete("SHOW ").candidates.contains("TAG VALUES"))
    }

    @Test func theFirstWordIsAShellCommandOrAStatementKeyword() {
        let offered = Self.complete("s").candidates
        #expect(offered.contains("settings"))
        #expect(offered.contains("source"))
        #expect(offered.contains("select"))
        #expect(offered.contains("show"))
        #expect(!offered.contains("usage"))
    }

    @Test func whatFollowsASingleMatchFitsIt() {
        #expect(Self.complete("SELECT * FROM cpu WHERE host = 'g") == Completion(["gamma"], suffix: "'"))
        #expect(Self.complete("SELECT MEA") == Completion(["MEAN("], suffix: ""))
        #expect(Self.complete("SELECT mea") == Completion(["mean("], suffix: ""))
        #expect(Self.complete("SELECT * FROM metrics.w") == Completion(["metrics.week."], suffix: ""))
        #expect(Self.complete("use metrics.w") == Completion(["metrics.week"], suffix: " "))
        #expect(Self.complete("SELECT * FROM logs.") == Completion(["logs.autogen.", "logs.."], suffix: " "))
        #expect(Self.complete("SELECT * FROM logs.a") == Completion(["logs.autogen."], suffix: ""))
        #expect(Self.complete("SELECT * FROM c") == Completion(["cpu"], suffix: " "))
    }

    @Test func nothingIsOfferedWithoutACurrentDatabaseForKeys() {
        #expect(Self.complete("SELECT us", database: nil).candidates.isEmpty)
        #expect(Self.complete("SELECT * FROM m", database: nil).candidates == ["metrics."])
    }

    @Test func namesThatNeedQuotesGetThemAndValuesAreEscaped() {
        #expect(Self.complete("SELECT * FROM lo") == Completion(["\"load-avg\""], suffix: " "))
        #expect(Self.complete("SELECT * FROM \"load-") == Completion(["load-avg"], suffix: "\""))
        #expect(Self.complete("SELECT * FROM cpu WHERE owner = 'o") == Completion(["o\\'brien"], suffix: "'"))
    }
}
