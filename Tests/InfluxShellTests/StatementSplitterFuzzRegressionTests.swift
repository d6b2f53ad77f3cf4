import Foundation
import InfluxKit
import InfluxShell
import Testing

/// Replays the statement-splitter fuzzer's kept inputs (`Fuzz/corpus/statements`) and any input
/// that once crashed it (`Fuzz/crashes/statements`), checking the fuzzer's invariants.
struct StatementSplitterFuzzRegressionTests {
    @Test func keptInputsSplitIntoStatementsThatCoverThem() throws {
        let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")
        var replayed = 0
        for kind in ["corpus", "crashes"] {
            let directory = fuzz.appendingPathComponent(kind).appendingPathComponent("statements")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(name)))
                let text = String(decoding: bytes, as: UTF8.self)
                var splitter = StatementSplitter()
                var statements: [String] = []
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    statements += splitter.add(line: String(line))
                }
                if let last = splitter.finish() { statements.append(last) }
                #expect(!splitter.isContinuing, "\(kind)/\(name)")
                #expect(statements.allSatisfy { !$0.isEmpty && $0.first?.isWhitespace == false && $0.last?.isWhitespace == false },
                        "\(kind)/\(name)")
                if bytes.allSatisfy({ $0 < 0x80 }) {
                    #expect(statements.flatMap(Self.essence) == Self.essence(text), "\(kind)/\(name)")
                }
                replayed += 1
            }
        }
        #expect(replayed > 0, "no corpus in \(fuzz.path)")
    }

    /// The bytes of `text` that are not white space, `;` or in a comment: what the statements
    /// cut from a text hold of it, together. A blank line outside quotes and `/*` comments runs
    /// what waits, so the text after it is scanned afresh, as the shell does.
    static func essence(_ text: String) -> [UInt8] {
        var kept = ""
        var scanner = InfluxQLScanner()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) && !scanner.isOpen { scanner = InfluxQLScanner() }
            scanner.scan(line + "\n") { _, character, part in
                if part != .comment { kept.append(character) }
            }
        }
        return kept.utf8.filter { $0 > 0x20 && $0 != 0x7F && $0 != UInt8(ascii: ";") }
    }
}
