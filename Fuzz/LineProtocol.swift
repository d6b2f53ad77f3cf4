import InfluxKit

/// Fuzzes the line-protocol splitter and validator.
///
/// The first byte picks a chunk size; the whole input is then cut into records at once and
/// chunk by chunk, which must agree. Every record must lie inside the input, in order, on a
/// plausible line; every record the validator accepts at a line start and ended by a newline
/// must come out of the splitter unchanged when split on its own (so the validator never
/// accepts a line the splitter, or the server reading a request, cuts differently).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineProtocol(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let chunk = 1 + Int(bytes.first ?? 0)

    let whole = LineProtocolSplitter.records(in: bytes)
    let newlines = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    var previousEnd = 0
    var previousLine = 0
    for record in whole {
        check(record.range.lowerBound >= previousEnd && record.range.upperBound <= bytes.count, "record out of order")
        check(!record.range.isEmpty, "empty record")
        check(record.line > previousLine && record.line <= newlines + 1, "line \(record.line) after \(previousLine)")
        previousEnd = record.range.upperBound
        previousLine = record.line
    }

    let streamed = splitInChunks(bytes, chunk: chunk, maxRecordLength: Int.max)
    check(streamed.count == whole.count, "chunked split found \(streamed.count) records, whole \(whole.count)")
    for (a, b) in zip(whole, streamed) {
        check(Array(bytes[a.range]) == b.bytes && a.line == b.line, "chunked split differs at line \(a.line)")
    }

    // A tiny record limit cuts runaway quotes; it must not crash or lose the bounds.
    _ = splitInChunks(bytes, chunk: chunk, maxRecordLength: chunk)

    let validators = [LineProtocolValidator(), LineProtocolValidator(precision: .seconds)]
    for record in whole {
        let line = Array(bytes[record.range])
        for validator in validators {
            let (problem, hasTimestamp) = line.withUnsafeBytes { validator.inspect($0) }
            check(problem == validator.problem(in: line), "inspect and problem disagree")
            if problem != nil {
                check(!hasTimestamp, "an invalid line with a timestamp")
                continue
            }
            // A record in plain context (at a line start, ended by a newline) is sent as it is:
            // the server must cut it the same way in a request body, where a newline follows it.
            // (The writer checks the others, the last record and those after blanks, on their own.)
            let plain = record.range.upperBound < bytes.count
                && (record.range.lowerBound == 0 || bytes[record.range.lowerBound - 1] == 10)
                && line.last != 92
            guard plain else { continue }
            let again = LineProtocolSplitter.records(in: line + [10])
            let end = line.count - (line.last == 13 ? 1 : 0)
            check(again.count == 1 && again[0].range == 0..<end && again[0].line == 1,
                  "accepted a line the splitter cuts differently: \(again.map(\.range)) in \(String(reflecting: String(decoding: line, as: UTF8.self)))")
        }
    }
    return 0
}

/// Splits `bytes` the way a streaming reader does, `chunk` bytes at a time.
func splitInChunks(_ bytes: [UInt8], chunk: Int, maxRecordLength: Int) -> [(bytes: [UInt8], line: Int)] {
    var splitter = LineProtocolSplitter(maxRecordLength: maxRecordLength)
    splitter.reportsComments = maxRecordLength != Int.max
    var buffer: [UInt8] = []
    var out: [(bytes: [UInt8], line: Int)] = []
    var position = 0
    while true {
        let next = min(position + chunk, bytes.count)
        buffer += bytes[position..<next]
        position = next
        let isFinal = position == bytes.count
        var records: [LineProtocolSplitter.Record] = []
        let consumed = buffer.withUnsafeBytes { splitter.split($0, isFinal: isFinal, into: &records) }
        check(consumed >= 0 && consumed <= buffer.count, "consumed \(consumed) of \(buffer.count)")
        for record in records {
            check(record.range.lowerBound >= 0 && record.range.upperBound <= buffer.count, "record outside the buffer")
            out.append((Array(buffer[record.range]), record.line))
        }
        buffer.removeFirst(consumed)
        if isFinal { break }
    }
    return out
}
