import InfluxShell
import Testing

/// The continuation rules against the statement forms of the InfluxQL 1.x reference (data
/// exploration, schema exploration, database management, continuous queries, authentication):
/// each is complete on one line, as the Go `influx` shell runs every line; split over lines at a
/// point where the text so far cannot be a whole statement, it waits and then runs whole.
struct StatementSplitterCorpusTests {
    /// Examples in the forms the reference pages show (their sample data: NOAA water levels).
    static let statements: [String] = [
        // SELECT and FROM
        #"SELECT * FROM "h2o_feet""#,
        #"SELECT "level description","location","water_level" FROM "h2o_feet""#,
        #"SELECT "level description"::field,"location"::tag,"water_level"::field FROM "h2o_feet""#,
        #"SELECT *::field FROM "h2o_feet""#,
        #"SELECT ("water_level" * 2) + 4 FROM "h2o_feet""#,
        #"SELECT "water_level" * 2 FROM "h2o_feet""#,
        #"SELECT * FROM "h2o_feet","h2o_pH""#,
        #"SELECT * FROM "NOAA_water_database"."autogen"."h2o_feet""#,
        #"SELECT * FROM "NOAA_water_database".."h2o_feet""#,
        "SELECT * FROM NOAA_water_database..h2o_feet",
        "SELECT * FROM NOAA_water_database.autogen.h2o_feet LIMIT 1",
        #"SELECT "location" FROM "h2o_feet""#,
        #"SELECT "water_level","location" FROM "h2o_feet""#,
        // WHERE
        #"SELECT * FROM "h2o_feet" WHERE "water_level" > 8"#,
        #"SELECT * FROM "h2o_feet" WHERE "level description" = 'below 3 feet'"#,
        #"SELECT * FROM "h2o_feet" WHERE "water_level" + 2 > 11.9"#,
        #"SELECT "water_level" FROM "h2o_feet" WHERE "location" = 'santa_monica'"#,
        #"SELECT "water_level" FROM "h2o_feet" WHERE "location" <> 'santa_monica' AND (water_level < -0.59 OR water_level > 9.95)"#,
        #"SELECT * FROM "h2o_feet" WHERE time > now() - 7d"#,
        #"SELECT "level description" FROM "h2o_feet" WHERE "level description" = 'at or greater than 9 feet'"#,
        #"SELECT * FROM "h2o_feet" WHERE time >= '2015-08-18T00:00:00Z' AND time <= '2015-08-18T00:12:00Z'"#,
        #"SELECT * FROM "h2o_feet" WHERE time >= '2015-08-18T00:00:00.000000000Z' - 6m"#,
        #"SELECT * FROM "h2o_feet" WHERE time > 24043524m - 6m"#,
        #"SELECT * FROM "h2o_feet" WHERE time >= 1439856000000000000 AND time <= 1439856720000000000"#,
        #"SELECT * FROM "h2o_feet" WHERE time >= 1439856000s AND time <= 1439856720s"#,
        #"SELECT * FROM "h2o_feet" WHERE time >= now() + 1000d"#,
        #"SELECT * FROM "h2o_feet" WHERE "location" != 'santa_monica'"#,
        "SELECT * FROM \"h2o_feet\" WHERE \"level description\" = 'it\\'s high'",
        #"SELECT * FROM "cpu" WHERE "host" = $host AND time > $start"#,
        // GROUP BY
        #"SELECT MEAN("water_level") FROM "h2o_feet" GROUP BY "location""#,
        #"SELECT MEAN("index") FROM "h2o_quality" GROUP BY "location","randtag""#,
        #"SELECT MEAN("index") FROM "h2o_quality" GROUP BY *"#,
        "SELECT count(*) FROM cpu GROUP BY *",
        "SELECT count(*) FROM cpu GROUP BY time(1h), *",
        "SELECT mean(*) FROM cpu WHERE time > now() - 1h GROUP BY *, time(10m)",
        #"SELECT MAX("water_level") FROM "h2o_feet" GROUP BY /l/"#,
        #"SELECT COUNT("water_level") FROM "h2o_feet" WHERE "location"='coyote_creek' AND time >= '2015-08-18T00:00:00Z' AND time <= '2015-08-18T00:30:00Z' GROUP BY time(12m)"#,
        #"SELECT COUNT("water_level") FROM "h2o_feet" WHERE time >= '2015-08-18T00:00:00Z' AND time <= '2015-08-18T00:30:00Z' GROUP BY time(12m),"location""#,
        #"SELECT MEAN("water_level") FROM "h2o_feet" WHERE "location"='coyote_creek' AND time >= '2015-08-18T00:06:00Z' AND time <= '2015-08-18T00:54:00Z' GROUP BY time(18m,6m)"#,
        #"SELECT MEAN("water_level") FROM "h2o_feet" WHERE "location"='coyote_creek' AND time >= '2015-08-18T00:06:00Z' AND time <= '2015-08-18T00:54:00Z' GROUP BY time(18m,-12m)"#,
        #"SELECT MAX("water_level") FROM "h2o_feet" WHERE "location"='coyote_creek' AND time >= '2015-09-18T16:00:00Z' AND time <= '2015-09-18T16:42:00Z' GROUP BY time(12m) fill(100)"#,
        #"SELECT MEAN("tadpoles") FROM "pond" WHERE time > '2016-11-11T21:24:00Z' AND time <= '2016-11-11T22:06:00Z' GROUP BY time(12m) fill(linear)"#,
        // INTO
        #"SELECT * INTO "copy_NOAA_water_database"."autogen".:MEASUREMENT FROM "NOAA_water_database"."autogen"./.*/ GROUP BY *"#,
        #"SELECT "water_level" INTO "h2o_feet_copy_1" FROM "h2o_feet" WHERE "location" = 'coyote_creek'"#,
        #"SELECT MEAN("water_level") INTO "where_else"."autogen"."average" FROM "h2o_feet" WHERE "location" = 'coyote_creek' AND time >= '2015-08-18T00:00:00Z' AND time <= '2015-08-18T00:30:00Z' GROUP BY time(12m)"#,
        #"SELECT MEAN(*) INTO "where_else"."autogen".:MEASUREMENT FROM /.*/ WHERE time >= '2015-08-18T00:00:00Z' AND time <= '2015-08-18T00:06:00Z' GROUP BY time(12m)"#,
        // ORDER BY, LIMIT, OFFSET, tz
        #"SELECT "water_level" FROM "h2o_feet" WHERE "location" = 'santa_monica' ORDER BY time DESC"#,
        #"SELECT "water_level","location" FROM "h2o_feet" LIMIT 3"#,
        #"SELECT "water_level" FROM "h2o_feet" GROUP BY * SLIMIT 1"#,
        #"SELECT "water_level","location" FROM "h2o_feet" LIMIT 3 OFFSET 3"#,
        #"SELECT MEAN("water_level") FROM "h2o_feet" WHERE time >= '2015-08-18T00:00:00Z' AND time <= '2015-08-18T00:42:00Z' GROUP BY *,time(12m) ORDER BY time DESC LIMIT 2 OFFSET 2 SLIMIT 1 SOFFSET 1"#,
        #"SELECT "water_level" FROM "h2o_feet" WHERE "location" = 'santa_monica' AND time >= '2015-08-18T00:00:00Z' AND time <= '2015-08-18T00:18:00Z' tz('America/Chicago')"#,
        // Regular expressions
        "SELECT /l/ FROM \"h2o_feet\" LIMIT 1",
        #"SELECT MEAN("degrees") FROM /temperature/"#,
        #"SELECT MEAN(water_level) FROM "h2o_feet" WHERE "location" =~ /[m]/ AND "water_level" > 3"#,
        #"SELECT * FROM "h2o_feet" WHERE "location" !~ /./"#,
        #"SELECT FIRST("index") FROM "h2o_quality" GROUP BY /l/"#,
        #"SELECT MEAN("water_level") FROM "h2o_feet" WHERE "level description" =~ /between/"#,
        #"SELECT * FROM "NOAA_water_database"."autogen"./h2o.*/ LIMIT 1"#,
        "SELECT * FROM NOAA_water_database.autogen./h2o.*/ LIMIT 1",
        "SELECT * FROM NOAA_water_database../h2o.*/",
        #"SELECT * FROM "NOAA_water_database"../h2o.*/"#,
        "SELECT * FROM autogen./h2o.*/",
        #"SELECT * FROM "db"."rp"./cpu.*/"#,
        #"SELECT * FROM /cpu/, "db".."mem""#,
        // Casts, arithmetic, functions, subqueries
        #"SELECT "water_level"::float FROM "h2o_feet" LIMIT 4"#,
        #"SELECT "water_level"::integer FROM "h2o_feet" LIMIT 4"#,
        #"SELECT COUNT(DISTINCT("level description")) FROM "h2o_feet""#,
        #"SELECT PERCENTILE("water_level",5) FROM "h2o_feet""#,
        #"SELECT NON_NEGATIVE_DERIVATIVE(MEAN("water_level"), 1s) FROM "h2o_feet" GROUP BY time(12m)"#,
        #"SELECT TOP("water_level","location",2) FROM "h2o_feet""#,
        #"SELECT SUM("max") FROM (SELECT MAX("water_level") FROM "h2o_feet" GROUP BY "location")"#,
        #"SELECT MEAN("difference") FROM (SELECT "cats" - "dogs" AS "difference" FROM "pet_daycare")"#,
        #"SELECT "all_the_means" FROM (SELECT MEAN("water_level") AS "all_the_means" FROM "h2o_feet" GROUP BY time(12m) ) WHERE "all_the_means" > 5"#,
        #"SELECT SUM("water_level_derivative") AS "sum_derivative" FROM (SELECT DERIVATIVE(MEAN("water_level")) AS "water_level_derivative" FROM "h2o_feet" WHERE time >= '2015-08-18T00:00:00Z' AND time <= '2015-08-18T00:30:00Z' GROUP BY time(12m),"location") GROUP BY "location""#,
        #"SELECT "water_level" % 2 FROM "h2o_feet""#,
        #"SELECT "water_level" / 2 FROM "h2o_feet""#,
        #"SELECT "A" & 255 FROM "data""#,
        #"SELECT * FROM "h2o_feet" WHERE "water_level" = true"#,
        "EXPLAIN SELECT MEAN(\"water_level\") FROM \"h2o_feet\"",
        "EXPLAIN ANALYZE SELECT * FROM cpu GROUP BY *",
        // Schema exploration
        "SHOW DATABASES",
        "SHOW RETENTION POLICIES ON NOAA_water_database",
        "SHOW RETENTION POLICIES",
        "SHOW SERIES ON NOAA_water_database",
        #"SHOW SERIES ON NOAA_water_database FROM "h2o_quality" WHERE "location" = 'coyote_creek' LIMIT 2"#,
        "SHOW SERIES ON NOAA_water_database WHERE time < now() - 1m",
        "SHOW MEASUREMENTS ON NOAA_water_database",
        "SHOW MEASUREMENTS ON NOAA_water_database LIMIT 2 OFFSET 1",
        "SHOW MEASUREMENTS ON NOAA_water_database WITH MEASUREMENT =~ /h2o.*/ WHERE \"randtag\" =~ /\\d/",
        "SHOW TAG KEYS ON \"NOAA_water_database\"",
        #"SHOW TAG KEYS ON "NOAA_water_database" FROM "h2o_quality" LIMIT 1 OFFSET 1"#,
        #"SHOW TAG VALUES ON "NOAA_water_database" WITH KEY = "randtag""#,
        #"SHOW TAG VALUES ON "NOAA_water_database" WITH KEY IN ("location","randtag") WHERE "randtag" =~ /./ LIMIT 3"#,
        #"SHOW TAG VALUES ON "NOAA_water_database" WITH KEY =~ /l/"#,
        "SHOW FIELD KEYS ON \"NOAA_water_database\"",
        #"SHOW FIELD KEYS ON "NOAA_water_database" FROM "h2o_feet""#,
        "SHOW SERIES CARDINALITY ON mydb",
        "SHOW SERIES EXACT CARDINALITY ON mydb FROM cpu WHERE host = 'a'",
        "SHOW MEASUREMENT CARDINALITY",
        "SHOW TAG KEY CARDINALITY FROM cpu",
        "SHOW TAG VALUES EXACT CARDINALITY WITH KEY = \"host\"",
        "SHOW FIELD KEY CARDINALITY ON mydb",
        // Database management
        "CREATE DATABASE \"NOAA_water_database\"",
        "CREATE DATABASE \"NOAA_water_database\" WITH DURATION 3d REPLICATION 1 SHARD DURATION 1h NAME \"liquid\"",
        "DROP DATABASE \"NOAA_water_database\"",
        "DROP SERIES FROM \"h2o_feet\" WHERE \"location\" = 'santa_monica'",
        "DROP SERIES WHERE \"location\" = 'santa_monica'",
        "DELETE FROM \"h2o_feet\" WHERE time < '2020-01-01'",
        "DELETE WHERE time < '2020-01-01'",
        "DROP MEASUREMENT \"h2o_feet\"",
        "DROP SHARD 1",
        "CREATE RETENTION POLICY \"one_day_only\" ON \"NOAA_water_database\" DURATION 1d REPLICATION 1",
        "CREATE RETENTION POLICY \"one_day_only\" ON \"NOAA_water_database\" DURATION 23h60m REPLICATION 1 DEFAULT",
        "ALTER RETENTION POLICY \"what_is_time\" ON \"NOAA_water_database\" DURATION 3w SHARD DURATION 2h DEFAULT",
        "DROP RETENTION POLICY \"what_is_time\" ON \"NOAA_water_database\"",
        "SHOW SHARDS",
        "SHOW SHARD GROUPS",
        "SHOW STATS FOR 'indexes'",
        "SHOW DIAGNOSTICS",
        "SHOW QUERIES",
        "KILL QUERY 36",
        "KILL QUERY 53 ON \"myhost:8088\"",
        // Authentication and authorization
        "CREATE USER paul WITH PASSWORD 'timeseries4days'",
        "CREATE USER \"todd\" WITH PASSWORD 'influxdb41yf3' WITH ALL PRIVILEGES",
        "SHOW USERS",
        "SHOW GRANTS FOR \"todd\"",
        "GRANT ALL PRIVILEGES TO \"todd\"",
        "GRANT READ ON \"NOAA_water_database\" TO \"todd\"",
        "REVOKE ALL PRIVILEGES FROM \"todd\"",
        "REVOKE WRITE ON \"NOAA_water_database\" FROM \"todd\"",
        "SET PASSWORD FOR \"todd\" = 'InfluxDB4Ever'",
        "DROP USER \"todd\"",
        // Continuous queries
        #"CREATE CONTINUOUS QUERY "cq_basic" ON "transportation" BEGIN SELECT mean("passengers") INTO "average_passengers" FROM "bus_data" GROUP BY time(1h) END"#,
        #"CREATE CONTINUOUS QUERY "cq_basic_rp" ON "transportation" BEGIN SELECT mean("passengers") INTO "transportation"."three_weeks"."average_passengers" FROM "bus_data" GROUP BY time(1h) END"#,
        #"CREATE CONTINUOUS QUERY "cq_basic_br" ON "transportation" BEGIN SELECT mean(*) INTO "downsampled_transportation"."autogen".:MEASUREMENT FROM /.*/ GROUP BY time(30m),* END"#,
        #"CREATE CONTINUOUS QUERY "cq_basic_offset" ON "transportation" BEGIN SELECT mean("passengers") INTO "average_passengers" FROM "bus_data" GROUP BY time(1h,15m) END"#,
        #"CREATE CONTINUOUS QUERY "cq_advanced_every_for" ON "transportation" RESAMPLE EVERY 1h FOR 90m BEGIN SELECT mean("passengers") INTO "average_passengers" FROM "bus_data" GROUP BY time(30m) END"#,
        #"CREATE CONTINUOUS QUERY "cq_advanced_fill" ON "transportation" RESAMPLE FOR 2h BEGIN SELECT max("passengers") INTO "max_passengers" FROM "bus_data" GROUP BY time(1h) fill(1000) END"#,
        "SHOW CONTINUOUS QUERIES",
        "DROP CONTINUOUS QUERY \"idle_hands\" ON \"telegraf\"",
    ]

