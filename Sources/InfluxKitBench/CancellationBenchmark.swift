import Glibc
import InfluxKit

/// Cancel → return: how long an `async` call stalled on a server that never answers takes to
/// end once its task is cancelled, and, for comparison, once the client's
/// `cancelCurrentRequest()` is called (which wakes nothing: libcurl's progress callback, about
/// once a second while the server is silent, sees it).
///
/// The server is `http-peer.py --mode silent`; its journal tells when each request has arrived,
/// and the cancel comes 300 ms after that, so it hits a transfer that is waiting for the answer
/// with libcurl's connect-phase timers (the 200 ms of happy eyeballs) behind it.
struct CancellationBenchmark {
    let port: Int
    let journal: String

    func run(runs: Int) async throws {
        var configuration = ClientConfiguration(host: "127.0.0.1", port: port)
        configuration.timeout = nil
        configuration.idleTimeout = nil
        configuration.retries = 0
        let client = try InfluxClient(configuration: configuration)
        var seen = try requestsArrived()
        for (name, cancel) in [
            ("task-cancel", { (task: Task<Void, any Error>) in task.cancel() }),
            ("cancel-current-request", { (_: Task<Void, any Error>) in client.cancelCurrentRequest() }),
        ] {
            var milliseconds: [Double] = []
            for _ in 0..<runs {
                let task = Task { _ = try await client.ping() }
                while try requestsArrived() == seen { usleep(2_000) }
                seen += 1
                usleep(300_000)
                let start = Stopwatch.now()
                cancel(task)
                do {
                    try await task.value
                    throw BenchmarkError("the stalled ping succeeded")
                } catch let error as InfluxError where error.code == .cancelled {
                    milliseconds.append((Stopwatch.now() - start) * 1000)
                }
            }
            milliseconds.sort()
            let median = milliseconds[milliseconds.count / 2]
            print("\(name) runs=\(runs) median_ms=\(Self.rounded(median)) max_ms=\(Self.rounded(milliseconds.last!))")
        }
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }

    /// The requests the peer's journal records so far.
    private func requestsArrived() throws -> Int {
        guard let file = fopen(journal, "rb") else { return 0 }
        defer { fclose(file) }
        var count = 0
        var line = [CChar](repeating: 0, count: 1 << 16)
        while fgets(&line, Int32(line.count), file) != nil {
            if strstr(line, "\"event\": \"request\"") != nil { count += 1 }
        }
        return count
    }
}
