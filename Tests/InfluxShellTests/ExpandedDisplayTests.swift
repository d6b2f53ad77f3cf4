import InfluxKit
@testable import InfluxShell
import Testing

/// `\x auto`: which results are too wide for the terminal, measured as the renderers lay them out.
struct ExpandedDisplayTests {
    /// The widest line of the tables the renderer of `format` prints for `result` (the `name:`
    /// and `tags:` headings print as long in the vertical display, so they do not count).
    static func widest(_ result: ResultSet, _ format: OutputFormat) -> Int {
        rendered(format.makeRenderer(terminal: true), [result])
            .split(separator: "\n").filter { !$0.hasPrefix("name: ") && !$0.hasPrefix("tags: ") }
            .map { $0.unicodeScalars.count }.max() ?? 0
    }

    @Test(arguments: [OutputFormat.column, .table])
    func aResultIsTooWideExactlyWhenItsWidestLineIs(_ format: OutputFormat) {
        for result in [Sample.cpu, Sample.databases] {
            let width = Self.widest(result, format)
            #expect(!ExpandedDisplay.isTooWide(result, format: format, columns: width), "\(format) fits in \(width)")
            #expect(ExpandedDisplay.isTooWide(result, format: format, columns: width - 1), "\(format) needs \(width)")
        }
    }

    @Test(arguments: [OutputFormat.csv, .json, .jsonl, .vertical])
    func otherFormatsAreNeverTooWide(_ format: OutputFormat) {
        #expect(!ExpandedDisplay.isTooWide(Sample.cpu, format: format, columns: 1))
    }
}
