@testable import InfluxKit

/// Random JSON values and a plain serialiser for them, used to check the reader by round trip.
/// The serialiser is written independently of the reader: escapes are chosen at random so the
/// reader sees every form of the same text.
struct RandomJSON {
    var generator: SeededGenerator

    /// A random value nested at most `depth` levels.
    mutating func value(depth: Int) -> JSONValue {
        let kind = Int.random(in: 0..<(depth > 0 ? 9 : 7), using: &generator)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2:
            let shift = Int64.random(in: 0...63, using: &generator)
            return .integer(Int64.random(in: .min ... .max, using: &generator) >> shift)
        case 3: return .unsigned(UInt64.random(in: UInt64(Int64.max) + 1 ... .max, using: &generator))
        case 4: return .float(randomDouble())
        case 5, 6: return .string(string())
        case 7:
            return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in value(depth: depth - 1) })
        default:
            return .object((0..<Int.random(in: 0...4, using: &generator)).map { _ in (string(), value(depth: depth - 1)) })
        }
    }

    /// A finite double; its shortest form (`description`) always has a fraction or exponent.
    mutating func randomDouble() -> Double {
        while true {
            let bits = UInt64.random(in: 0 ... .max, using: &generator)
            let candidate: Double
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: candidate = Double(bitPattern: bits)
            case 1: candidate = Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 1000
            default: candidate = Double.random(in: -1...1, using: &generator)
            }
            if candidate.isFinite { return candidate }
        }
    }

    /// A random string mixing ASCII, controls, quotes, backslashes and non-ASCII scalars.
    mutating func string() -> String {
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}",
                                      "é", "€", "\u{2028}", "😀", "\u{10FFFF}", "\u{FFFD}"]
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
            text.unicodeScalars.append(pool.randomElement(using: &generator)!)
        }
        return text
    }

    /// JSON text for `value`, with random whitespace and escape choices.
    mutating func serialise(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case let .bool(flag): return flag ? "true" : "false"
        case let .integer(number): return String(number)
        case let .unsigned(number): return String(number)
        case let .float(number): return number.description
        case let .number(text): return text
        case let .string(text): return quote(text)
        case let .array(elements):
            return "[" + elements.map { space() + serialise($0) + space() }.joined(separator: ",") + "]"
        case let .object(members):
            let parts = members.map { space() + quote($0.key) + space() + ":" + space() + serialise($0.value) + space() }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }

    private mutating func space() -> String {
        ["", "", " ", "\n", "\t ", "\r\n"].randomElement(using: &generator)!
    }

    private mutating func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            let forceEscape = Int.random(in: 0..<4, using: &generator) == 0
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += forceEscape ? "\\u000A" : "\\n"
            case "\t": out += "\\t"
            case "/": out += forceEscape ? "\\/" : "/"
            default:
                if scalar.value < 0x20 || forceEscape {
                    out += escapeUTF16(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private func escapeUTF16(_ scalar: Unicode.Scalar) -> String {
        Character(scalar).utf16.map { unit in
            let hex = String(unit, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
    }
}
