import Foundation
import Glibc

extension InfluxServer {
    /// The name prefix of the servers' temporary directories, followed by the test process PID.
    static let leftoverPrefix = "influxkit-it-"

    /// Stops the servers and removes the directories left by test processes that died without
    /// cleaning up (a crash, or an interrupted run skips the exit hook).
    static func removeLeftovers() {
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory())
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix(leftoverPrefix) {
            let ownerField = name.dropFirst(leftoverPrefix.count).prefix { $0 != "-" }
            guard let owner = Int32(ownerField), !ProcessState.isAlive(owner) else { continue }
            let directory = temporary.appendingPathComponent(name)
            stopLeftoverServer(in: directory)
            try? FileManager.default.removeItem(at: directory)
        }
    }

    private static func stopLeftoverServer(in directory: URL) {
        let pidFile = directory.appendingPathComponent("influxd.pid")
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
              ProcessState.isAlive(pid),
              let command = ProcessState.commandLine(of: pid),
              command.contains("influxd"), command.contains(directory.path)
        else { return }
        kill(pid, SIGKILL)
    }
}