    @Test(arguments: statements)
    func aStatementOnOneLineRunsAtOnce(_ statement: String) {
        var splitter = StatementSplitter()
        #expect(splitter.add(line: statement) == [statement])
        #expect(!splitter.isContinuing)
    }

    /// A script of one statement a line, without `;`: each line is one statement, as the Go
    /// shell reads it (nothing is glued to the line after it).
    @Test func aScriptOfOneStatementALineRunsEachLine() {
        var splitter = StatementSplitter()
        var got: [String] = []
        for statement in Self.statements { got += splitter.add(line: statement) }
        #expect(got == Self.statements)
        #expect(splitter.finish() == nil)
    }

    /// Split after a word or symbol that cannot end a statement (`WHERE`, `AND`, `OR`, `BY`, a
    /// comma, an operator, `BEGIN`), before the `FROM` of a `SELECT`, or anywhere in a continuous
    /// query after `CREATE CONTINUOUS QUERY`: the first part waits, the whole runs as one statement.
    @Test(arguments: statements)
    func aStatementSplitAtANaturalPointWaitsAndRunsWhole(_ statement: String) {
        let splits = Self.naturalSplits(of: statement)
        for split in splits {
            var splitter = StatementSplitter()
            let head = String(statement[..<split])
            let tail = String(statement[statement.index(after: split)...])
            #expect(splitter.add(line: head).isEmpty, "\(head) ⏎")
            #expect(splitter.isContinuing, "\(head) ⏎")
            #expect(splitter.add(line: tail) == [head + "\n" + tail], "\(head) ⏎ \(tail)")
            #expect(!splitter.isContinuing)
        }
    }

