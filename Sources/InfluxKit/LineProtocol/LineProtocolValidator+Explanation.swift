extension LineProtocolValidator {
    /// `problem` (influxd's own words, such as `invalid boolean`) followed by what it means for
    /// `line`: which field, and how to write it. Problems without more to say come back as they are.
    public static func explained(_ problem: String, in line: some Collection<UInt8>) -> String {
        // Worked out only for the problems that name a field (a runaway line can be long).
        var fields: [(key: String, value: String)] { fieldPairs(of: String(decoding: line, as: UTF8.self)) }
        switch problem {
        case "invalid boolean":
            let fields = fields
            guard let (key, value) = fields.first(where: { !isBooleanOrNumberStart($0.value) }) ?? fields.first else { break }
            return "invalid boolean: field \"\(key)\" is \(value), which is not a number or true/false; "
                + "a string value needs double quotes: \(key)=\"\(value)\""
        case "invalid number":
            guard let (key, value) = fields.first(where: { isBooleanOrNumberStart($0.value) && !$0.value.hasPrefix("\"") && Double($0.value.trimmingSuffix) == nil }) else { break }
            return "invalid number: field \"\(key)\" is \(value) (integers end in i, as 12i; a string needs double quotes)"
        case "missing fields":
            return "missing fields: the line has no field=value after the measurement and tags "
                + "(a space inside a name or tag needs a backslash: my\\ host)"
        case "missing field value":
            guard let key = fields.first(where: { $0.value.isEmpty })?.key else { break }
            return "missing field value: nothing after \(key)="
        case "bad timestamp":
            return "bad timestamp: the text after the fields is not an integer time "
                + "(a space inside a string value needs double quotes, inside a name a backslash)"
        case "unbalanced quotes":
            return "unbalanced quotes: a string value has no closing double quote"
        default:
            break
        }
        return problem
    }

    /// The `key=value` pairs of the field set of `line`: after the first unescaped space, split
    /// at unescaped commas outside double quotes (a rough reading, for messages only).
    private static func fieldPairs(of line: String) -> [(key: String, value: String)] {
        var parts: [String] = [], current = "", escaped = false, quoted = false, inFields = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\":
                escaped = true
                current.append(character)
            case "\"" where inFields:
                quoted.toggle()
                current.append(character)
            case " " where !quoted:
                if inFields { parts.append(current); return pairs(parts) }
                inFields = true
                current = ""
            case "," where inFields && !quoted:
                parts.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        if inFields { parts.append(current) }
        return pairs(parts)
    }

    private static func pairs(_ parts: [String]) -> [(key: String, value: String)] {
        parts.compactMap { part in
            guard let equals = part.firstIndex(of: "=") else { return nil }
            return (String(part[..<equals]), String(part[part.index(after: equals)...]))
        }
    }

    /// Whether `value` starts as a number would (the server reads it as one) or is a boolean word.
    private static func isBooleanOrNumberStart(_ value: String) -> Bool {
        guard let first = value.first else { return false }
        return first.isNumber || first == "-" || first == "+" || first == "." || first == "\""
            || ["t", "T", "true", "True", "TRUE", "f", "F", "false", "False", "FALSE"].contains(value)
    }
}

private extension String {
    /// The text without an integer's `i` or `u` suffix.
    var trimmingSuffix: String {
        hasSuffix("i") || hasSuffix("u") ? String(dropLast()) : self
    }
}
