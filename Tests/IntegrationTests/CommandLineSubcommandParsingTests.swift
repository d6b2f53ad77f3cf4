import Foundation
import Testing

/// `influxkit NAME …` is parsed by NAME's command alone, for a quicker start; whatever that
/// parser does not accept goes to the root parser. For every command the help lists, help,
/// `--version`, completion scripts and option errors must be what the root parser gives.
@Suite struct CommandLineSubcommandParsingTests {
    /// Every command path, found by reading the SUBCOMMANDS section of each `--help`.
    static func commandPaths() throws -> [[String]] {
        var paths: [[String]] = []
        var pending: [[String]] = [[]]
        while let path = pending.popLast() {
            let help = try CommandLineTests.influxkit(path + ["--help"])
            for name in subcommands(inHelp: help.stdout) {
                paths.append(path + [name])
                pending.append(path + [name])
            }
        }
        return paths
    }

    /// The names under SUBCOMMANDS: in `help`.
    static func subcommands(inHelp help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line in
            // `  name  abstract` (or `  name (default)  abstract`); wrapped abstracts are indented deeper.
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    @Test func theHelpListsTheCommandsOfEveryLevel() throws {
        let paths = try Self.commandPaths()
        #expect(paths.contains(["query"]))
        #expect(paths.contains(["db", "create"]))
        #expect(paths.contains(["config", "use"]))
        #expect(paths.count > 20)
    }

    @Test func helpIsTheRootParsersHelp() throws {
        for path in try Self.commandPaths() {
            let help = try CommandLineTests.influxkit(path + ["--help"])
            let fromRoot = try CommandLineTests.influxkit(["help"] + path)
            #expect(help.status == 0, "\(path)")
            #expect(help.stdout.contains("USAGE: influxkit \(path.joined(separator: " "))"), "\(path)")
            #expect(help.stdout == fromRoot.stdout, "\(path)")
            #expect(try CommandLineTests.influxkit(path + ["-h"]).stdout == help.stdout, "\(path)")
        }
    }

    @Test func versionIsTheRootsVersion() throws {
        let version = try CommandLineTests.influxkit(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0."))
        for path in try Self.commandPaths() {
            let run = try CommandLineTests.influxkit(path + ["--version"])
            #expect(run.status == 0, "\(path)")
            #expect(run.stdout == version.stdout, "\(path)")
        }
    }

    @Test func completionScriptsAreTheRootsScripts() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try CommandLineTests.influxkit(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("influxkit"))
            for path in try Self.commandPaths() {
                let run = try CommandLineTests.influxkit(path + ["--generate-completion-script", shell])
                #expect(run.status == 0, "\(path) \(shell)")
                #expect(run.stdout == script.stdout, "\(path) \(shell)")
            }
        }
        // Without a shell named, the one in SHELL.
        let bash = try CommandLineTests.influxkit(["--generate-completion-script", "bash"])
        let autodetected = try CommandLineTests.influxkit(["query", "--generate-completion-script"], environment: ["SHELL": "/bin/bash"])
        #expect(autodetected.stdout == bash.stdout)
    }

    @Test func anUnknownOptionNamesTheFullCommand() throws {
        for path in try Self.commandPaths() {
            let command = "influxkit " + path.joined(separator: " ")
            let run = try CommandLineTests.influxkit(path + ["--no-such-option"])
            #expect(run.status == 64, "\(path)")
            #expect(run.stdout.isEmpty, "\(path)")
            let lines = run.stderr.split(separator: "\n").map(String.init)
            // The first error found (the option, or a missing argument), how the command is used, where to read more.
            #expect(lines.first?.hasPrefix("Error: ") == true, "\(path): \(run.stderr)")
            #expect(lines.contains { $0 == "Usage: \(command)" || $0.hasPrefix("Usage: \(command) ") }, "\(path): \(run.stderr)")
            #expect(lines.last == "  See '\(command) --help' for more information.", "\(path): \(run.stderr)")
        }
    }
}
