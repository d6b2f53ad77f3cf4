import Foundation
import Testing

/// The manual page, docs/cli.md and the completion scripts stay in step with the built `influxkit`.
@Suite struct CommandLineDocumentationTests {
    /// The repository's root directory.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every command path, found through the `SUBCOMMANDS:` sections of `--help`: `[]`, `["db"]`,
    /// `["db", "list"]`…
    static func commands(under path: [String] = []) throws -> [[String]] {
        let help = try CommandLineTests.influxkit(path + ["--help"])
        guard let section = help.stdout.range(of: "SUBCOMMANDS:\n") else { return [path] }
        let names = help.stdout[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { $0.hasPrefix("  ") }
            .compactMap { line -> String? in
                guard !line.hasPrefix("   ") else { return nil }  // a wrapped description
                return line.split(separator: " ").first.map(String.init)
            }
            .filter { $0 != "help" && $0.allSatisfy { $0.isLowercase || $0 == "-" } }
        return [path] + (try names.flatMap { try commands(under: path + [$0]) })
    }

    /// The options in the `OPTIONS:` section of `--help`: `--host`, `-d`, `--database`…
    static func options(of command: [String]) throws -> Set<String> {
        let help = try CommandLineTests.influxkit(command + ["--help"])
        #expect(help.status == 0, "\(command)")
        guard let section = help.stdout.range(of: "\nOPTIONS:\n") else { return [] }
        let pattern = try NSRegularExpression(pattern: #"^  (-[A-Za-z0-9-]+)(?:, (--[a-z0-9-]+))?"#, options: .anchorsMatchLines)
        let text = String(help.stdout[section.upperBound...])
        var found = Set<String>()
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            for group in 1..<match.numberOfRanges {
                if let range = Range(match.range(at: group), in: text) { found.insert(String(text[range])) }
            }
        }
        return found
    }

    @Test func theManualPageHasItsSectionsAndMentionsEveryCommandAndOption() throws {
        let source = try String(contentsOf: Self.root.appendingPathComponent("man/influxkit.1"), encoding: .utf8)
        // Options are written with escaped hyphens (\-\-host); read them as typed.
        let text = source.replacingOccurrences(of: #"\-"#, with: "-")
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES"] {
            #expect(source.contains("\n.SH \(section)\n"), "section \(section)")
        }
        let commands = try Self.commands()
        #expect(commands.contains(["user", "revoke-admin"]), "the commands are found")
        for command in commands where command.count == 2 {
            #expect(text.contains(".SS influxkit \(command.joined(separator: " "))"), "\(command)")
        }
        var checked = 0
        for command in commands {
            for option in try Self.options(of: command) {
                #expect(Self.mentions(option, in: text), "\(option) of \(command.joined(separator: " ")) is not in man/influxkit.1")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    /// Whether `text` names `option` as a word of its own (`--to` is not found in `--to-rp`).
    static func mentions(_ option: String, in text: String) -> Bool {
        let pattern = try! NSRegularExpression(pattern: "(^|[^a-z0-9-])" + NSRegularExpression.escapedPattern(for: option) + "($|[^a-z0-9-])")
        return pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// docs/cli.md is written by hand: each command has a section (`## influxkit query`,
    /// `### influxkit db create`) that names each of its options. Options every command shares
    /// (those of `ping`) may be named once, before the first command's section instead.
    @Test func theCommandLineReferenceHasASectionPerCommandNamingEachOfItsOptions() throws {
        let reference = try MarkdownDocument("docs/cli.md")
        let shared = try Self.options(of: ["ping"])
        let general = reference.text(beforeHeadingStartingWith: "influxkit ")
        let commands = try Self.commands()
        #expect(commands.contains(["copy"]), "the commands are found")
        var checked = 0
        for command in commands {
            let title = (["influxkit"] + command).joined(separator: " ")
            let section = command.isEmpty ? general : reference.section(titled: title)
            guard let section else {
                Issue.record("docs/cli.md has no section titled \(title)")
                continue
            }
            for option in try Self.options(of: command) {
                let named = Self.mentions(option, in: section) || (shared.contains(option) && Self.mentions(option, in: general))
                #expect(named, "\(option) of \(title) is not in its section of docs/cli.md")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test(arguments: [("bash", "influxkit.bash"), ("zsh", "_influxkit"), ("fish", "influxkit.fish")])
    func theCommittedCompletionsAreWhatTheBinaryGenerates(shell: String, file: String) throws {
        let generated = try CommandLineTests.influxkit(["--generate-completion-script", shell])
        #expect(generated.status == 0)
        let committed = try String(contentsOf: Self.root.appendingPathComponent("completions/\(file)"), encoding: .utf8)
        #expect(generated.stdout == committed,
                "completions/\(file) is stale: run influxkit --generate-completion-script \(shell) > completions/\(file)")
    }
}
