import Foundation
import Testing

/// The README's runnable blocks — a fenced block right after the line `<!-- runnable -->` — run
/// as written against an `influxd` this test starts for itself, in one temporary directory, in
/// order. The built `influxkit` comes first on `PATH`, `localhost:8086` in a block becomes the
/// test server's address, and `INFLUX_HOST`/`INFLUX_PORT` point at it.
///
/// - A `sh` block runs whole under `bash -euo pipefail` and must exit 0.
/// - A `console` block is `$ command` lines (a line ending in `\` goes on on the next one), each
///   followed by what it prints, standard output and standard error together: each command
///   must exit 0 and print exactly those lines.
///
/// Then the terminal session shown after the line `<!-- terminal-session -->` is replayed in a
/// real terminal (tmux) against the same server and data: its `$ export NAME=VALUE` lines set
/// the environment, its `$ influxkit …` line starts the shell, what follows a prompt (`metrics> `,
/// `      -> `) is typed, and the screen must show the session's lines. The port the session was
/// captured with, 18686, becomes the test server's.
@Suite(.integration)
struct ReadmeTests {
    static let marker = "<!-- runnable -->"
    static let sessionMarker = "<!-- terminal-session -->"
    static let capturedPort = "18686"

    /// A command of a `console` block and the output the README shows for it.
    struct Step {
        var command: String
        var output: [String]
        var line: Int
    }

    /// The steps of a `console` block.
    static func steps(of block: MarkdownDocument.Block) -> [Step] {
        var steps: [Step] = []
        var continued = false
        for (offset, line) in block.lines.enumerated() {
            if continued, var step = steps.popLast() {
                step.command += "\n" + line
                steps.append(step)
            } else if line.hasPrefix("$ ") {
                steps.append(Step(command: String(line.dropFirst(2)), output: [], line: block.line + 1 + offset))
            } else if var step = steps.popLast() {
                step.output.append(line)
                steps.append(step)
            }
            continued = steps.last.map { $0.output.isEmpty && line.hasSuffix("\\") } ?? false
        }
        return steps
    }

    /// Runs `script` with bash in `directory`; returns its exit status and everything it printed.
    static func bash(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theReadmesRunnableBlocksRunAndPrintWhatTheyShow() throws {
        let readme = try MarkdownDocument("README.md")
        let blocks = readme.blocks.filter { $0.precedingLine == Self.marker }
        #expect(blocks.count >= 2, "the README's runnable blocks are found")
        let server = try InfluxServer.start()
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("INFLUX_") }
        environment["PATH"] = CommandLineTests.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["INFLUX_HOST"] = "127.0.0.1"
        environment["INFLUX_PORT"] = String(server.port)
        let address = "127.0.0.1:\(server.port)"
        var ran = 0
        for block in blocks {
            let substituted = { (text: String) in text.replacingOccurrences(of: "localhost:8086", with: address) }
            switch block.info {
            case "sh":
                let run = try Self.bash(["-euo", "pipefail", "-c", substituted(block.lines.joined(separator: "\n"))], in: directory, environment: environment)
                #expect(run.status == 0, "README.md:\(block.line): the block exited \(run.status):\n\(run.output)")
                ran += 1
            case "console":
                for step in Self.steps(of: block) {
                    let run = try Self.bash(["-o", "pipefail", "-c", substituted(step.command)], in: directory, environment: environment)
                    #expect(run.status == 0, "README.md:\(step.line): exited \(run.status):\n\(run.output)")
                    let expected = step.output.isEmpty ? "" : step.output.map(substituted).joined(separator: "\n") + "\n"
                    #expect(run.output == expected, "README.md:\(step.line): \(step.command)")
                    ran += 1
                }
            default:
                Issue.record("README.md:\(block.line): a runnable block must be sh or console, not \(block.info)")
            }
        }
        #expect(ran >= 5)

        let sessions = readme.blocks.filter { $0.precedingLine == Self.sessionMarker }
        #expect(sessions.count == 1, "the README's terminal session is found")
        for session in sessions {
            try Self.replay(session, port: server.port, home: directory)
        }
    }

