import Testing
import InfluxKit

@Suite struct InfluxQLQuotingTests {
    static let identifiers: [(String, String)] = [
        ("cpu", #""cpu""#),
        (#"a"b"#, #""a\"b""#),
        ("a'b", #""a'b""#),
        (#"a\b"#, #""a\\b""#),
        (#"\""#, #""\\\"""#),
        ("a b", #""a b""#),
        ("a\nb", #""a\nb""#),
        ("ünï ☃ 😀", #""ünï ☃ 😀""#),
        (#"x"; DROP DATABASE "victim"#, #""x\"; DROP DATABASE \"victim""#),
        ("\"\u{301}", "\"\\\"\u{301}\""),
        ("", #""""#),
    ]

    @Test(arguments: identifiers)
    func identifiersAreDoubleQuotedWithEscapes(name: String, quoted: String) {
        #expect(InfluxQL.quoteIdentifier(name) == quoted)
    }

    static let literals: [(String, String)] = [
        ("pw", "'pw'"),
        ("it's", #"'it\'s'"#),
        (#"a"b"#, #"'a"b'"#),
        (#"a\b"#, #"'a\\b'"#),
        (#"\'"#, #"'\\\''"#),
        ("a\nb", #"'a\nb'"#),
        ("x'; DROP DATABASE 'victim", #"'x\'; DROP DATABASE \'victim'"#),
        ("'\u{301}", "'\\'\u{301}'"),
    ]

    @Test(arguments: literals)
    func literalsAreSingleQuotedWithEscapes(text: String, quoted: String) {
        #expect(InfluxQL.quoteLiteral(text) == quoted)
    }

    /// Reads a quoted token the way influxd's scanner does and returns the text and whatever
    /// follows the closing quote; `nil` when the scanner would fail.
    static func scan(_ input: String) -> (text: String, rest: String)? {
        var scalars = input.unicodeScalars.makeIterator()
        guard let quote = scalars.next() else { return nil }
        var text = String.UnicodeScalarView()
        while let scalar = scalars.next() {
            switch scalar {
            case quote:
                var rest = String.UnicodeScalarView()
                while let scalar = scalars.next() { rest.append(scalar) }
                return (String(text), String(rest))
            case "\n":
                return nil
            case "\\":
                switch scalars.next() {
                case "n": text.append("\n")
                case "\\": text.append("\\")
                case "\"": text.append("\"")
                case "'": text.append("'")
                default: return nil
                }
            default:
                text.append(scalar)
            }
        }
        return nil
    }

    @Test func randomNamesReadBackExactlyAndEndTheToken() {
        let alphabet: [Unicode.Scalar] = ["a", " ", "\"", "'", "\\", "\n", ";", "é", "\u{301}", "☃", "n", "\r", "\t"]
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2000 {
            let length = Int.random(in: 0...12, using: &generator)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length { scalars.append(alphabet.randomElement(using: &generator)!) }
            let name = String(scalars)
            for quoted in [InfluxQL.quoteIdentifier(name), InfluxQL.quoteLiteral(name)] {
                let scanned = Self.scan(quoted)
                #expect(scanned?.text == name, "\(quoted.debugDescription)")
                #expect(scanned?.rest == "", "\(quoted.debugDescription)")
            }
        }
    }
}
