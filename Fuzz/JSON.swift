import InfluxKit

/// Fuzzes the JSON reader and the streaming `/query` response decoder.
///
/// A value the reader accepts, serialized, must parse again to a value that serializes the same.
/// The response decoder fed the input in two pieces (cut where the first byte says) must agree
/// with the decoder fed it at once: the same results, or an error both times. The raw row path
/// (`feedRaw`) fed the same pieces must hand over the same results, once decoded, and end with
/// the same error after the same results.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)

    for reader in [JSONReader(), JSONReader(allowNonFiniteNumbers: true, maximumDepth: 64)] {
        guard let value = try? reader.parse(bytes) else { continue }
        let text = value.serialized()
        guard let again = try? JSONReader().parse(text) else {
            fatalError("invariant broken: serialized value does not parse: \(text)")
        }
        check(again.serialized() == text, "serialization not stable: \(text)")
    }

    let whole = Result { try QueryResponseDecoder.decode(bytes) }
    let cut = size == 0 ? 0 : Int(bytes[0]) % (size + 1)
    var decoder = QueryResponseDecoder()
    var results: [ResultSet] = []
    let pieces = Result {
        try decoder.feed(UnsafeRawBufferPointer(rebasing: bytes[..<cut])) { results.append($0) }
        try decoder.feed(UnsafeRawBufferPointer(rebasing: bytes[cut...])) { results.append($0) }
        try decoder.finish { results.append($0) }
        return results
    }
    switch (whole, pieces) {
    case let (.success(a), .success(b)): check(a == b, "decoding in pieces gives other results")
    case (.failure, .failure): break
    default: fatalError("invariant broken: decoding in pieces at \(cut) succeeds differently")
    }

    var rawDecoder = QueryResponseDecoder()
    var rawResults: [ResultSet] = []
    let raw = Result {
        try rawDecoder.feedRaw(UnsafeRawBufferPointer(rebasing: bytes[..<cut])) { rawResults.append($0.decoded()) }
        try rawDecoder.feedRaw(UnsafeRawBufferPointer(rebasing: bytes[cut...])) { rawResults.append($0.decoded()) }
        try rawDecoder.finishRaw { rawResults.append($0.decoded()) }
    }
    check(rawResults == results, "raw rows give other results")
    switch (pieces, raw) {
    case (.success, .success): break
    case let (.failure(a), .failure(b)): check("\(a)" == "\(b)", "raw rows fail otherwise: \(a) / \(b)")
    default: fatalError("invariant broken: raw rows at \(cut) succeed differently")
    }
    return 0
}
