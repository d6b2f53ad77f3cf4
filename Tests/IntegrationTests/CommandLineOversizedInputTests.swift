import Foundation
import InfluxKit
import Testing

/// Keys over 64 KiB and lines over 1 MiB given to `influxkit write`: each is an error naming its
/// file and line, and the valid lines around them are still written.
@Suite(.integration)
struct CommandLineOversizedInputTests {
    @Test func oversizedKeysAndLinesAreRejectedByLineAndTheRestIsWritten() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let longName = String(repeating: "k", count: 64 << 10)
        let lines = [
            "m v=1 1",
            "\(longName) v=2 2",                                            // measurement over 64 KiB
            "m v=3 3",
            "m,\(longName)=x v=4 4",                                         // tag key over 64 KiB
            "m v=5 5",
            "m s=\"\(String(repeating: "y", count: 2 << 20))\",v=6 6",      // a 2 MiB line
            "m v=7 7",
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(database).lp")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let run = try CommandLineTests.influxkit(
            ["write", "-d", database, "--precision", "s", file.path] + CommandLineTests.connection(server))
        #expect(run.status == 3)
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("\(file.path):") }
        #expect(errors.map { $0.split(separator: ":")[1] } == ["2", "4", "6"])
        #expect(errors.allSatisfy { $0.utf8.count < 200 }, "an error repeats the oversized text")
        #expect(errors.first?.contains("max key length exceeded") == true)
        #expect(errors.last?.contains("longer than 1048576 bytes") == true)
        #expect(run.stderr.contains("wrote 4 points, rejected 3 lines"))

        let values = try server.client().query("SELECT v FROM m", database: database, epoch: .seconds)
            .first?.series.first?.values.compactMap { $0.last }
        #expect(values == [1, 3, 5, 7].map { JSONValue.integer($0) })
    }
}
