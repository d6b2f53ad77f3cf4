import ArgumentParser
import Foundation
import Testing

@testable import influxkit

/// The one-shot fast path (``OneShotTable``) against ArgumentParser: for a family of argument
/// lists built from each command's table and from its own `--help` and
/// `--experimental-dump-help`, the fast path either declines (`nil`) or gives the very command
/// ArgumentParser parses, every property wrapper in the same state.
@Suite struct OneShotParserTests {
    /// An option as ArgumentParser describes it (`--experimental-dump-help`).
    struct Described: Equatable {
        var long: String
        var short: String?
        var kind: String
        var repeating: Bool
    }

    /// Values tried for every option: valid ones for each type, and invalid ones.
    static let samples = [
        "1", "metrics", "csv", "json", "lp", "ns", "utc", "+02:00", "token", "never", "one", "rfc3339", "n=integer",
        "/dev/null", "host=web1", "influxdb://u:pw@127.0.0.1:8086/db", "2.5", "0", "65536", "x", "", "1e3", "-1",
        "-x", "--port", "=",
    ]

    /// Values tried in every form (`--name VALUE`, `--name=VALUE`, `-n VALUE`, `-nVALUE`,
    /// `-n=VALUE`); the others only as `--name VALUE`.
    static let samplesInEveryForm = ["1", "csv", "ns", "", "-1", "-x", "="]

    /// Forms of one option checked against ArgumentParser, at most: its debug-build parse of
    /// a command takes about 0.1 s.
    static let acceptedFormsPerOption = 10

    /// The options ArgumentParser reads for `command`, from its `--experimental-dump-help`.
    static func described<Command: ParsableCommand>(_ command: Command.Type) throws -> [Described] {
        let json: String
        do {
            _ = try command.parseAsRoot(["--experimental-dump-help"])
            Issue.record("--experimental-dump-help gave no dump")
            return []
        } catch {
            json = command.fullMessage(for: error)
        }
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let arguments = try #require((dump["command"] as? [String: Any])?["arguments"] as? [[String: Any]])
        return arguments.compactMap { argument -> Described? in
            let kind = argument["kind"] as? String ?? ""
            let names = argument["names"] as? [[String: Any]] ?? []
            let longs = names.filter { $0["kind"] as? String == "long" }.compactMap { $0["name"] as? String }
            let short = names.first { $0["kind"] as? String == "short" }?["name"] as? String
            // An inverted flag lists `NAME` and `no-NAME`.
            let long = longs.first { longs.contains("no-" + $0) } ?? longs.first
            guard kind != "positional", let long, long != "help", long != "version" else { return nil }
            return Described(long: long, short: short, kind: kind, repeating: argument["isRepeating"] as? Bool ?? false)
        }
    }

    /// The long option names `command`'s `--help` lists (inversions as `no-NAME`), help and
    /// version left out.
    static func namesInHelp<Command: ParsableCommand>(_ command: Command.Type) -> Set<String> {
        let help = command.helpMessage(includeHidden: true, columns: 10_000)
        var names: Set<String> = []
        // The lines of every options section (OPTIONS: and those of titled groups).
        for line in help.split(separator: "\n") where line.hasPrefix("  -") {
            // `  -d, --database <database>  Help…` or `  --chunked/--no-chunked  Help…`.
            let spec = String(line.dropFirst(2)).components(separatedBy: "  ")[0]
            for word in spec.split(whereSeparator: { " ,/".contains($0) }) where word.hasPrefix("--") {
                names.insert(String(word.dropFirst(2)))
            }
        }
        return names.subtracting(["help", "version"])
    }

    /// The names a table accepts: long names, and `no-NAME` for inversions.
    static func names<Root>(_ table: OneShotTable<Root>) -> Set<String> {
        Set(table.spellings.flatMap { $0.kind == .invertibleFlag ? [$0.long, "no-" + $0.long] : [$0.long] })
    }

