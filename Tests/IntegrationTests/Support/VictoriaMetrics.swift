import Foundation
import Glibc

/// A private VictoriaMetrics server (Debian's `victoria-metrics`) on a free loopback port, with
/// its data in a temporary directory and a retention of 100 years; stopped by ``stop()``.
///
/// Throws, with installation advice, when `victoria-metrics` is not installed.
final class VictoriaMetrics {
    /// The HTTP port on 127.0.0.1.
    let port: Int
    let directory: URL
    private let process: Process

    init() throws {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("victoria-metrics") }
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw VictoriaMetricsError.notInstalled
        }
        guard let port = LoopbackPort.freePair() else { throw InfluxServerError.noFreePort }
        self.port = port
        directory = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("\(InfluxServer.leftoverPrefix)\(getpid())-vm-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = executable
        process.arguments = [
            "-storageDataPath=\(directory.path)", "-httpListenAddr=127.0.0.1:\(port)", "-retentionPeriod=100y",
            "-search.latencyOffset=0s",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let response = try? LoopbackHTTP.send("GET", port: port, target: "/health", timeout: 2), response.status == 200 {
                return
            }
            guard process.isRunning else { throw VictoriaMetricsError.exited }
            usleep(20_000)
        }
        stop()
        throw VictoriaMetricsError.exited
    }

    /// Every sample stored, as `/api/v1/export` gives them after a flush: one object per series
    /// with its labels, values and millisecond timestamps.
    func exported() throws -> [(labels: [String: String], values: [Double], timestamps: [Int64])] {
        _ = try LoopbackHTTP.send("GET", port: port, target: "/internal/force_flush")
        let response = try LoopbackHTTP.send("GET", port: port, target: "/api/v1/export?match%5B%5D=%7B__name__%21%3D%22%22%7D&start=0")
        return try String(decoding: response.body, as: UTF8.self).split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let labels = object["metric"] as? [String: String] ?? [:]
            let values = (object["values"] as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
            let timestamps = (object["timestamps"] as? [NSNumber] ?? []).map(\.int64Value)
            return (labels, values, timestamps)
        }
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

enum VictoriaMetricsError: Error, CustomStringConvertible {
    case notInstalled, exited

    var description: String {
        switch self {
        case .notInstalled: return "victoria-metrics is not installed: run scripts/bootstrap (apt-get install victoria-metrics)"
        case .exited: return "victoria-metrics did not start"
        }
    }
}
