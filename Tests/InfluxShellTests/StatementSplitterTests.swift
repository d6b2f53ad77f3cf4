import InfluxShell
import Testing

/// When Enter runs what was typed, and how lines are cut into statements.
struct StatementSplitterTests {
    /// Lines typed one after the other, the statements each line completes, and whether a
    /// statement is still open at the end.
    struct Case: CustomTestStringConvertible, Sendable {
        var lines: [String]
        var statements: [[String]]
        var continuing: Bool
        var testDescription: String { lines.joined(separator: " ⏎ ") }
    }

    static let cases: [Case] = [
        Case(lines: ["SHOW DATABASES"], statements: [["SHOW DATABASES"]], continuing: false),
        Case(lines: ["SELECT * FROM cpu"], statements: [["SELECT * FROM cpu"]], continuing: false),
        Case(lines: ["SELECT * FROM cpu;"], statements: [["SELECT * FROM cpu"]], continuing: false),
        Case(lines: ["SHOW DATABASES; SHOW USERS;SHOW MEASUREMENTS"],
             statements: [["SHOW DATABASES", "SHOW USERS", "SHOW MEASUREMENTS"]], continuing: false),
        Case(lines: ["SELECT usage", "FROM cpu"], statements: [[], ["SELECT usage\nFROM cpu"]], continuing: false),
        Case(lines: ["select *", "from cpu where", "host = 'a'"],
             statements: [[], [], ["select *\nfrom cpu where\nhost = 'a'"]], continuing: false),
        Case(lines: ["SELECT mean(usage) FROM cpu GROUP BY"], statements: [[]], continuing: true),
        Case(lines: ["SELECT * FROM cpu WHERE host = 'a"], statements: [[]], continuing: true),
        Case(lines: ["SELECT * FROM cpu WHERE host = 'a", "b'"],
             statements: [[], ["SELECT * FROM cpu WHERE host = 'a\nb'"]], continuing: false),
        Case(lines: ["SELECT * FROM \"my;cpu\""], statements: [["SELECT * FROM \"my;cpu\""]], continuing: false),
        Case(lines: ["SELECT mean(usage", ") FROM cpu"], statements: [[], ["SELECT mean(usage\n) FROM cpu"]], continuing: false),
        Case(lines: ["SELECT a,", "b FROM cpu"], statements: [[], ["SELECT a,\nb FROM cpu"]], continuing: false),
        Case(lines: ["SELECT * FROM cpu WHERE time > now() -", "1h"],
             statements: [[], ["SELECT * FROM cpu WHERE time > now() -\n1h"]], continuing: false),
        Case(lines: ["SELECT * FROM cpu WHERE a = 1 AND"], statements: [[]], continuing: true),
        Case(lines: ["SELECT * FROM cpu WHERE host =~ /web.*/"],
             statements: [["SELECT * FROM cpu WHERE host =~ /web.*/"]], continuing: false),
        Case(lines: ["SELECT * FROM cpu WHERE s = 'it\\'s;'"],
             statements: [["SELECT * FROM cpu WHERE s = 'it\\'s;'"]], continuing: false),
        Case(lines: ["SHOW DATABASES; SELECT usage"], statements: [["SHOW DATABASES"]], continuing: true),
        Case(lines: ["", "   ", ";;"], statements: [[], [], []], continuing: false),
        Case(lines: ["use db; format csv"], statements: [["use db", "format csv"]], continuing: false),
        // Comments: white space that keeps its `;`, sent along with the statement; alone, nothing runs.
        Case(lines: ["-- c", "/* a ; b */", " ; -- c ; ", "-- a; SHOW USERS"], statements: [[], [], [], []], continuing: false),
        Case(lines: ["SHOW DATABASES /* x ; */"], statements: [["SHOW DATABASES /* x ; */"]], continuing: false),
        Case(lines: ["SHOW DATABASES -- a; SHOW USERS"], statements: [["SHOW DATABASES -- a; SHOW USERS"]], continuing: false),
        Case(lines: ["SHOW DATABASES -- a", "; SHOW USERS"], statements: [["SHOW DATABASES -- a"], ["SHOW USERS"]], continuing: false),
        Case(lines: ["SHOW USERS; -- c", "SHOW DATABASES;/* c */"],
             statements: [["SHOW USERS"], ["SHOW DATABASES"]], continuing: false),
        Case(lines: ["SELECT * FROM cpu -- note,"], statements: [["SELECT * FROM cpu -- note,"]], continuing: false),
        Case(lines: ["SELECT * FROM cpu WHERE a = 1 /* and"], statements: [[]], continuing: true),
        Case(lines: ["SELECT * FROM cpu /* open", "still ; open */"],
             statements: [[], ["SELECT * FROM cpu /* open\nstill ; open */"]], continuing: false),
        Case(lines: ["/* open", "*/ SHOW USERS; -- c"], statements: [[], ["/* open\n*/ SHOW USERS"]], continuing: false),
        Case(lines: ["/* open", "*/"], statements: [[], []], continuing: false),
        Case(lines: ["SELECT a, -- the fields;", "b FROM cpu"], statements: [[], ["SELECT a, -- the fields;\nb FROM cpu"]], continuing: false),
        Case(lines: ["SELECT a -- FROM cpu"], statements: [[]], continuing: true),
        // A regular expression keeps its `;` and its `--`; a `/` elsewhere is an operator.
        Case(lines: ["SELECT * FROM cpu WHERE a =~ /x;y--/"], statements: [["SELECT * FROM cpu WHERE a =~ /x;y--/"]], continuing: false),
        Case(lines: ["SELECT * FROM /c;p--u/"], statements: [["SELECT * FROM /c;p--u/"]], continuing: false),
        Case(lines: ["SELECT a / 2 FROM cpu WHERE a = 1 /"], statements: [[]], continuing: true),
    ]

