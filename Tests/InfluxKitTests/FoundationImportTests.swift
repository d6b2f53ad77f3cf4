import Foundation
import Testing

/// The library, the shell and the tool import FoundationEssentials, never all of Foundation:
/// Foundation brings ICU's data into the binary (80 MB instead of 31 MB), which makes every
/// start of `influxkit` a few milliseconds slower (see docs/profiles.md).
@Suite struct FoundationImportTests {
    @Test func onlyFoundationEssentialsIsImported() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var checked = 0
        for module in ["InfluxKit", "InfluxShell", "influxkit"] {
            let directory = root.appendingPathComponent("Sources/\(module)")
            let files = try #require(FileManager.default.enumerator(atPath: directory.path))
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                let imports = text.split(separator: "\n").filter {
                    $0.hasPrefix("import Foundation") && $0 != "import FoundationEssentials"
                }
                #expect(imports.isEmpty, "Sources/\(module)/\(file) imports \(imports)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
