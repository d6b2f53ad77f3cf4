import InfluxKit

/// A bind parameter given as `name=value` text (`influxkit query --param`).
///
/// The value takes the JSON type it reads as: `true`/`false` become booleans, whole numbers
/// that fit 64 bits integers, other decimal numbers (`1.5`, `-2e3`) floats, a JSON number no
/// 64-bit type holds (`99999999999999999999`) its text as written, and anything else a string. A value in double quotes is always a string, without its quotes (`--param 'v="42"'`).
public struct BindParameter: Sendable, Equatable {
    /// The name, referenced as `$name` in the statement.
    public var name: String
    /// The value.
    public var value: JSONValue

    /// Parses `name=value`; the name must not be empty.
    public init(parsing text: String) throws {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw InfluxError.invalidArgument("a parameter is name=value, not \(text)")
        }
        name = String(text[..<equals])
        value = Self.value(of: String(text[text.index(after: equals)...]))
    }

    /// The JSON value `text` reads as.
    static func value(of text: String) -> JSONValue {
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { return .string(String(text.dropFirst().dropLast())) }
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if let integer = Int64(text) { return .integer(integer) }
        let numeric = !text.isEmpty && text.allSatisfy { "0123456789+-.eE".contains($0) } && text.contains(where: \.isNumber)
        // A JSON number no 64-bit type holds is sent as written rather than rounded.
        if numeric, case let .number(written)? = try? JSONReader().parse(text) { return .number(written) }
        if numeric, let float = Double(text), float.isFinite { return .float(float) }
        return .string(text)
    }
}
