import Foundation
import InfluxShell
import Testing

/// The shell's history: no secrets, no duplicates, a size cap, a private file.
struct HistoryTests {
    @Test(arguments: [
        "CREATE USER bob WITH PASSWORD 'secret'",
        "create user bob with password 'secret'",
        "SET PASSWORD FOR bob = 'secret'",
        "auth",
        "auth bob",
        "connect bob:secret@db.example:8086",
        "connect db.example:8086 bob secret",
    ])
    func secretsAreNotRecorded(_ entry: String) {
        var history = History()
        let added = history.add(entry)
        #expect(!added)
        #expect(history.entries.isEmpty)
    }

    @Test(arguments: ["SHOW USERS", "connect db.example:8086", "use metrics", "SELECT passage FROM cpu"])
    func otherEntriesAreRecorded(_ entry: String) {
        var history = History()
        let added = history.add(entry)
        #expect(added)
        #expect(history.entries == [entry])
    }

    @Test func duplicatesMoveToTheEndAndTheOldestGoFirst() {
        var history = History(limit: 3)
        for entry in ["a", "b", "a", "c", "d"] { history.add(entry) }
        #expect(history.entries == ["a", "c", "d"])
    }

    @Test func multiLineStatementsBecomeOneLine() {
        var history = History()
        history.add("SELECT usage\n  FROM cpu\n")
        #expect(history.entries == ["SELECT usage FROM cpu"])
    }

    @Test func theFileIsPrivateAndReadsBack() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data("old\nCREATE USER x WITH PASSWORD 'p'\n".utf8),
                                       attributes: [.posixPermissions: 0o644])
        var history = History()
        history.load(from: path)
        #expect(history.entries == ["old"])
        history.add("SHOW DATABASES")
        try history.save(to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\nSHOW DATABASES\n")
    }

    @Test func bangNumbersNameEntriesAsHistoryListsThem() {
        var history = History()
        for entry in ["SHOW DATABASES", "use metrics", "SELECT * FROM cpu"] { history.add(entry) }
        #expect(History.Reference("!2") == .number(2))
        #expect(History.Reference("  !! ") == .last)
        #expect(history.entry(.number(1)) == "SHOW DATABASES")
        #expect(history.entry(.number(3)) == "SELECT * FROM cpu")
        #expect(history.entry(.last) == "SELECT * FROM cpu")
        #expect(history.entry(.number(4)) == nil)
    }

    @Test(arguments: ["!", "!0", "!-1", "!x", "!2 extra", "SHOW !1", "!１"])
    func otherTextIsNoReference(_ line: String) {
        #expect(History.Reference(line) == nil)
    }
}
