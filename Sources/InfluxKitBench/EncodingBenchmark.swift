import Glibc
import InfluxKit

/// Line-protocol encoding of points shaped like `gen-lp.py`'s: measurement `cpu`, tags `dc`,
/// `host` and `region` (1000 series), an integer, a string and three 2-decimal float fields,
/// and a nanosecond time. The points are built first; only encoding is timed, in batches of
/// 5000 points into one reused encoder, as a writer would.
struct EncodingBenchmark {
    let points: [Point]

    init(points count: Int) {
        var random = SplitMix(seed: 42)
        let regions = ["us-east", "us-west", "eu-central", "ap-south"]
        let statuses = ["ok", "ok", "ok", "ok", "ok", "ok", "warn", "crit"]
        points = (0..<count).map { index in
            let host = index % 1000
            let user = (random.unit() * 6000).rounded() / 100
            let system = (random.unit() * 2000).rounded() / 100
            return Point(
                measurement: "cpu",
                tags: ["dc": "dc\(host % 8)", "host": "host\(host)", "region": regions[host % 4]],
                fields: [
                    "procs": .integer(50 + Int64(random.unit() * 450)),
                    "status": .string(statuses[Int(random.unit() * 8)]),
                    "usage_idle": .float(((100 - user - system) * 100).rounded() / 100),
                    "usage_system": .float(system),
                    "usage_user": .float(user),
                ],
                time: .epoch(1_700_000_000_000_000_000 + Int64(index) * 1_000_000, .nanoseconds))
        }
    }

    func run(repeats: Int) {
        var encoder = LineProtocolEncoder()
        var bytes = 0
        let seconds = Stopwatch.median(repeats: repeats) {
            bytes = 0
            for (index, point) in points.enumerated() {
                do {
                    try encoder.append(point)
                } catch {
                    fail("point \(index): \(error)")
                }
                if encoder.pointCount == 5000 {
                    bytes += encoder.bytes.count
                    encoder.removeAll()
                }
            }
            bytes += encoder.bytes.count
            encoder.removeAll()
        }
        Report.line("encode", points: points.count, bytes: bytes, seconds: seconds)
    }
}

/// A small deterministic generator (SplitMix64), so every run encodes the same points.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A number in [0, 1).
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