    @Test(arguments: cases)
    func splitsLines(_ example: Case) {
        var splitter = StatementSplitter()
        var got: [[String]] = []
        for line in example.lines { got.append(splitter.add(line: line)) }
        #expect(got == example.statements)
        #expect(splitter.isContinuing == example.continuing)
    }

    @Test func finishHandsOverTheOpenStatementOnce() {
        var splitter = StatementSplitter()
        let completed = splitter.add(line: "SELECT usage")
        let first = splitter.finish()
        let second = splitter.finish()
        #expect(completed.isEmpty)
        #expect(first == "SELECT usage")
        #expect(second == nil)
        #expect(!splitter.isContinuing)
    }

    @Test func finishDropsAnOpenCommentAlone() {
        var splitter = StatementSplitter()
        _ = splitter.add(line: "; /* a")
        #expect(splitter.isContinuing)
        #expect(splitter.finish() == nil)
        _ = splitter.add(line: "SELECT a /* b")
        #expect(splitter.finish() == "SELECT a /* b")
    }

    @Test func resetForgetsTheOpenStatement() {
        var splitter = StatementSplitter()
        _ = splitter.add(line: "SELECT usage")
        splitter.reset()
        let completed = splitter.add(line: "SHOW USERS")
        #expect(completed == ["SHOW USERS"])
    }

    /// Hostile input met while fuzzing: every line rescanned the whole open statement, so a
    /// script with an unclosed quote near its top took time quadratic in its length.
    @Test func aLongOpenStatementIsScannedOncePerLine() {
        var splitter = StatementSplitter()
        let lines = ["SELECT 'oops"] + Array(repeating: "select * from cpu where x = 1;", count: 20000)
        let completed = lines.flatMap { splitter.add(line: $0) }
        #expect(completed.isEmpty)
        #expect(splitter.finish() == lines.joined(separator: "\n"))

        let list = ["SELECT a,"] + Array(repeating: "b,", count: 20000) + ["c FROM m"]
        let statements = list.map { splitter.add(line: $0) }
        #expect(statements.dropLast().allSatisfy { $0.isEmpty })
        #expect(statements.last == [list.joined(separator: "\n")])
    }

    @Test func aStatementEndedMidLineLeavesTheRestToTheNextLines() {
        var splitter = StatementSplitter()
        #expect(splitter.add(line: "SHOW USERS; SELECT a") == ["SHOW USERS"])
        #expect(splitter.add(line: "FROM m WHERE") == [])
        #expect(splitter.add(line: "x = '1;'; SHOW DATABASES") == ["SELECT a\nFROM m WHERE\nx = '1;'", "SHOW DATABASES"])
        #expect(!splitter.isContinuing)
    }
}
