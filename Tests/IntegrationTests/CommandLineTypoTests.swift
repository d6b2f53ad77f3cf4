import Foundation
import Testing

/// A mistyped subcommand names the nearest one and exits 64, at every level of the command tree.
@Suite struct CommandLineTypoTests {
    /// Every command group and its subcommands, as `--help` lists them.
    static let groups: [(path: [String], names: [String])] = [
        ([], ["shell", "ping", "query", "write", "export", "copy", "db", "user", "rp", "grant", "config"]),
        (["db"], ["list", "create", "drop"]),
        (["user"], ["list", "create", "drop", "password", "grant-admin", "revoke-admin"]),
        (["rp"], ["list", "create", "alter", "drop"]),
        (["grant"], ["list", "add", "revoke"]),
        (["config"], ["show", "list", "add", "remove", "use"]),
    ]

    /// Typos of `name`: a letter doubled, dropped (for names of four letters or more), two
    /// neighbours swapped, one replaced.
    static func typos(of name: String) -> [String] {
        let letters = Array(name)
        var typos: [String] = []
        typos.append(String(letters[..<1] + [letters[0]] + letters[1...]))
        if letters.count >= 4 { typos.append(String(letters[..<2] + letters[3...])) }
        if letters.count >= 3 { typos.append(String(letters[..<1] + [letters[2], letters[1]] + letters[3...])) }
        typos.append(String(letters.dropLast()) + (letters.last == "x" ? "y" : "x"))
        return typos
    }

    @Test func everySubcommandTypoSuggestsTheSubcommand() throws {
        var checked = 0
        for (path, names) in Self.groups {
            let help = try CommandLineTests.influxkit(path + ["--help"])
            for name in names { #expect(help.stdout.contains("  \(name)"), "\(path) lists \(name)") }
            for name in names {
                for typo in Self.typos(of: name) where !names.contains(typo) {
                    let run = try CommandLineTests.influxkit(path + [typo, "arg", "--port", "1"])
                    #expect(run.status == 64, "\(path + [typo])")
                    let expected = "did you mean '\(name)'?"
                    let suggested = run.stderr.contains(expected)
                    // A typo can be as close to another name; then that one may be named.
                    let other = names.contains { $0 != name && run.stderr.contains("did you mean '\($0)'?") }
                    #expect(suggested || other, "\(path + [typo]): \(run.stderr)")
                    #expect(run.stderr.hasPrefix("influxkit: unknown command '\(typo)' for '\((["influxkit"] + path).joined(separator: " "))'"), "\(run.stderr)")
                    #expect(run.stdout.isEmpty)
                    checked += 1
                }
            }
        }
        #expect(checked > 60)
    }

    @Test func theIssuesExamples() throws {
        let querry = try CommandLineTests.influxkit(["querry", "SHOW DATABASES"])
        #expect(querry.status == 64)
        #expect(querry.stderr.contains("did you mean 'query'?"))
        let creat = try CommandLineTests.influxkit(["db", "creat", "foo", "--port", "1"])
        #expect(creat.status == 64)
        #expect(creat.stderr.contains("did you mean 'create'?"))
        #expect(!creat.stderr.contains("Unknown option"))
    }

    @Test func aWordFarFromEveryNameListsTheCommands() throws {
        let run = try CommandLineTests.influxkit(["frobnicate"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown command 'frobnicate'"))
        #expect(run.stderr.contains("commands: shell, ping, query"))
        #expect(!run.stderr.contains("did you mean"))
    }

    @Test func rightCommandsAndArgumentsAreNotTypos() throws {
        for arguments in [["help"], ["help", "query"], ["--version"], ["query", "--help"], ["db", "--help"], ["config", "list"]] {
            let run = try CommandLineTests.influxkit(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(!run.stderr.contains("unknown command"), "\(arguments)")
        }
        // Positional arguments of a command are never taken for subcommands.
        let query = try CommandLineTests.influxkit(["query", "--port", "1", "--retries", "0", "SHOW DATABASES"])
        #expect(query.status == 2, "\(query.stderr)")
    }
}