    @Test func theCorpusHasSplitsOfEveryKind() {
        let count = Self.statements.map { Self.naturalSplits(of: $0).count }.reduce(0, +)
        #expect(count > 300)
    }

    /// A continuous query typed over several lines, as the reference lays it out.
    @Test func aContinuousQueryOverThreeLinesIsOneStatement() {
        var splitter = StatementSplitter()
        #expect(splitter.add(line: #"CREATE CONTINUOUS QUERY "cq" ON "db""#).isEmpty)
        #expect(splitter.add(line: "BEGIN").isEmpty)
        #expect(splitter.add(line: "  SELECT mean(v) INTO m_1h FROM m GROUP BY time(1h)").isEmpty)
        #expect(splitter.add(line: "END") == [#"CREATE CONTINUOUS QUERY "cq" ON "db""# + "\nBEGIN\n  SELECT mean(v) INTO m_1h FROM m GROUP BY time(1h)\nEND"])
        #expect(!splitter.isContinuing)
    }

    /// An empty line runs what waits, as it is (the server says what is wrong with it), but not
    /// inside quotes or a `/*` comment, where it is part of the text.
    @Test func anEmptyLineRunsWhatWaits() {
        var splitter = StatementSplitter()
        #expect(splitter.add(line: "SELECT * FROM cpu WHERE").isEmpty)
        #expect(splitter.add(line: "") == ["SELECT * FROM cpu WHERE"])
        #expect(!splitter.isContinuing)
        #expect(splitter.add(line: "SELECT usage").isEmpty)
        #expect(splitter.add(line: "   ") == ["SELECT usage"])
        #expect(splitter.add(line: "").isEmpty)

        #expect(splitter.add(line: "SELECT * FROM cpu WHERE host = 'a").isEmpty)
        #expect(splitter.add(line: "").isEmpty)
        #expect(splitter.add(line: "b'") == ["SELECT * FROM cpu WHERE host = 'a\n\nb'"])
        #expect(splitter.add(line: "SHOW DATABASES /* a").isEmpty)
        #expect(splitter.add(line: "").isEmpty)
        #expect(splitter.add(line: "*/") == ["SHOW DATABASES /* a\n\n*/"])
    }

