import Foundation
import InfluxKit
import Testing
@testable import InfluxShell

/// Charts of fixed datasets at three widths, with and without colour, compared with golden
/// files that were looked at once by eye (Tests/InfluxShellTests/Golden). Run with
/// INFLUXKIT_UPDATE_GOLDEN=1 to write them anew, then look at them again before committing.
struct ChartGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let start: Int64 = 1_700_000_000_000_000_000

    /// Three waves, one with a one-sample spike, every 10 s for 100 minutes.
    static var waves: ResultSet {
        let series = (0..<3).map { host in
            Series(name: "cpu", tags: ["host": "web\(host)"], columns: ["time", "usage"], values: (0..<600).map { index in
                let value = 50 + 30 * sin(Double(index) / 40 + Double(host)) + (index == 300 && host == 0 ? 200 : 0)
                return [.integer(start + Int64(index) * 10_000_000_000), .float((value * 1000).rounded() / 1000)]
            })
        }
        return ResultSet(statementID: 0, series: series)
    }

    /// Values around zero with nulls in the middle, a lone point after them, and a constant
    /// series beside it.
    static var gapsAndConstant: ResultSet {
        var values: [[JSONValue]] = []
        for index in 0..<120 {
            let time = JSONValue.integer(start + Int64(index) * 60_000_000_000)
            if (50..<70).contains(index) { values.append([time, .null, .integer(3)]) }
            else if index > 70 && index != 100 { values.append([time, .null, .integer(3)]) }
            else { values.append([time, .float(Double(index % 30) - 15), .integer(3)]) }
        }
        return ResultSet(statementID: 0, series: [Series(name: "sensor", columns: ["time", "delta", "level"], values: values)])
    }

    func render(_ result: ResultSet, width: Int, colour: Bool) -> String {
        var options = ChartOptions()
        options.size = (width, width / 4 + 6)
        var renderer = ChartRenderer(options: options, colour: colour)
        var out = OutputBuffer()
        renderer.render(result, into: &out)
        renderer.finish(into: &out)
        return String(decoding: out.take(), as: UTF8.self)
    }

    @Test func labelsFollowTheTimeZoneAndColoursTheTerminal() throws {
        var options = ChartOptions()
        options.size = (80, 20)
        options.timeZone = try #require(ChartTimeZone(argument: "+05:30"))
        options.colours256 = true
        var renderer = ChartRenderer(options: options, colour: true)
        var out = OutputBuffer()
        renderer.render(Self.waves, into: &out)
        renderer.finish(into: &out)
        let text = String(decoding: out.take(), as: UTF8.self)
        // 2023-11-14T22:13:20Z is 03:43 the next day at +05:30.
        #expect(text.contains("2023-11-15 03:4"), "\(text)")
        #expect(text.contains("+05:30"))
        #expect(text.contains("\u{1B}[38;5;39m"))
        #expect(ChartTimeZone(argument: "-08:00")?.offset == -28_800)
        #expect(ChartTimeZone(argument: "UTC") == .utc)
        #expect(ChartTimeZone(argument: "Europe/Paris") == nil)
        #expect(ChartTimeZone(argument: "+25:00") == nil)
    }

    @Test(arguments: [("waves", 40, false), ("waves", 80, false), ("waves", 160, false), ("waves", 80, true),
                      ("gaps", 40, false), ("gaps", 80, false), ("gaps", 160, false), ("gaps", 80, true)])
    func chartsMatchTheirGoldenFiles(dataset: String, width: Int, colour: Bool) throws {
        let text = render(dataset == "waves" ? Self.waves : Self.gapsAndConstant, width: width, colour: colour)
        let file = Self.golden.appendingPathComponent("\(dataset)-\(width)\(colour ? "-colour" : "").txt")
        if ProcessInfo.processInfo.environment["INFLUXKIT_UPDATE_GOLDEN"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: file, encoding: .utf8)))
        // Each line fits the width asked for (colour escapes aside).
        let plain = text.replacingOccurrences(of: #"\u{1B}\[[0-9]+m"#, with: "", options: .regularExpression)
        #expect(plain.split(separator: "\n").allSatisfy { $0.count <= width }, "\(plain)")
        #expect(colour == text.contains("\u{1B}["))
    }
}
