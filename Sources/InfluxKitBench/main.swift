// influxkit-bench: times the library's hot paths in one thread and prints one result line per
// measurement as `name key=value …`, for scripts/bench to read.
//
//   influxkit-bench encode [POINTS] [REPEATS]   line protocol for POINTS points (default 1000000)
//   influxkit-bench parse FILE [REPEATS]        a /query response body, as one piece and streamed
//   influxkit-bench cancel PORT JOURNAL [RUNS]  cancel → return of a call stalled on a silent
//                                               http-peer.py (scripts/cancel-latency starts it)
//
// Each measurement runs REPEATS times (default 3) and the median is printed; cancel runs RUNS
// times (default 50) and prints the median and the maximum.
import Glibc

let arguments = CommandLine.arguments
func number(at position: Int, default value: Int) -> Int {
    guard position < arguments.count else { return value }
    guard let parsed = Int(arguments[position]), parsed > 0 else {
        fail("\(arguments[position]) is not a positive number", status: 64)
    }
    return parsed
}

switch arguments.count > 1 ? arguments[1] : "" {
case "encode":
    EncodingBenchmark(points: number(at: 2, default: 1_000_000)).run(repeats: number(at: 3, default: 3))
case "parse" where arguments.count > 2:
    do {
        try ParsingBenchmark(path: arguments[2]).run(repeats: number(at: 3, default: 3))
    } catch {
        fail("\(arguments[2]): \(error)")
    }
case "cancel" where arguments.count > 3:
    do {
        try await CancellationBenchmark(port: number(at: 2, default: 0), journal: arguments[3])
            .run(runs: number(at: 4, default: 50))
    } catch {
        fail("cancel: \(error)")
    }
default:
    fail("usage: influxkit-bench encode [POINTS] [REPEATS] | parse FILE [REPEATS] | cancel PORT JOURNAL [RUNS]", status: 64)
}
