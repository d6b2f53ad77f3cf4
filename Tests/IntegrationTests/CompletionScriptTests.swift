import Foundation
import Testing

/// The committed completion scripts complete file names where a file is expected: bash's run
/// for real, zsh's and fish's read (neither shell is installed here).
@Suite struct CompletionScriptTests {
    /// Command lines whose last word is a file name, without it.
    static let fileWords: [[String]] = [
        ["write"], ["write", "--precision", "s"], ["write", "--errors-file"], ["write", "--checkpoint"],
        ["query", "-f"], ["query", "--file"], ["export", "-o"], ["export", "--checkpoint"], ["copy", "--checkpoint"],
        ["ping", "--ca-cert"], ["query", "--client-cert"], ["write", "--client-key"], ["copy", "--ca-cert"],
        ["config", "add", "prod", "--password-file"], ["config", "add", "prod", "--ca-cert"],
    ]

    /// What bash's completion function offers for `influxkit WORDS… CURRENT`.
    func bashCompletions(_ words: [String], current: String) throws -> [String] {
        let script = CommandLineDocumentationTests.root.appendingPathComponent("completions/influxkit.bash").path
        let all = ["influxkit"] + words + [current]
        let quoted = all.map { "'\($0)'" }.joined(separator: " ")
        let line = all.joined(separator: " ")
        let program = """
            source '\(script)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(all.count - 1); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _influxkit influxkit '\(current)' '\(all[all.count - 2])'
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--norc", "--noprofile", "-c", program]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesFileNamesWhereAFileIsExpected() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-completion-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["points.lp", "points-old.lp", "other.txt"] {
            FileManager.default.createFile(atPath: directory.appendingPathComponent(name).path, contents: Data())
        }
        for words in Self.fileWords {
            let offered = try bashCompletions(words, current: directory.path + "/poi")
            #expect(Set(offered) == [directory.path + "/points.lp", directory.path + "/points-old.lp"], "\(words): \(offered)")
        }
        // Not where no file is expected.
        let host = try bashCompletions(["ping", "--host"], current: directory.path + "/poi")
        #expect(host.isEmpty, "\(host)")
    }

    @Test func zshAndFishCompleteFileNamesForTheFileOptions() throws {
        let root = CommandLineDocumentationTests.root.appendingPathComponent("completions")
        let zsh = try String(contentsOf: root.appendingPathComponent("_influxkit"), encoding: .utf8)
        let fish = try String(contentsOf: root.appendingPathComponent("influxkit.fish"), encoding: .utf8)
        let zshLines = zsh.split(separator: "\n")
        let fishLines = fish.split(separator: "\n")
        for option in ["--errors-file", "--checkpoint", "--ca-cert", "--client-cert", "--client-key", "--output", "--file", "--password-file"] {
            let zshOption = zshLines.filter { $0.contains("'\(option)[") || $0.contains(",\(option)}'") }
            #expect(!zshOption.isEmpty && zshOption.allSatisfy { $0.hasSuffix(":_files'") }, "zsh \(option): \(zshOption)")
            let name = String(option.dropFirst(2))
            let fishOption = fishLines.filter { $0.contains("-l '\(name)'") }
            #expect(!fishOption.isEmpty && fishOption.allSatisfy { $0.hasSuffix("-rF") }, "fish \(option): \(fishOption)")
        }
    }
}
