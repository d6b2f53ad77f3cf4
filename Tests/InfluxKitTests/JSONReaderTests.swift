import Testing
@testable import InfluxKit

/// The reason of a `malformedResponse` error thrown by `body`, or `nil` when it succeeded.
/// Any other error fails the test.
func malformedReason<T>(_ body: () throws -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as InfluxError where error.code == .malformedResponse {
        return error.message
    } catch {
        Issue.record("unexpected error \(error)")
        return "unexpected"
    }
}

@Suite struct JSONReaderTests {
    let reader = JSONReader()

    @Test(arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .integer(0)),
        ("-0", .integer(0)),
        ("42", .integer(42)),
        ("-42", .integer(-42)),
        ("9223372036854775807", .integer(9_223_372_036_854_775_807)),
        ("-9223372036854775808", .integer(-9_223_372_036_854_775_808)),
        ("9223372036854775808", .unsigned(9_223_372_036_854_775_808)),
        ("18446744073709551615", .unsigned(18_446_744_073_709_551_615)),
        ("18446744073709551616", .number("18446744073709551616")),
        ("-9223372036854775809", .number("-9223372036854775809")),
        ("123456789012345678901234567890", .number("123456789012345678901234567890")),
        ("1e400", .number("1e400")),
        ("-1.5e309", .number("-1.5e309")),
        ("1.5", .float(1.5)),
        ("-0.25", .float(-0.25)),
        ("0.1", .float(0.1)),
        ("0.30000000000000004", .float(0.30000000000000004)),
        ("3.141592653589793", .float(3.141592653589793)),
        ("1e300", .float(1e300)),
        ("1e+300", .float(1e300)),
        ("1E2", .float(100)),
        ("2.5e-3", .float(0.0025)),
        ("5e-324", .float(.leastNonzeroMagnitude)),
        ("4.9e-324", .float(.leastNonzeroMagnitude)),
        ("2.2250738585072014e-308", .float(2.2250738585072014e-308)),
        ("1.7976931348623157e308", .float(1.7976931348623157e308)),
        ("9007199254740993.0", .float(9_007_199_254_740_992)),
        ("0.000000000000000000000000000001", .float(1e-30)),
        ("1e-400", .float(0)),
        (#""""#, .string("")),
        (#""plain""#, .string("plain")),
        (" \t\r\n 7 \n", .integer(7)),
    ])
    func scalar(_ text: String, _ expected: JSONValue) throws {
        #expect(try reader.parse(text) == expected)
    }

    @Test func negativeZeroFloatKeepsItsSign() throws {
        guard case let .float(value) = try reader.parse("-0.0") else {
            Issue.record("not a float")
            return
        }
        #expect(value == 0 && value.sign == .minus)
    }

    @Test func floatsRoundTripExactly() throws {
        var random = RandomJSON(generator: SeededGenerator(seed: 7))
        for _ in 0..<20_000 {
            let number = random.randomDouble()
            let parsed = try reader.parse(number.description)
            #expect(parsed == .float(number), "\(number)")
        }
    }