    /// The argument lists to try for `Command`.
    static func family<Command: OneShotParsable>(_ command: Command.Type, described: [Described]) -> [[String]] {
        let table = Command.oneShotTable
        var family: [[String]] = [[], ["--"], ["-"], ["-h"], ["--help"], ["--version"], ["help"], ["--nope"], ["-Z"], ["--=1"]]
        // Each option alone, in every form, with every sample value.
        var forms: [String: [[String]]] = [:]
        for option in table.spellings {
            var these: [[String]] = []
            let long = "--" + option.long
            let short = option.short.map { "-\($0)" }
            if option.isFlag {
                these += [[long], [long, long], [long + "=true"], [long + "="]]
                if let short { these += [[short], [short, short], [short + "v"], ["-v" + String(short.dropFirst())]] }
                if option.kind == .invertibleFlag {
                    let no = "--no-" + option.long
                    these += [[no], [no, long], [long, no], [no, no], [no + "=false"]]
                }
            } else {
                these += [[long], [long, samples[0], long, samples[1]], [long, samples[1], long, samples[0]]]
                for value in samplesInEveryForm {
                    these += [[long, value], [long + "=" + value]]
                    if let short { these += [[short, value], [short + value], [short + "=" + value]] }
                }
                for value in samples { these.append([long, value]) }
            }
            // The forms the fast path declines cost nothing; of those it accepts, the first few.
            var accepted = 0
            these = these.filter { form in
                guard table.parse(form) != nil else { return true }
                accepted += 1
                return accepted <= acceptedFormsPerOption
            }
            forms[option.long] = these
            family += these
        }
        // Each option with the next few, in the first form the fast path accepts for it alone;
        // an option it accepts only with another (--client-key needs --client-cert, CSV options
        // --format csv) in all its `--name VALUE` forms, with every other option.
        let chosen = table.spellings.map { option in
            forms[option.long, default: []].first { table.parse($0) != nil }.map { [$0] }
                ?? forms[option.long, default: []].filter { $0.count == 2 && !$0[0].contains("=") }
        }
        for (i, these) in chosen.enumerated() {
            let others = these.count > 1 ? chosen.indices.filter { $0 != i } : (1...4).map { (i + $0) % chosen.count }
            for a in these {
                for other in others { family += chosen[other].prefix(these.count > 1 ? 1 : chosen[other].count).map { a + $0 } }
            }
        }
        // Options ArgumentParser lists that the table may not know.
        for option in described { family += [["--" + option.long], ["--" + option.long, samples[0]]] }
        // Positional arguments and `--`.
        let someOption = chosen.first?.first ?? []
        family += [
            ["SHOW DATABASES"], ["a", "b"], [""], ["a", "--", "-x", "--port", "b"], ["--", "--"], ["--", "-"],
            ["a"] + someOption + ["b"], someOption + ["--"] + someOption, ["-1"], ["a", "-"],
            ["--port", "1", "SHOW DATABASES"], ["SHOW DATABASES", "--port", "1"], ["-d", "db", "--", "x"],
            ["/dev/null"], ["/dev/null", "/dev/null"], ["--", "/dev/null"], someOption + ["/dev/null"],
        ]
        return family
    }

    /// Checks the family of `Command`; returns how many the fast path accepted.
    @discardableResult
    static func checkEquivalence<Command: ParsableCommand & OneShotParsable>(_ command: Command.Type) throws -> Int {
        let described = try described(command)
        let table = Command.oneShotTable
        var accepted = 0
        var acceptedOptions: Set<String> = []
        for arguments in family(command, described: described) {
            guard let fast = table.parse(arguments) else { continue }
            accepted += 1
            acceptedOptions.formUnion(table.spellings.map(\.long).filter { name in
                arguments.contains { $0 == "--" + name || $0.hasPrefix("--" + name + "=") || $0 == "--no-" + name }
            })
            let parsed: ParsableCommand
            do {
                parsed = try command.parseAsRoot(arguments)
            } catch {
                Issue.record("\(arguments): the fast path parsed what ArgumentParser rejects: \(command.fullMessage(for: error))")
                continue
            }
            #expect(String(reflecting: fast) == String(reflecting: parsed), "\(arguments)")
        }
        let options = Set(table.spellings.map(\.long))
        #expect(acceptedOptions == options, "options never accepted by the fast path: \(options.subtracting(acceptedOptions).sorted())")
        return accepted
    }

