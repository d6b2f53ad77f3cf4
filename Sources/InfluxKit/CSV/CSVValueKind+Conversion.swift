extension CSVValueKind {
    /// The field value of `text`; the error says why it is not one, in a few words.
    func value(of text: String) throws(CSVProblem) -> FieldValue {
        switch self {
        case .inferred, .string:
            return .string(text)
        case let .float(format):
            guard let number = Self.float(text, format: format) else { throw CSVProblem("\"\(text)\" is not a number") }
            return .float(number)
        case let .integer(format):
            guard let number = Int64(Self.integerPart(text, format: format)) else {
                throw CSVProblem("\"\(text)\" is not an integer")
            }
            return .integer(number)
        case let .unsigned(format):
            guard let number = UInt64(Self.integerPart(text, format: format)) else {
                throw CSVProblem("\"\(text)\" is not an unsigned integer")
            }
            return .unsigned(number)
        case let .boolean(truthy, falsy):
            return .boolean(try Self.boolean(text, truthy: truthy, falsy: falsy))
        case .lineProtocol:
            return try Self.lineProtocolValue(text)
        case .duration:
            guard let nanoseconds = Self.duration(text) else { throw CSVProblem("\"\(text)\" is not a duration") }
            return .integer(nanoseconds)
        }
    }

    /// A decimal number (no `nan`, `inf` or hexadecimal); `format`'s first character is the
    /// decimal separator and its others are dropped (`,.` reads `1.234,5` as 1234.5).
    static func float(_ text: String, format: String) -> Double? {
        var text = text
        if let separator = format.first {
            text = String(text.filter { !format.dropFirst().contains($0) }.map { $0 == separator ? "." : $0 })
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ isDecimal($0) }), text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else {
            return nil
        }
        return Double(text)
    }

    /// `text` without the characters `format` drops and without a fraction.
    private static func integerPart(_ text: String, format: String) -> String {
        guard let separator = format.first else { return text }
        let kept = text.filter { !format.dropFirst().contains($0) }
        return String(kept.prefix { $0 != separator })
    }

    private static func isDecimal(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private static func boolean(_ text: String, truthy: [String], falsy: [String]) throws(CSVProblem) -> Bool {
        if truthy.isEmpty && falsy.isEmpty {
            switch text.lowercased() {
            case "true", "t", "yes", "y", "1": return true
            case "false", "f", "no", "n", "0": return false
            default: throw CSVProblem("\"\(text)\" is not a boolean (true or false)")
            }
        }
        // As csv2lp: an empty list takes every value the other list does not name.
        if truthy.contains(text) || (truthy.isEmpty && !falsy.contains(text)) { return true }
        if falsy.contains(text) || falsy.isEmpty { return false }
        throw CSVProblem("\"\(text)\" is not a boolean (\((truthy + falsy).joined(separator: ", ")))")
    }

    /// A value as line protocol writes it: `"text"`, `12i`, `12u`, a boolean word, or a float.
    private static func lineProtocolValue(_ text: String) throws(CSVProblem) -> FieldValue {
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
            var unescaped = "", escaping = false
            for character in text.dropFirst().dropLast() {
                if escaping || character != "\\" {
                    unescaped.append(character)
                    escaping = false
                } else {
                    escaping = true
                }
            }
            return .string(unescaped)
        }
        switch text {
        case "t", "T", "true", "True", "TRUE": return .boolean(true)
        case "f", "F", "false", "False", "FALSE": return .boolean(false)
        default: break
        }
        if text.hasSuffix("i"), let number = Int64(text.dropLast()) { return .integer(number) }
        if text.hasSuffix("u"), let number = UInt64(text.dropLast()) { return .unsigned(number) }
        if let number = float(text, format: "") { return .float(number) }
        throw CSVProblem("\"\(text)\" is not a line-protocol value (a string needs double quotes)")
    }

    /// Nanoseconds of a Go duration such as `1h30m`, `1.5s` or `-15ms`.
    static func duration(_ text: String) -> Int64? {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        if rest == "0" { return 0 }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { !($0.isNumber || $0 == ".") }
            rest = rest.dropFirst(unit.count)
            let scale: Double
            switch unit {
            case "ns": scale = 1
            case "us", "µs", "μs": scale = 1e3
            case "ms": scale = 1e6
            case "s": scale = 1e9
            case "m": scale = 60e9
            case "h": scale = 3600e9
            default: return nil
            }
            guard let value = Double(number) else { return nil }
            total += value * scale
        }
        guard total < 9.2e18 else { return nil }
        return Int64((negative ? -total : total).rounded())
    }
}

/// Why a CSV row or cell cannot be a point: one short lower-case line.
struct CSVProblem: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