    @Test(arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
        (#""\u0041\u00e9\u20AC""#, "Aé€"),
        (#""\u0000""#, "\u{0}"),
        (#""snow ☃ 😀""#, "snow ☃ 😀"),
        (#""a long prefix without escapes, then one: \n and more""#, "a long prefix without escapes, then one: \n and more"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\uD83D\uDE00""#, "😀"),
        (#""\udbff\udfff""#, "\u{10FFFF}"),
        (#""\ud83d""#, "\u{FFFD}"),
        (#""\ud83dx""#, "\u{FFFD}x"),
        (#""\ude00""#, "\u{FFFD}"),
        (#""\ud83d\u0041""#, "\u{FFFD}A"),
        (#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"),
        (#""\ud83d\n""#, "\u{FFFD}\n"),
    ])
    func string(_ text: String, _ expected: String) throws {
        #expect(try reader.parse(text) == .string(expected))
    }

    @Test func invalidUTF8IsRepaired() throws {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0xC3, 0x22]
        #expect(try reader.parse(bytes) == .string("a\u{FFFD}b\u{FFFD}"))
    }

    @Test func containersKeepOrderAndDuplicates() throws {
        let value = try reader.parse(#" { "b" : [ 1 , [ ] , { } ] , "a" : null , "b" : "again" } "#)
        let expected = JSONValue.object([
            ("b", .array([.integer(1), .array([]), .object([])])),
            ("a", .null),
            ("b", .string("again")),
        ])
        #expect(value == expected)
        #expect(value["a"] == .null)
        #expect(value["b"] == .array([.integer(1), .array([]), .object([])]))
    }

    @Test func nonFiniteNumbersWhenAllowed() throws {
        let python = JSONReader(allowNonFiniteNumbers: true)
        let body = #"{"points": [{"measurement": "m", "fields": {"a": NaN, "b": Infinity, "c": -Infinity, "d": -1.5}}]}"#
        let fields = try python.parse(body)["points"].flatMap { value -> JSONValue? in
            guard case let .array(points) = value else { return nil }
            return points.first?["fields"]
        }
        guard case let .float(a)? = fields?["a"] else {
            Issue.record("NaN not read: \(String(describing: fields))")
            return
        }
        #expect(a.isNaN)
        #expect(fields?["b"] == .float(.infinity))
        #expect(fields?["c"] == .float(-.infinity))
        #expect(fields?["d"] == .float(-1.5))
    }

    @Test(arguments: ["NaN", "Infinity", "-Infinity", "[NaN]", #"{"v":-Infinity}"#])
    func nonFiniteNumbersRejectedByDefault(_ text: String) {
        #expect(malformedReason { try reader.parse(text) } != nil)
    }

    @Test(arguments: ["nan", "inf", "-inf", "Nan", "Inf", "-Inf", "Infinit", "NaNa", "-I"])
    func nonFiniteMisspellingsRejectedEvenWhenAllowed(_ text: String) {
        #expect(malformedReason { try JSONReader(allowNonFiniteNumbers: true).parse(text) } != nil)
    }

    @Test func depthLimit() throws {
        let atLimit = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try reader.parse(atLimit) }

        let beyond = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let reason = malformedReason { try reader.parse(beyond) }
        #expect(reason == "nesting deeper than 512 at byte 512")

        let objects = String(repeating: #"{"a":"#, count: 4) + "1" + String(repeating: "}", count: 4)
        #expect(malformedReason { try JSONReader(maximumDepth: 3).parse(objects) } != nil)
        #expect(throws: Never.self) { try JSONReader(maximumDepth: 4).parse(objects) }
    }

    @Test func hostileNestingFailsWithoutCrashing() {
        let deep = String(repeating: "[", count: 1_000_000)
        #expect(malformedReason { try reader.parse(deep) } == "nesting deeper than 512 at byte 512")
        let unbounded = JSONReader(maximumDepth: .max)
        let moderate = String(repeating: "[{\"k\":", count: 2_000)
        #expect(malformedReason { try unbounded.parse(moderate) } != nil)
    }

    @Test(arguments: [
        ("", "unexpected end of input, expected a value at byte 0"),
        ("   ", "unexpected end of input, expected a value at byte 3"),
        ("[", "unexpected end of input, expected a value or ']' at byte 1"),
        ("[1,]", "unexpected ']', expected a value at byte 3"),
        ("[,1]", "unexpected ',', expected a value at byte 1"),
        ("[1 2]", "unexpected '2', expected ',' or ']' at byte 3"),
        (#"{"a"}"#, "unexpected '}', expected ':' at byte 4"),
        (#"{"a":}"#, "unexpected '}', expected a value at byte 5"),
        (#"{"a":1,}"#, "unexpected '}', expected a member name at byte 7"),
        ("{,}", "unexpected ',', expected a member name at byte 1"),
        ("{1:2}", "unexpected '1', expected a member name at byte 1"),
        ("01", "invalid number (leading zero) at byte 0"),
        ("-", "invalid number at byte 0"),
        ("-a", "invalid number at byte 0"),
        ("1.", "invalid number at byte 0"),
        ("1.e5", "invalid number at byte 0"),
        (".5", "unexpected '.', expected a value at byte 0"),
        ("1e", "invalid number at byte 0"),
        ("1e+", "invalid number at byte 0"),
        ("+1", "unexpected '+', expected a value at byte 0"),
        ("tru", "invalid literal, expected true at byte 0"),
        ("nul", "invalid literal, expected null at byte 0"),
        ("True", "unexpected 'T', expected a value at byte 0"),
        (#""abc"#, "unterminated string at byte 0"),
        (#""abc\"#, "unterminated string at byte 4"),
        (#""\x""#, "invalid escape in string at byte 1"),
        (#""\u12""#, "invalid \\u escape at byte 5"),
        (#""\u12"#, "unterminated string at byte 5"),
        (#""\u12G4""#, "invalid \\u escape at byte 5"),
        ("\"a\tb\"", "control character in string at byte 2"),
        ("\"a\nb\"", "control character in string at byte 2"),
        ("1 2", "trailing data after the json value at byte 2"),
        ("{} x", "trailing data after the json value at byte 3"),
        ("'a'", "unexpected ''', expected a value at byte 0"),
        ("\u{FEFF}{}", "unexpected byte 0xef, expected a value at byte 0"),
        ("[\u{0}]", "unexpected byte 0x0, expected a value at byte 1"),
    ])
    func malformed(_ text: String, _ reason: String) {
        #expect(malformedReason { try reader.parse(text) } == reason)
    }

    @Test func emptyBufferIsAnError() {
        #expect(malformedReason { try reader.parse(UnsafeRawBufferPointer(start: nil, count: 0)) } != nil)
        #expect(malformedReason { try reader.parse([UInt8]()) } != nil)
    }

    @Test func randomDocumentsRoundTrip() throws {
        var random = RandomJSON(generator: SeededGenerator(seed: 42))
        for _ in 0..<3_000 {
            let value = random.value(depth: 4)
            let text = random.serialise(value)
            let parsed = try reader.parse(text)
            #expect(parsed == value, "\(text)")
        }
    }
}

/// Inputs that must never crash or hang the reader: every truncation, byte flips, random bytes.
@Suite struct JSONReaderRobustnessTests {
    static let documents: [String] = [
        ServerFixtures.selectAll,
        ServerFixtures.escapedStrings,
        ServerFixtures.multiStatement,
        ServerFixtures.deprecationMessage,
        #"{"a":[1,-2.5e-3,true,false,null,"\ud83d\ude00\n",{"b":[]}],"c":18446744073709551615}"#,
    ].map { String($0.reversed().drop(while: \.isWhitespace).reversed()) }

    @Test(arguments: documents)
    func everyTruncationIsAnError(_ document: String) {
        let bytes = Array(document.utf8)
        #expect(malformedReason { try JSONReader().parse(bytes) } == nil)
        for length in 0..<bytes.count {
            let reason = malformedReason { try JSONReader().parse(Array(bytes[..<length])) }
            #expect(reason != nil, "prefix of \(length) bytes was accepted")
        }
    }

    @Test(arguments: documents)
    func byteFlipsNeverCrash(_ document: String) {
        let bytes = Array(document.utf8)
        let replacements: [UInt8] = [
            0x00, 0x0A, 0x20, 0x22, 0x2C, 0x2D, 0x30, 0x3A, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D, 0x75, 0x80, 0xFF,
        ]
        var failures = 0
        for position in bytes.indices {
            for replacement in replacements where replacement != bytes[position] {
                var mutated = bytes
                mutated[position] = replacement
                if malformedReason({ try JSONReader(allowNonFiniteNumbers: true, maximumDepth: 8).parse(mutated) }) != nil {
                    failures += 1
                }
            }
        }
        // Most single-byte corruptions of a document break it; the rest must parse cleanly.
        #expect(failures > bytes.count)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 2024)
        let alphabet = Array(#"{}[]",:0123456789-+.eE tfalsnuNIiy\/bx"#.utf8) + [0x00, 0x0A, 0xC3, 0xA9, 0xFF]
        var accepted = 0
        for _ in 0..<50_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let reader = JSONReader(allowNonFiniteNumbers: Bool.random(using: &generator), maximumDepth: 6)
            if malformedReason({ try reader.parse(bytes) }) == nil {
                accepted += 1
            }
        }
        // Some short random inputs are valid JSON (a digit, "[]"), most are not.
        #expect(accepted > 0 && accepted < 50_000)
    }
}