    /// What follows the empty line is a statement of its own, sent alone, so it is read afresh: a
    /// `/` after the `BY` that ran no longer opens a regular expression (found by the fuzzer).
    @Test func anEmptyLineStartsTheNextStatementAfresh() {
        var splitter = StatementSplitter()
        #expect(splitter.add(line: "SELECT a FROM m GROUP BY").isEmpty)
        #expect(splitter.add(line: "") == ["SELECT a FROM m GROUP BY"])
        #expect(splitter.add(line: "/* a; b */ SHOW DATABASES; SHOW USERS") == ["/* a; b */ SHOW DATABASES", "SHOW USERS"])
        #expect(!splitter.isContinuing)
    }

    /// A `*` that multiplies still waits for its operand; one that stands for all columns or
    /// tags does not.
    @Test(arguments: [
        ("SELECT a FROM m WHERE a > 2 *", true),
        ("SELECT a FROM m WHERE a > (b) *", true),
        ("SELECT a FROM m WHERE a > 'x' *", true),
        ("SELECT a FROM m GROUP BY *", false),
        ("SELECT a FROM m GROUP BY time(1h),*", false),
        ("SELECT a FROM m GROUP BY time(1h), *", false),
        ("SELECT a FROM m GROUP BY *,", true),
        ("SELECT a FROM m GROUP BY /re/", false),
    ])
    func aTrailingStarWaitsOnlyWhenItMultiplies(_ line: String, _ waits: Bool) {
        var splitter = StatementSplitter()
        _ = splitter.add(line: line)
        #expect(splitter.isContinuing == waits)
    }

