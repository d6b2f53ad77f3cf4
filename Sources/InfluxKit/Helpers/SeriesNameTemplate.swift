/// A series name such as `events.stats.{server_name}`, whose `{name}` placeholders are filled
/// from a point's tags and fields (as Python's `str.format` with keyword arguments).
///
/// `{{` and `}}` stand for literal braces. Only plain names are supported between braces: no
/// format specifications (`{x:>5}`), conversions (`{x!r}`), positions (`{0}`) or attribute
/// access; those, an empty `{}` and an unmatched brace are refused when the template is parsed.
public struct SeriesNameTemplate: Sendable, Equatable {
    /// One piece of a template.
    enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// The template as written.
    public let text: String
    let segments: [Segment]

    /// The placeholder names, in order of first appearance.
    public var placeholders: [String] {
        var seen: Set<String> = []
        return segments.compactMap { segment in
            guard case let .placeholder(name) = segment, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// Parses `text`; throws `InfluxError.invalidArgument` for a malformed template.
    public init(_ text: String) throws {
        self.text = text
        var segments: [Segment] = []
        var literal = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == "}" {
                guard index < characters.count, characters[index] == "}" else {
                    throw InfluxError.invalidArgument("series name \"\(text)\" has a single }")
                }
                index += 1
                literal.append("}")
                continue
            }
            guard character == "{" else {
                literal.append(character)
                continue
            }
            if index < characters.count, characters[index] == "{" {
                index += 1
                literal.append("{")
                continue
            }
            guard let close = characters[index...].firstIndex(of: "}") else {
                throw InfluxError.invalidArgument("series name \"\(text)\" has an unclosed {")
            }
            let name = String(characters[index..<close])
            index = close + 1
            guard Self.isPlainName(name) else {
                throw InfluxError.invalidArgument(
                    "series name \"\(text)\": only {name} placeholders are supported, not {\(name)}")
            }
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
            segments.append(.placeholder(name))
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.segments = segments
    }

    /// The name with every placeholder replaced by `values[placeholder]`.
    ///
    /// Throws `InfluxError.invalidArgument` naming the first placeholder that has no value.
    public func render(_ values: (String) -> String?) throws -> String {
        var name = ""
        for segment in segments {
            switch segment {
            case let .literal(text):
                name += text
            case let .placeholder(placeholder):
                guard let value = values(placeholder) else {
                    throw InfluxError.invalidArgument("series name \"\(text)\" needs a value for \"\(placeholder)\"")
                }
                name += value
            }
        }
        return name
    }

    /// A name Python's `format` would look up as a keyword: not empty, not a number, without
    /// `:`, `!`, `.`, `[`, `]` or braces.
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.allSatisfy(\.isNumber)
            && !name.contains { ":!.[]{}".contains($0) }
    }
}
