// influxkit-bench: times the library's hot paths in one thread and prints one result line per
// measurement as `name key=value …`, for scripts/bench to read.
//
//   influxkit-bench encode [POINTS] [REPEATS]   line protocol for POINTS points (default 1000000)
//   influxkit-bench parse FILE [REPEATS]        a /query response body, as one piece and streamed
//
// Each measurement runs REPEATS times (default 3) and the median is printed.
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
default:
    fail("usage: influxkit-bench encode [POINTS] [REPEATS] | parse FILE [REPEATS]", status: 64)
}
