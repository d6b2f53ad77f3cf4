import Foundation
import InfluxKit
import Testing

/// `influxkit` against a real VictoriaMetrics (Debian's `victoria-metrics`), which takes line
/// protocol on `/write`, names no version on `/ping`, and stores field `f` of measurement `m` as
/// the metric `m_f`.
@Suite(.integration, .serialized)
struct VictoriaMetricsTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("\(InfluxServer.leftoverPrefix)\(getpid())-\(name)-\(UUID().uuidString.prefix(8))").path
    }

    /// Telemetry like the benchmark's: `series` hosts, two numeric fields, `points` each, one
    /// second apart from two hours ago (inside VictoriaMetrics's retention and search window).
    static func telemetry(series: Int, points: Int) -> (lines: [String], start: Int64) {
        let start = Int64(Date().timeIntervalSince1970) - 7_200
        var lines: [String] = []
        for point in 0..<points {
            for host in 0..<series {
                lines.append("cpu,host=h\(host),region=r\(host % 3) usage=\(Double(point) / 8),procs=\(point + host)i \(start + Int64(point))")
            }
        }
        return (lines, start)
    }

    @Test func pingNamesAnUnknownServerWithTheWriteAPI() throws {
        let vm = try VictoriaMetrics()
        defer { vm.stop() }
        let run = try CommandLineTests.influxkit(["ping", "--port", String(vm.port), "--host", "127.0.0.1", "-v"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("http://127.0.0.1:\(vm.port) unknown server, 1.x write API "), "\(run.stdout)")
        #expect(run.stdout.contains("\n  x-server-hostname: "), "the headers are shown")

        let client = try InfluxClient(configuration: ClientConfiguration(host: "127.0.0.1", port: vm.port))
        #expect(try client.serverInfo().kind == .other)
    }

    @Test func aWriteWithBadLinesIsCountedExactlyAndReadBack() throws {
        let vm = try VictoriaMetrics()
        defer { vm.stop() }
        var (lines, start) = Self.telemetry(series: 50, points: 40)
        // Bad lines at known input lines (1-based): the validator names them, nothing of them is sent.
        let bad = [(7, "cpu,host=hx usage="), (500, "cpu,host=hy"), (1_333, "cpu,host=hz usage=1 12x")]
        for (line, text) in bad { lines.insert(text, at: line - 1) }
        let run = try CommandLineTests.influxkit(
            ["write", "--host", "127.0.0.1", "--port", String(vm.port), "-d", "telemetry", "--precision", "s", "--batch-size", "300"],
            input: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 3, "\(run.stderr)")
        let reported = run.stderr.split(separator: "\n").filter { $0.hasPrefix("-:") }.map { $0.split(separator: ":")[1] }
        #expect(reported == bad.map { Substring(String($0.0)) }, "\(run.stderr)")
        #expect(run.stderr.contains("wrote 2000 points, rejected 3 lines"), "\(run.stderr)")

        let series = try vm.exported()
        let usage = series.filter { $0.labels["__name__"] == "cpu_usage" }
        #expect(usage.count == 50)
        #expect(usage.allSatisfy { $0.labels["db"] == "telemetry" && $0.values.count == 40 })
        let h7 = try #require(usage.first { $0.labels["host"] == "h7" })
        #expect(h7.timestamps == (0..<40).map { (start + Int64($0)) * 1_000 })
        #expect(h7.values == (0..<40).map { Double($0) / 8 })
        let procs = series.filter { $0.labels["__name__"] == "cpu_procs" }
        #expect(procs.reduce(0) { $0 + $1.values.count } == 2_000)
    }

    @Test func aBatchRefusedForAMomentIsRetriedAndStoredOnce() throws {
        let vm = try VictoriaMetrics()
        defer { vm.stop() }
        let (lines, _) = Self.telemetry(series: 5, points: 8)
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 503, retryAfter: "0", path: "/write")], upstream: "http://127.0.0.1:\(vm.port)")
        let run = try CommandLineTests.influxkit(
            ["write", "--url", peer.url, "-d", "db", "--precision", "s", "--batch-size", "10", "--connections", "1"],
            input: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "wrote 40 points, rejected 0 lines, retried 1 batch\n", "\(run.stderr)")
        let counts = try vm.exported().filter { $0.labels["__name__"] == "cpu_usage" }.map(\.values.count)
        #expect(counts.count == 5 && counts.allSatisfy { $0 == 8 }, "every point once: \(counts)")
    }

    @Test func aStoppedWriteResumesFromItsCheckpoint() throws {
        let vm = try VictoriaMetrics()
        defer { vm.stop() }
        let (lines, _) = Self.telemetry(series: 10, points: 10)
        let input = lines.joined(separator: "\n") + "\n"
        let checkpoint = temporaryPath("vm-checkpoint")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        // The first two batches reach VictoriaMetrics; the third is refused, which stops the write.
        let peer = try HTTPPeer(
            .influxdb, answers: [
                .init(status: 0, pass: true, path: "/write"), .init(status: 0, pass: true, path: "/write"),
                .init(status: 401, error: "authorization failed", path: "/write"),
            ],
            upstream: "http://127.0.0.1:\(vm.port)")
        let arguments = ["write", "-d", "db", "--precision", "s", "--batch-size", "25", "--connections", "1", "--checkpoint", checkpoint]

        let stopped = try CommandLineTests.influxkit(arguments + ["--url", peer.url], input: input)
        #expect(stopped.status == 4, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("wrote 50 points"), "\(stopped.stderr)")

        let resumed = try CommandLineTests.influxkit(arguments + ["--url", "http://127.0.0.1:\(vm.port)"], input: input)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr == "wrote 50 points, rejected 0 lines, retried 0 batches, skipped 50 lines settled before\n")

        let counts = try vm.exported().filter { $0.labels["__name__"] == "cpu_usage" }.map(\.values.count)
        #expect(counts.count == 10 && counts.allSatisfy { $0 == 10 }, "every point once: \(counts)")
    }
}