    @Test func queryParsesAsArgumentParserParses() throws {
        let accepted = try Self.checkEquivalence(QueryCommand.self)
        #expect(accepted > 300)
    }

    @Test func pingParsesAsArgumentParserParses() throws {
        let accepted = try Self.checkEquivalence(PingCommand.self)
        #expect(accepted > 200)
    }

    @Test func writeParsesAsArgumentParserParses() throws {
        let accepted = try Self.checkEquivalence(WriteCommand.self)
        #expect(accepted > 300)
    }

    @Test func noArgumentsGiveTheDefaults() throws {
        try Self.checkDefaults(QueryCommand.self)
        try Self.checkDefaults(PingCommand.self)
        try Self.checkDefaults(WriteCommand.self)
    }

    private static func checkDefaults<Command: ParsableCommand & OneShotParsable>(_ command: Command.Type) throws {
        let fast = try #require(Command.oneShotTable.parse([]))
        let parsed = try command.parseAsRoot([])
        #expect(String(reflecting: fast) == String(reflecting: parsed))
        // Every wrapper assigned: ArgumentParser describes an unassigned one as `*definition*`.
        #expect(!String(reflecting: fast).contains("*definition*"))
    }

    @Test func theTablesHaveEveryOptionOfTheHelp() throws {
        try Self.checkTable(QueryCommand.self)
        try Self.checkTable(PingCommand.self)
        try Self.checkTable(WriteCommand.self)
        #expect(InfluxKitCommand.oneShotCommands.count == 3, "a command added to the fast path: check its table here")
    }

    private static func checkTable<Command: ParsableCommand & OneShotParsable>(_ command: Command.Type) throws {
        let table = Command.oneShotTable
        let inHelp = namesInHelp(command)
        let inTable = names(table)
        let name = command._commandName
        #expect(inHelp.count > 10)
        for missing in inHelp.subtracting(inTable).sorted() {
            Issue.record("'influxkit \(name) --help' lists --\(missing), which \(Command.self).oneShotTable lacks: add it there (without it the one-shot fast path leaves its property wrapper unassigned)")
        }
        for extra in inTable.subtracting(inHelp).sorted() {
            Issue.record("\(Command.self).oneShotTable has --\(extra), which 'influxkit \(name) --help' does not list")
        }
        // Names, kinds and repetition as ArgumentParser declares them.
        let dumped = try described(command)
        for option in dumped {
            // An inverted flag is listed as two flags, `NAME` and `no-NAME`.
            let inversion = table.spellings.first { $0.kind == .invertibleFlag && "no-" + $0.long == option.long }
            guard let entry = table.spellings.first(where: { $0.long == option.long }) ?? inversion else {
                Issue.record("'influxkit \(name) --experimental-dump-help' lists --\(option.long), which \(Command.self).oneShotTable lacks: add it there")
                continue
            }
            #expect(entry.short.map(String.init) == option.short, "--\(option.long)")
            #expect(entry.isFlag == (option.kind == "flag"), "--\(option.long)")
            #expect((entry.kind == .repeatedValue) == (option.repeating && !entry.isFlag), "--\(option.long)")
            if entry.kind == .invertibleFlag {
                #expect(dumped.contains { $0.long == "no-" + entry.long }, "--no-\(entry.long)")
            }
        }
    }

    @Test func theCommandLineReachesTheFastPath() throws {
        let query = try #require(InfluxKitCommand.parsedOneShot(["query", "--port", "8086", "SHOW DATABASES"]) as? QueryCommand)
        #expect(query.connection.port == 8086)
        #expect(query.statements == ["SHOW DATABASES"])
        #expect(InfluxKitCommand.parsedOneShot(["ping", "-d", "x"]) is PingCommand)
        #expect(InfluxKitCommand.parsedOneShot(["write", "-d", "x", "--precision", "s"]) is WriteCommand)
        for declined in [["query", "--help"], ["query", "--version"], ["shell"], ["db", "list"], [], ["query", "--port", "x"]] {
            #expect(InfluxKitCommand.parsedOneShot(declined) == nil, "\(declined)")
        }
    }
}
