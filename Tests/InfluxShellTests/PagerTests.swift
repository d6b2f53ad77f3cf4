import Foundation
import Glibc
@testable import InfluxShell
import Testing

/// The pager decision: output that fits the screen prints as it is, taller output goes through
/// the pager command, long lines count as the screen lines they wrap into.
struct PagerTests {
    /// Writes `chunks` through a pager of a 10 × 20 screen whose command marks each line, into a
    /// file standing for the terminal; returns what the file holds.
    static func page(_ chunks: [String]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pager-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: file) }
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        // Held until it fills the screen or ends, however slowly the chunks come: with the
        // default patience, chunks more than 0.5 s apart would print without the pager.
        let pager = Pager(descriptor: descriptor, command: "sed s/^/paged:/", screen: TerminalSize(rows: 10, columns: 20), patience: nil)
        for chunk in chunks { pager.write(Array(chunk.utf8)) }
        pager.finish()
        return try String(contentsOf: file, encoding: .utf8)
    }

    static func lines(_ range: ClosedRange<Int>) -> String {
        range.map { "line \($0)\n" }.joined()
    }

    @Test func outputThatFitsPrintsAsItIs() throws {
        #expect(try Self.page([Self.lines(1...4), Self.lines(5...8)]) == Self.lines(1...8))
    }

    @Test func tallerOutputGoesThroughThePagerHeldPartFirst() throws {
        let paged = try Self.page([Self.lines(1...6), Self.lines(7...12), Self.lines(13...30)])
        let expected = Self.lines(1...30).split(separator: "\n").map { "paged:\($0)\n" }.joined()
        #expect(paged == expected)
    }

    @Test func longLinesCountAsTheLinesTheyWrapInto() throws {
        let wide = String(repeating: "x", count: 45) + "\n"  // three lines of a 20-column screen
        #expect(try Self.page([String(repeating: wide, count: 2)]).hasPrefix("xxx"), "six lines fit")
        #expect(try Self.page([String(repeating: wide, count: 3)]).hasPrefix("paged:"), "nine do not (one is for the prompt)")
        let accented = String(repeating: "é", count: 20) + "\n"  // 20 characters, 40 bytes: one line
        #expect(try Self.page([String(repeating: accented, count: 8)]).hasPrefix("é"))
    }
}
