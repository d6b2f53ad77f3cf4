import Foundation
import InfluxKit
import Synchronization
import Testing

/// Replays every input the fuzzers kept (`Fuzz/corpus/TARGET`, their seeds and the inputs that
/// reached new code) and every input that once crashed them (`Fuzz/crashes/TARGET`) through the
/// parsers, checking the fuzzers' invariants: the committed corpus is a regression suite.
struct FuzzRegressionTests {
    /// The files kept for `target`, as (name, bytes).
    static func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")
        var found: [(String, [UInt8])] = []
        for kind in ["corpus", "crashes"] {
            let directory = fuzz.appendingPathComponent(kind).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let data = try Data(contentsOf: directory.appendingPathComponent(name))
                found.append(("\(kind)/\(target)/\(name)", Array(data)))
            }
        }
        return found
    }

    @Test func theCorpusIsThere() throws {
        for target in ["lineprotocol", "writer", "json", "dsn"] {
            #expect(try Self.inputs(target).contains { $0.name.contains("/seed-") }, "no seeds for \(target)")
        }
    }

    @Test func lineProtocolInputsSplitAlikeInPiecesAndValidLinesEndWhereTheyEnd() throws {
        let validator = LineProtocolValidator()
        for (name, bytes) in try Self.inputs("lineprotocol") {
            let whole = LineProtocolSplitter.records(in: bytes)
            let pieces = Self.splitInPieces(bytes, size: 1 + Int(bytes.first ?? 0))
            #expect(whole.map { Array(bytes[$0.range]) } == pieces.map(\.bytes), "\(name)")
            #expect(whole.map(\.line) == pieces.map(\.line), "\(name)")
            for record in whole {
                let line = Array(bytes[record.range])
                guard validator.problem(in: line) == nil else { continue }
                // At a line start and ended by a newline, it is sent as it is: a newline after it
                // must end it, as it will in a request body.
                let plain = record.range.upperBound < bytes.count
                    && (record.range.lowerBound == 0 || bytes[record.range.lowerBound - 1] == UInt8(ascii: "\n"))
                    && line.last != UInt8(ascii: "\\")
                guard plain else { continue }
                let again = LineProtocolSplitter.records(in: line + [UInt8(ascii: "\n")])
                let end = line.count - (line.last == UInt8(ascii: "\r") ? 1 : 0)
                #expect(again.map(\.range) == [0..<end], "\(name), line \(record.line)")
            }
        }
    }

    @Test func writerInputsAreAllAccountedForAndOnlyValidLinesAreSent() throws {
        for (name, bytes) in try Self.inputs("writer") {
            // As the fuzz target: the first byte picks the line limit, batch size and chunk size.
            let knob = Int(bytes.first ?? 0)
            var options = LineProtocolWriter.Options()
            options.maxLineLength = 16 + knob * 4
            options.batchSize = 1 + knob % 7
            options.serverTimestamps = knob % 2 == 0
            let sent = Mutex<[[UInt8]]>([])
            let rejected = Mutex(0)
            let statements = Mutex(0)
            let writer = LineProtocolWriter(options: options, onRejection: { _ in rejected.withLock { $0 += 1 } }) {
                switch $0 {
                case let .write(body, _, _, _): sent.withLock { $0.append(body) }
                case .statement: statements.withLock { $0 += 1 }
                }
            }
            writer.beginSource("fuzz")
            let chunk = 1 + knob % 61
            guard let summary = try? {
                for start in stride(from: 0, to: bytes.count, by: chunk) {
                    try bytes[start..<min(start + chunk, bytes.count)].withUnsafeBytes { try writer.append($0) }
                }
                try writer.endSource()
                return try writer.finish()
            }() else { continue }
            #expect(summary.statements == statements.withLock { $0 }, "\(name)")
            #expect(summary.records == summary.written + summary.statements + summary.rejected, "\(name)")
            #expect(rejected.withLock { $0 } == summary.rejected, "\(name)")
            for body in sent.withLock({ $0 }) {
                for line in LineProtocolSplitter.records(in: body) {
                    #expect(LineProtocolValidator().problem(in: body[line.range]) == nil, "\(name)")
                }
            }
        }
    }

    @Test func jsonInputsReparseOnceSerializedAndDecodeAlikeInPieces() throws {
        for (name, bytes) in try Self.inputs("json") {
            for reader in [JSONReader(), JSONReader(allowNonFiniteNumbers: true, maximumDepth: 64)] {
                guard let value = try? reader.parse(bytes) else { continue }
                let text = value.serialized()
                #expect((try? JSONReader().parse(text))?.serialized() == text, "\(name)")
            }
            let whole = try? QueryResponseDecoder.decode(bytes)
            let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
            var decoder = QueryResponseDecoder()
            var results: [ResultSet] = []
            let pieces: [ResultSet]? = try? {
                try decoder.feed(Array(bytes[..<cut])) { results.append($0) }
                try decoder.feed(Array(bytes[cut...])) { results.append($0) }
                try decoder.finish { results.append($0) }
                return results
            }()
            #expect(whole == pieces, "\(name)")
        }
    }

    @Test func dsnInputsParseToAHostAndPortOrFailWithoutThePassword() throws {
        for (name, bytes) in try Self.inputs("dsn") {
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let configuration = try ClientConfiguration(dsn: text)
                #expect(!configuration.host.isEmpty && (1...65535).contains(configuration.port), "\(name)")
            } catch let error as InfluxError {
                #expect("\(error)".contains("the dsn "), "\(name)")
            }
        }
    }

    /// Records found by a splitter fed `size` bytes at a time.
    static func splitInPieces(_ bytes: [UInt8], size: Int) -> [(bytes: [UInt8], line: Int)] {
        var splitter = LineProtocolSplitter()
        var buffer: [UInt8] = []
        var found: [(bytes: [UInt8], line: Int)] = []
        var offset = 0
        while true {
            let end = min(offset + size, bytes.count)
            buffer += bytes[offset..<end]
            offset = end
            var records: [LineProtocolSplitter.Record] = []
            let consumed = buffer.withUnsafeBytes { splitter.split($0, isFinal: offset == bytes.count, into: &records) }
            found += records.map { (Array(buffer[$0.range]), $0.line) }
            buffer.removeFirst(consumed)
            if offset == bytes.count { return found }
        }
    }
}
