import Foundation
import Testing
@testable import InfluxKit

/// Random hostile input, from a fixed seed and in a fixed number of rounds: the parsers return
/// or throw `InfluxError`, and what they find is consistent however the input is cut.
@Suite struct HostileInputTests {
    /// Bytes that mean something to line protocol, and some that should not be there.
    static let lineAlphabet = Array("m,=  \"\\\n\n\r\t01239i.-+eEtfTFuN#é".utf8) + [0, 0xFF, 0xC3]

    static func randomBytes(_ alphabet: [UInt8], maxLength: Int, using generator: inout SeededGenerator) -> [UInt8] {
        (0..<Int.random(in: 0...maxLength, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
    }

    /// The records of `bytes` as (line, text), fed in pieces of random sizes.
    static func records(_ bytes: [UInt8], pieces generator: inout SeededGenerator?) -> [(Int, [UInt8])] {
        var splitter = LineProtocolSplitter(maxRecordLength: 64)
        var buffer: [UInt8] = []
        var found: [(Int, [UInt8])] = []
        var offset = 0
        while true {
            let size = generator.map { var g = $0; defer { generator = g }; return Int.random(in: 1...9, using: &g) } ?? bytes.count
            let end = min(offset + max(size, 1), bytes.count)
            buffer += bytes[offset..<end]
            offset = end
            let isFinal = offset == bytes.count
            var records: [LineProtocolSplitter.Record] = []
            let consumed = buffer.withUnsafeBytes { splitter.split($0, isFinal: isFinal, into: &records) }
            for record in records {
                #expect(record.range.lowerBound >= 0 && record.range.upperBound <= buffer.count)
                found.append((record.line, Array(buffer[record.range])))
            }
            buffer.removeFirst(consumed)
            if isFinal { return found }
        }
    }

    @Test func theSplitterFindsTheSameRecordsHoweverTheInputIsCut() {
        var generator = SeededGenerator(seed: 6)
        for _ in 0..<3000 {
            let bytes = Self.randomBytes(Self.lineAlphabet, maxLength: 160, using: &generator)
            var none: SeededGenerator? = nil
            var pieces: SeededGenerator? = SeededGenerator(seed: generator.next())
            let whole = Self.records(bytes, pieces: &none)
            let cut = Self.records(bytes, pieces: &pieces)
            #expect(whole.map(\.0) == cut.map(\.0), "\(bytes)")
            #expect(whole.map(\.1) == cut.map(\.1), "\(bytes)")
            #expect(zip(whole, whole.dropFirst()).allSatisfy { $0.0 < $1.0 }, "records start on later lines: \(bytes)")
        }
    }

    @Test func aValidLineWithoutATimestampStaysValidOnceStamped() {
        var generator = SeededGenerator(seed: 7)
        let validator = LineProtocolValidator()
        var stamped = 0
        for _ in 0..<20000 {
            // Mostly well-formed: a name with odd bytes, one or two fields, odd blanks at the end.
            let values = ["1", "-1.5", "3i", "t", "\"a b\"", "\"q \\\" 1\"", "\"x 2\"", "FALSE", "1e5", "\"\"", "7 "]
            var bytes = Array("m".utf8) + Self.randomBytes(Self.lineAlphabet, maxLength: 4, using: &generator)
            bytes += Array(" f=\(values.randomElement(using: &generator)!)".utf8)
            if Bool.random(using: &generator) { bytes += Array(",g=\(values.randomElement(using: &generator)!)".utf8) }
            bytes += Self.randomBytes(Array(" \t\u{0}".utf8), maxLength: 3, using: &generator)
            bytes.removeAll { $0 == UInt8(ascii: "\n") }
            guard bytes.withUnsafeBytes({ validator.problem(in: $0) }) == nil else { continue }
            guard !bytes.withUnsafeBytes({ validator.hasTimestamp(in: $0) }) else { continue }
            while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == 0 { bytes.removeLast() }
            let line = bytes + Array(" 1700000000000000000".utf8)
            #expect(line.withUnsafeBytes { validator.problem(in: $0) } == nil, "\(String(decoding: line, as: UTF8.self))")
            #expect(line.withUnsafeBytes { validator.hasTimestamp(in: $0) })
            stamped += 1
        }
        #expect(stamped > 100, "the generator makes enough valid lines to mean something")
    }

    @Test func theJSONReaderAnswersOrThrowsInfluxError() {
        var generator = SeededGenerator(seed: 8)
        let alphabet = Array("{}[]\",:0123456789.eE+-truefalsnl \\u00\n".utf8) + [0xFF, 0xC3, 0xA9]
        var accepted = 0, refused = 0
        for round in 0..<20000 {
            // Every fourth input is a random valid document, so both answers come.
            var bytes = Self.randomBytes(alphabet, maxLength: 40, using: &generator)
            if round % 4 == 0 {
                var random = RandomJSON(generator: SeededGenerator(seed: UInt64(round)))
                bytes = Array(random.serialise(random.value(depth: 2)).utf8)
            }
            do {
                let value = try JSONReader().parse(bytes)
                accepted += 1
                // What is accepted means something: it serializes to text that reads back alike.
                let text = value.serialized()
                #expect(try JSONReader().parse(text).serialized() == text, "\(bytes)")
            } catch let error as InfluxError where error.code == .malformedResponse {
                let reason = error.message
                refused += 1
                #expect(reason.contains(" at byte "), "the reason says where: \(reason)")
            } catch {
                Issue.record("not a malformed-response error: \(error)")
            }
        }
        #expect(accepted > 1000 && refused > 1000, "accepted \(accepted), refused \(refused)")
    }

    @Test func theDSNParserAnswersOrThrowsInfluxError() {
        var generator = SeededGenerator(seed: 9)
        let alphabet = Array("influxdb:/@[]?#%2Fudp+https.:8086abc-_ ".utf8).map { Character(UnicodeScalar($0)) } + ["é", "\u{0}"]
        var accepted = 0, refused = 0
        for _ in 0..<20000 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            for dsn in [text, "influxdb://" + text, "https+influxdb://" + text, "influxdb://u:Pw-\(text)@" + text] {
                do {
                    let configuration = try ClientConfiguration(dsn: dsn)
                    accepted += 1
                    #expect(!configuration.host.isEmpty, "\(dsn)")
                    #expect((1...65535).contains(configuration.port), "\(dsn)")
                } catch let error as InfluxError where error.code == .invalidArgument {
                    let message = error.message
                    refused += 1
                    #expect(message.hasPrefix("the dsn "), "\(message)")
                    // The message never repeats the DSN, which may hold a password.
                    #expect(!message.contains("Pw-"), "\(message)")
                } catch {
                    Issue.record("not an invalid-argument error: \(error)")
                }
            }
        }
        #expect(accepted > 1000 && refused > 1000, "accepted \(accepted), refused \(refused)")
    }
}
