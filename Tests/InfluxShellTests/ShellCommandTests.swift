import InfluxKit
import InfluxShell
import Testing

/// Parsing of what is typed at the prompt into shell commands or InfluxQL.
struct ShellCommandTests {
    static let parsed: [(String, ShellCommand)] = [
        ("use metrics", .use(database: "metrics", retentionPolicy: nil)),
        ("USE metrics.week", .use(database: "metrics", retentionPolicy: "week")),
        ("use \"my.db\".\"rp\"", .use(database: "my.db", retentionPolicy: "rp")),
        ("use -f nope", .use(database: "nope", retentionPolicy: nil, force: true)),
        ("use -f \"my db\".rp", .use(database: "my db", retentionPolicy: "rp", force: true)),
        ("precision rfc3339", .precision(nil)),
        ("precision ms", .precision(.milliseconds)),
        ("precision NS", .precision(.nanoseconds)),
        ("format csv", .format(.csv)),
        ("format Table", .format(.table)),
        ("pretty", .pretty),
        ("chunked", .chunked),
        ("chunk size 500", .chunkSize(500)),
        ("consistency quorum", .consistency(.quorum)),
        ("settings", .settings),
        ("connect db.example:8087", .connect("db.example:8087")),
        ("auth", .auth(username: nil)),
        ("auth admin", .auth(username: "admin")),
        ("insert cpu,host=a usage=1", .insert(retentionPolicy: nil, line: "cpu,host=a usage=1")),
        ("insert into week cpu usage=2 10", .insert(retentionPolicy: "week", line: "cpu usage=2 10")),
        ("clear", .clear(nil)),
        ("clear rp", .clear("rp")),
        ("help", .help),
        ("history", .history),
        ("exit", .exit),
        ("QUIT", .exit),
        ("timing", .timing),
        ("\\x", .expanded(nil)),
        ("expanded", .expanded(nil)),
        ("\\x auto", .expanded(.auto)),
        ("expanded OFF", .expanded(.off)),
        ("pager", .pager(nil)),
        ("pager off", .pager(false)),
        ("pager on", .pager(true)),
        ("source /tmp/a b.iql", .source("/tmp/a b.iql")),
        ("\\o out.txt", .output("out.txt")),
        ("\\o", .output(nil)),
        ("refresh", .refresh),
        ("SELECT * FROM cpu", .query("SELECT * FROM cpu")),
        ("  SHOW DATABASES  ", .query("SHOW DATABASES")),
        ("useful_measurement", .query("useful_measurement")),
    ]

    @Test(arguments: parsed)
    func parses(_ text: String, _ expected: ShellCommand) throws {
        #expect(try ShellCommand(parsing: text) == expected)
    }

    @Test(arguments: [
        "use", "use -f", "use a.b.c", "precision fortnight", "format xml", "chunk size", "chunk size -1", "chunk rows 5",
        "consistency some", "connect", "connect a b", "auth a b", "insert", "insert cpu", "insert cpu usage=",
        "clear everything", "exit now", "source", "timing on", "\\x sometimes", "pager less",
    ])
    func refuses(_ text: String) {
        #expect(throws: InfluxError.self) { try ShellCommand(parsing: text) }
    }

    @Test func insertIsTakenWholeByItsFirstWord() {
        #expect(ShellCommand.isInsert("INSERT cpu s=\"a;b\""))
        #expect(ShellCommand.isInsert("  insert into rp cpu v=1"))
        #expect(!ShellCommand.isInsert("inserts"))
        #expect(!ShellCommand.isInsert("SELECT insert FROM cpu"))
    }
}