    /// Where a statement cannot end: after these words and symbols (the reference's grammar
    /// needs something after each), before a `SELECT`'s `FROM`, inside `BEGIN … END`.
    static func naturalSplits(of statement: String) -> [String.Index] {
        let continuing: Set = ["where", "and", "or", "by", "from", "select", "begin"]
        let symbols: Set<Character> = [",", "=", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "~", "("]
        var splits: [String.Index] = []
        var quote: Character?
        var inRegex = false
        var words: [String] = []
        var word = ""
        var previous: Character?
        let isCQ = statement.lowercased().hasPrefix("create continuous query")
        var index = statement.startIndex
        while index < statement.endIndex {
            let character = statement[index]
            defer { previous = character; index = statement.index(after: index) }
            if let open = quote {
                if character == open && previous != "\\" {
                    quote = nil
                    words.append("'")  // a quoted name or string: a word that is no keyword
                }
                continue
            }
            if inRegex {
                if character == "/" && previous != "\\" {
                    inRegex = false
                    words.append("'")  // a regular expression: a word that is no keyword
                }
                continue
            }
            if character == "'" || character == "\"" { quote = character; continue }
            if character == "/" && (["from", "by", "select"].contains(words.last) && word.isEmpty || previous == "." || previous == "~" || previous == " " && ["=~", "!~"].contains(where: { statement[..<index].hasSuffix($0 + " ") })) {
                inRegex = true
                continue
            }
            if character.isLetter || character.isNumber || character == "_" {
                word.append(character)
                continue
            }
            if !word.isEmpty { words.append(word.lowercased()); word = "" }
            guard character == " " else { continue }
            let head = statement[..<index]
            let next = statement[statement.index(after: index)...].lowercased()
            let lastWord = words.last ?? ""
            let afterWord = previous.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
            var natural = afterWord && continuing.contains(lastWord)
            let afterLiteral = words.last == "'" && (previous == "/" || previous == "'" || previous == "\"")
            if let previous, symbols.contains(previous) && !afterLiteral && !(previous == "*" && (lastWord == "by" || lastWord == "select" || head.hasSuffix(",*") || head.hasSuffix("(*"))) { natural = true }
            if next.hasPrefix("from ") && words.first == "select" && !words.contains("from") { natural = true }
            // Every space of a continuous query after `CREATE CONTINUOUS QUERY` comes before its END.
            if isCQ && words.count >= 3 { natural = true }
            if natural { splits.append(index) }
        }
        return splits
    }
}
