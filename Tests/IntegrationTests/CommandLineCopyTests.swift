import Foundation
import Glibc
import InfluxKit
import Testing

/// `influxkit copy` between real servers: two influxd, and VictoriaMetrics.
@Suite(.integration)
struct CommandLineCopyTests {
    func copy(from source: Int, to destination: Int, _ arguments: [String]) throws -> CommandLineTests.Run {
        try CommandLineTests.influxkit(
            ["copy", "--from", "http://127.0.0.1:\(source)", "--to", "http://127.0.0.1:\(destination)"] + arguments)
    }

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-\(UUID().uuidString.prefix(8))-\(name)").path
    }

    @Test func theHardDatasetArrivesWholeAndVerified() throws {
        let source = try InfluxServer.shared(), target = try InfluxServer.second()
        let database = source.makeDatabaseName()
        try ExportDataset.create(database, on: source)

        let run = try copy(from: source.port, to: target.port, ["-d", database, "--create", "--verify"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("verified: every field of"))
        #expect(run.stderr.contains("rejected 0 lines"))
        let expected = try ExportDataset.contents(of: database, on: source)
        let stored = try ExportDataset.contents(of: database, on: target)
        for key in expected.keys.sorted() {
            #expect(stored[key] == expected[key], "\(key)")
        }
    }

    @Test func renamingTheDatabaseAndPolicy() throws {
        let source = try InfluxServer.shared(), target = try InfluxServer.second()
        let database = source.makeDatabaseName()
        try ExportDataset.create(database, on: source)
        let renamed = target.makeDatabaseName()

        let run = try copy(from: source.port, to: target.port, ["-d", database, "--rp", "short rp", "--to-database", renamed, "--to-rp", "copied", "--create", "--verify"])
        #expect(run.status == 0, "\(run.stderr)")
        let client = try target.client()
        #expect(try client.retentionPolicies(database: renamed).contains { $0.name == "copied" && $0.shardGroupDuration == "24h0m0s" })
        let expected = try source.client().query("SELECT * FROM \"short rp\".events GROUP BY *", database: database, epoch: .nanoseconds)
        let stored = try client.query("SELECT * FROM copied.events GROUP BY *", database: renamed, epoch: .nanoseconds)
        #expect(stored == expected)
        #expect(!(expected.first?.series.isEmpty ?? true))
    }

    @Test func aKilledCopyResumesWithoutGapsAndVerifies() throws {
        let source = try InfluxServer.shared(), target = try InfluxServer.second()
        let database = try source.createDatabase()
        let lines = (0..<30_000).map { "m,host=h\($0 % 9) v=\($0)i \(1_600_000_000_000_000_000 + Int64($0) * 20_000_000_000)" }
        try source.client().write(lines: lines, database: database)
        let checkpoint = temporaryPath("copy.ckpt")
        defer { unlink(checkpoint) }
        let arguments = ["copy", "--from", "http://127.0.0.1:\(source.port)", "--to", "http://127.0.0.1:\(target.port)",
                         "-d", database, "--create", "--slice", "1h", "--batch-size", "500", "--checkpoint", checkpoint]

        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        while process.isRunning && !FileManager.default.fileExists(atPath: checkpoint) { usleep(1_000) }
        let killed = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let rerun = try CommandLineTests.influxkit(arguments + ["--verify"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(killed, "the copy ended before its first checkpoint")
        #expect(rerun.stderr.contains(" written before"), "\(rerun.stderr)")
        #expect(rerun.stderr.contains("verified"))
        let count = try target.client().query("SELECT count(v) FROM m", database: database).first?.series.first?.values.first?.last
        #expect(count == .integer(30_000))
    }

    @Test func aDestinationThatDiesIsResumedAfterItComesBack() throws {
        let source = try InfluxServer.shared()
        let database = try source.createDatabase()
        let lines = (0..<20_000).map { "m,host=h\($0 % 4) v=\($0) \(1_600_000_000_000_000_000 + Int64($0) * 30_000_000_000)" }
        try source.client().write(lines: lines, database: database)
        let target = try RestartableInfluxd()
        defer { target.stop() }
        let checkpoint = temporaryPath("dies.ckpt")
        defer { unlink(checkpoint) }
        let arguments = ["copy", "--from", "http://127.0.0.1:\(source.port)", "--to", "http://127.0.0.1:\(target.port)",
                         "-d", database, "--create", "--slice", "1h", "--batch-size", "500", "--retries", "1", "--checkpoint", checkpoint]

        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        while process.isRunning && !FileManager.default.fileExists(atPath: checkpoint) { usleep(1_000) }
        target.kill()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 2 || process.terminationStatus == 0, "\(message)")

        try target.start()
        let rerun = try CommandLineTests.influxkit(arguments + ["--verify"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("verified"))
        let reply = try target.execute("SELECT count(v) FROM m", database: database)
        #expect(reply.contains("20000"), "\(reply)")
    }

    @Test func verifyCatchesADestinationThatDropsABatch() throws {
        let source = try InfluxServer.shared(), target = try InfluxServer.second()
        let database = try source.createDatabase()
        try target.execute("CREATE DATABASE \(database)")
        let lines = (0..<3_000).map { "m,host=h\($0 % 3) v=\($0) \(1_600_000_000_000_000_000 + Int64($0) * 1_000_000_000)" }
        try source.client().write(lines: lines, database: database)
        // The first write is answered 204 and never reaches the server; the rest pass through.
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 204, path: "/write")], upstream: "http://127.0.0.1:\(target.port)")
        defer { peer.stop() }

        let run = try copy(from: source.port, to: peer.port, ["-d", database, "--batch-size", "1000", "--connections", "1", "--verify"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("wrote 3000 points"))
        #expect(run.stderr.contains("verification failed: 1 field counts differ"), "\(run.stderr)")
        #expect(run.stdout.contains("3000") && run.stdout.contains("2000"), "\(run.stdout)")
    }

    @Test func numericPointsArriveInVictoriaMetricsAndStringsAreCounted() throws {
        let source = try InfluxServer.shared()
        let database = try source.createDatabase()
        let vm = try VictoriaMetrics()
        defer { vm.stop() }
        let start = (Int64(Date().timeIntervalSince1970) - 7_200) * 1_000_000_000
        var lines: [String] = []
        for index in 0..<2_000 {
            let time = start + Int64(index) * 1_000_000_000
            lines.append("cpu,host=h\(index % 4) usage=\(Double(index) / 4),procs=\(index)i,state=\"s\(index % 3)\" \(time)")
        }
        lines.append("note text=\"only a string\" \(start)")
        try source.client().write(lines: lines, database: database)

        let run = try copy(from: source.port, to: vm.port, ["-d", database])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("left out 2001 string values (1 points had nothing else)"), "\(run.stderr)")

        let series = try vm.exported()
        let usage = series.filter { $0.labels["__name__"] == "cpu_usage" }
        let procs = series.filter { $0.labels["__name__"] == "cpu_procs" }
        #expect(usage.count == 4 && procs.count == 4)
        #expect(usage.allSatisfy { $0.labels["db"] == database && $0.labels["host"] != nil })
        var stored: [String: Double] = [:]
        for entry in usage { for (time, value) in zip(entry.timestamps, entry.values) { stored["\(entry.labels["host"]!) \(time)"] = value } }
        var expected: [String: Double] = [:]
        for index in 0..<2_000 { expected["h\(index % 4) \((start + Int64(index) * 1_000_000_000) / 1_000_000)"] = Double(index) / 4 }
        #expect(stored == expected)
        #expect(procs.reduce(0) { $0 + $1.values.count } == 2_000)
        #expect(!series.contains { $0.labels["__name__"]?.hasPrefix("note") ?? false || $0.labels["__name__"] == "cpu_state" })

        let verify = try copy(from: source.port, to: vm.port, ["-d", database, "--verify-only"])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("not verified"))
    }
}
