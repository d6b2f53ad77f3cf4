import Foundation
import InfluxKit
import Testing

/// Line editing on a real terminal: tag value completion, Emacs keys, Ctrl-R and `!N`.
extension ShellTerminalTests {
    @Test func tabCompletesATagValueAndClosesTheQuote() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let client = try InfluxClient(host: "127.0.0.1", port: server.port, database: database)
        try client.write(lines: ["rooms,building=westwing temp=20.5 1000000000", "rooms,building=eastwing temp=18.25 2000000000"])
        let shell = try Self.shell(on: database, server: server)
        defer { shell.close() }
        let (session, prompt) = (shell.session, shell.prompt)

        try session.type("SELECT temp FROM rooms WHERE building = 'we")
        try session.press("Tab")
        #expect(session.wait(for: "building = 'westwing'").matched, "the value and its closing quote")
        try session.press("Enter")
        let shown = session.wait(for: prompt, count: 2)
        #expect(shown.screen.contains("20.5"), "the completed statement ran: \(shown.screen)")
        #expect(!shown.screen.contains("18.25"))
    }

    @Test func emacsKeysReverseSearchAndBangNumbers() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let shell = try Self.shell(on: database, server: server)
        defer { shell.close() }
        let (session, prompt) = (shell.session, shell.prompt)
        var prompts = 1
        func enter() throws {
            try session.press("Enter")
            prompts += 1
            #expect(session.wait(for: prompt, count: prompts).matched, "prompt \(prompts)")
        }

        // Ctrl-W deletes the word before the cursor, Ctrl-A and Ctrl-E go to the ends of the line.
        try session.type("HOW RETENTION garbage")
        try session.press("C-w")
        try session.type("POLICIES")
        try session.press("C-a")
        try session.type("S")
        try session.press("C-e")
        try session.type(" ON \(database)")
        try enter()
        #expect(session.screen().contains("autogen"), "SHOW RETENTION POLICIES ON … ran")

        try session.type("SHOW MEASUREMENTS")
        try enter()
        try session.type("SHOW USERS")
        try enter()

        // Ctrl-R finds the earlier statement; Enter runs it.
        try session.press("C-r")
        try session.type("RETENTION")
        #expect(session.wait(for: "> SHOW RETENTION POLICIES ON \(database)", count: 2).matched, "the match is on the line")
        try enter()
        #expect(session.screen().components(separatedBy: "autogen").count - 1 == 2, "it ran again")

        // `history` numbers the entries; !N runs one, !! the last.
        try session.type("history")
        try enter()
        let listing = session.screen()
        let number = listing.split(separator: "\n").compactMap { line -> Int? in
            let parts = line.split(separator: " ", maxSplits: 1)
            return parts.count == 2 && parts[1].trimmingCharacters(in: .whitespaces) == "SHOW MEASUREMENTS" ? Int(parts[0]) : nil
        }.last
        #expect(number != nil, "history lists SHOW MEASUREMENTS: \(listing)")
        try session.type("!\(number ?? 0)")
        try enter()
        #expect(session.screen().contains("!\(number ?? 0)\nSHOW MEASUREMENTS\n"), "the entry is shown before it runs")
        try session.type("!999")
        try enter()
        #expect(session.screen().contains("ERR: no history entry !999"))
    }
}

extension ShellTerminalTests {
    @Test func aCommentAloneRunsNothingAndThePromptComesBack() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let shell = try Self.shell(on: database, server: server)
        defer { shell.close() }
        let (session, prompt) = (shell.session, shell.prompt)
        var prompts = 1
        func enter(_ line: String) throws {
            try session.type(line)
            try session.press("Enter")
            prompts += 1
            #expect(session.wait(for: prompt, count: prompts).matched, "the prompt after \(line)")
        }

        try enter("-- just a note")
        try enter("/* a ; b */ ; -- c")
        try session.type("/* open")
        try session.press("Enter")
        #expect(session.wait(for: "-> ").matched, "an open comment continues")
        try enter("*/")
        try enter("SHOW RETENTION POLICIES -- and a note; SHOW GARBAGE")
        let shown = session.wait(for: "autogen")
        #expect(shown.matched, "SHOW RETENTION POLICIES ran")
        #expect(!shown.screen.contains("ERR"), "nothing failed: \(shown.screen)")
    }
}
