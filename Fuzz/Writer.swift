import InfluxKit
import Synchronization

/// Fuzzes the write pipeline as `influxkit write --dry-run` runs it: splitter, validator, the
/// re-splitting after a runaway quote and the limit on line length, fed in chunks.
///
/// The first byte picks the line-length limit and the chunk size. Every record is accounted for
/// (written, rejected or run as a statement), every line sent is valid and every rejection names a line of the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWriter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let knob = Int(bytes.first ?? 0)
    var options = LineProtocolWriter.Options()
    options.maxLineLength = 16 + knob * 4
    options.batchSize = 1 + knob % 7
    options.serverTimestamps = knob % 2 == 0
    let sent = Mutex<[[UInt8]]>([])
    let statements = Mutex(0)
    let rejected = Mutex<[LineProtocolWriter.Rejection]>([])
    let writer = LineProtocolWriter(options: options, onRejection: { rejection in
        rejected.withLock { $0.append(rejection) }
    }) { operation in
        switch operation {
        case let .write(body, _, _, _): sent.withLock { $0.append(body) }
        case .statement: statements.withLock { $0 += 1 }
        }
    }
    writer.beginSource("fuzz")
    let chunk = 1 + knob % 61
    do {
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            try bytes[start..<min(start + chunk, bytes.count)].withUnsafeBytes { try writer.append($0) }
        }
        try writer.endSource()
        let summary = try writer.finish()
        let lines = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let rejections = rejected.withLock { $0 }
        check(summary.statements == statements.withLock { $0 }, "statements run \(summary.statements)")
        check(summary.records == summary.written + summary.statements + summary.rejected,
              "records \(summary.records) != written \(summary.written) + statements \(summary.statements) + rejected \(summary.rejected)")
        check(rejections.count == summary.rejected, "rejections not all reported")
        check(rejections.allSatisfy { (1...lines).contains($0.line) }, "a rejection outside the input")
        let validator = LineProtocolValidator()
        for body in sent.withLock({ $0 }) {
            for line in LineProtocolSplitter.records(in: body) {
                check(validator.problem(in: body[line.range]) == nil, "sent an invalid line")
            }
        }
    } catch {
        // `# DDL` statements and directives may fail; that is an answer, not a crash.
    }
    return 0
}
