import Glibc
import InfluxKit

/// Decoding of a `/query` response body (as saved by `curl`) into `ResultSet`s: the whole body
/// at once, and fed in 16 KiB pieces as libcurl hands them over (rows counted, results dropped).
struct ParsingBenchmark {
    let body: [UInt8]

    init(path: String) throws {
        guard let file = fopen(path, "rb") else { throw BenchmarkError(String(cString: strerror(errno))) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let read = fread(&block, 1, block.count, file)
            if read == 0 { break }
            bytes += block[..<read]
        }
        body = bytes
    }

    func run(repeats: Int) throws {
        var rows = 0
        let whole = try Stopwatch.median(repeats: repeats) {
            rows = try QueryResponseDecoder.decode(body).reduce(0) { $0 + Self.rows(in: $1) }
        }
        Report.line("parse", points: rows, bytes: body.count, seconds: whole)

        let streamed = try Stopwatch.median(repeats: repeats) {
            rows = 0
            var decoder = QueryResponseDecoder()
            try body.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let end = min(offset + 16_384, bytes.count)
                    try decoder.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<end])) { rows += Self.rows(in: $0) }
                    offset = end
                }
            }
            try decoder.finish { rows += Self.rows(in: $0) }
        }
        Report.line("parse-streamed", points: rows, bytes: body.count, seconds: streamed)
    }

    private static func rows(in result: ResultSet) -> Int {
        result.series.reduce(0) { $0 + $1.values.count }
    }
}

/// A failure to read the benchmark's input.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