    /// The README's Swift blocks type-check against the built library (`swiftc -typecheck`), so
    /// the library in ten lines uses names that exist.
    @Test func theReadmesSwiftBlocksTypeCheckAgainstTheBuiltLibrary() throws {
        let blocks = try MarkdownDocument("README.md").blocks.filter { $0.info == "swift" }
        #expect(!blocks.isEmpty, "the README's Swift blocks are found")
        let search = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/opt/swift/usr/bin"]
        guard let swiftc = search.map({ $0 + "/swiftc" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Issue.record("swiftc is not on PATH nor in /opt/swift/usr/bin")
            return
        }
        let modules = CommandLineTests.binary.deletingLastPathComponent().appendingPathComponent("Modules").path
        let moduleMap = MarkdownDocument.root.appendingPathComponent("Sources/CCurl/module.modulemap").path
        for block in blocks {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString).swift")
            try block.lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let run = try Self.bash(["-c", #""$0" -typecheck -I "$1" -Xcc -fmodule-map-file="$2" "$3""#, swiftc, modules, moduleMap, file.path],
                                    in: FileManager.default.temporaryDirectory, environment: ProcessInfo.processInfo.environment)
            #expect(run.status == 0, "README.md:\(block.line): the Swift block does not type-check:\n\(run.output)")
        }
    }

    /// Replays a terminal session of the README (see the type's comment).
    static func replay(_ block: MarkdownDocument.Block, port: Int, home: URL) throws {
        let prompt = try NSRegularExpression(pattern: #"^(\S*> |\s+-> )(.*)$"#)
        var environment = ["HOME": home.path]
        var arguments: [String]?
        var expected: [String] = []
        var typed: [(line: Int, text: String)] = []
        for line in block.lines.map({ $0.replacingOccurrences(of: Self.capturedPort, with: String(port)) }) {
            guard arguments != nil else {
                let words = line.split(separator: " ").map(String.init)
                if words.starts(with: ["$", "export"]) {
                    for setting in words.dropFirst(2) {
                        let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
                        environment[parts[0]] = parts.count == 2 ? parts[1] : ""
                    }
                } else if words.starts(with: ["$", "influxkit"]) {
                    arguments = Array(words.dropFirst(2))
                }
                continue
            }
            if let match = prompt.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
               let text = Range(match.range(at: 2), in: line) {
                typed.append((expected.count, String(line[text])))
            }
            expected.append(line)
        }
        guard let arguments, !typed.isEmpty else {
            Issue.record("README.md:\(block.line): the session has no `$ influxkit` line or nothing typed")
            return
        }
        let terminal = try TerminalSession(CommandLineTests.binary.path, arguments: arguments, environment: environment,
                                           width: 100, height: 50)
        defer { terminal.close() }
        // Whether the screen, without the blanks tmux keeps at the ends of lines, shows `lines` then `prompt`.
        func shows(_ lines: ArraySlice<String>, then prompt: String = "") -> (String) -> Bool {
            let text = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n") + prompt
            return { screen in
                screen.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n").contains(text)
            }
        }
        for (index, step) in typed.enumerated() {
            // The prompt as a trimmed screen line shows it, before anything is typed after it.
            let promptText = String(expected[step.line].dropLast(step.text.count).reversed().drop { $0 == " " }.reversed())
            let before = terminal.wait(seconds: 60, until: shows(expected[..<step.line], then: promptText))
            #expect(before.matched, "README.md:\(block.line): the screen does not show the session up to \(expected[step.line]):\n\(before.screen)")
            guard before.matched else { return }
            try terminal.type(step.text)
            try terminal.press("Enter")
            if index == typed.count - 1 {
                let after = terminal.wait(seconds: 60, until: shows(expected[...]))
                #expect(after.matched, "README.md:\(block.line): the screen does not show the whole session:\n\(after.screen)")
            }
        }
    }
}
