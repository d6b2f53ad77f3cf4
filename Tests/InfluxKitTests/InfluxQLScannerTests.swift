import InfluxKit
import Testing

/// What each character of InfluxQL text is part of, as influxd 1.6.7 reads it.
@Suite struct InfluxQLScannerTests {
    /// `text` cut into runs of one part each: code as it is, the others marked `q:` (quoted),
    /// `r:` (regular expression) and `#:` (comment). `pieces` are fed one after the other.
    static func runs(_ pieces: String...) -> [String] {
        var scanner = InfluxQLScanner()
        var runs: [(InfluxQLScanner.Part, String)] = []
        for piece in pieces {
            scanner.scan(piece) { _, character, part in
                if runs.last?.0 == part {
                    runs[runs.count - 1].1.append(character)
                } else {
                    runs.append((part, String(character)))
                }
            }
        }
        return runs.map { part, text in
            switch part {
            case .code: return text
            case .quoted: return "q:" + text
            case .regex: return "r:" + text
            case .comment: return "#:" + text
            }
        }
    }

    static let cases: [(String, [String])] = [
        ("SELECT 1", ["SELECT 1"]),
        ("-- c", ["#:-- c"]),
        ("a--1", ["a", "#:--1"]),
        ("a - -1", ["a - -1"]),
        ("-/* c */- 1", ["-", "#:/* c */", "- 1"]),
        ("SHOW DATABASES -- a\n; SHOW USERS", ["SHOW DATABASES ", "#:-- a", "\n; SHOW USERS"]),
        ("SHOW DATABASES /* x ; */", ["SHOW DATABASES ", "#:/* x ; */"]),
        ("/**/x", ["#:/**/", "x"]),
        ("/*/ x */y", ["#:/*/ x */", "y"]),
        ("/* a /* b */ c */", ["#:/* a /* b */", " c */"]),
        ("/* a\nb */ 1", ["#:/* a\nb */", " 1"]),
        (";", [";"]),
        ("'a--b' -- c", ["q:'a--b'", " ", "#:-- c"]),
        ("\"x/*y\"", ["q:\"x/*y\""]),
        (#"'it\'s -- no' x"#, [#"q:'it\'s -- no'"#, " x"]),
        (#""a\"b" ; 'c\\' ;"#, [#"q:"a\"b""#, " ; ", #"q:'c\\'"#, " ;"]),
        ("'a''b'", ["q:'a''b'"]),
        ("'a\nb'", ["q:'a\nb'"]),
        ("SHOW MEASUREMENTS WITH MEASUREMENT =~ /--x/", ["SHOW MEASUREMENTS WITH MEASUREMENT =~ ", "r:/--x/"]),
        (#"WHERE a =~ /a\/--b/ -- c"#, ["WHERE a =~ ", #"r:/a\/--b/"#, " ", "#:-- c"]),
        (#"WHERE a !~/a;b/"#, ["WHERE a !~", "r:/a;b/"]),
        // A backslash before `/` escapes it, even after another backslash (as the server reads it).
        (#"=~ /a\\/ ; x/ y"#, ["=~ ", #"r:/a\\/ ; x/"#, " y"]),
        ("=~ /a/--/", ["=~ ", "r:/a/", "#:--/"]),
        ("=~ /a/*x*/", ["=~ ", "r:/a/", "*x*/"]),
        // The server's parser takes a regular expression after FROM, SELECT, BY and commas, even `/*`.
        ("SELECT * FROM /a--b/", ["SELECT * FROM ", "r:/a--b/"]),
        ("select /v--/ from cpu, /x;y/", ["select ", "r:/v--/", " from cpu, ", "r:/x;y/"]),
        ("GROUP BY /x--/", ["GROUP BY ", "r:/x--/"]),
        ("FROM /* c */ cpu", ["FROM ", "r:/* c */", " cpu"]),
        ("FROM -- c\n /x/", ["FROM ", "#:-- c", "\n ", "r:/x/"]),
        // Elsewhere `/` divides.
        ("SELECT v / 2 /* c */", ["SELECT v / 2 ", "#:/* c */"]),
        ("SELECT \"from\" /2, count(v)/ 2, 3/4", ["SELECT ", "q:\"from\"", " /2, count(v)/ 2, 3/4"]),
        ("x = /* c */ 2", ["x = ", "#:/* c */", " 2"]),
        // A regular expression ends at a line end, a `--` comment too; quotes and `/*` go on.
        ("=~ /a\n-- b\n/c/", ["=~ ", "r:/a", "\n", "#:-- b", "\n/c/"]),
        ("SELECT 'a\n-- b'", ["SELECT ", "q:'a\n-- b'"]),
    ]

    @Test(arguments: cases)
    func partsOfText(text: String, expected: [String]) {
        #expect(Self.runs(text) == expected)
    }

    @Test func stateCarriesOverFromOneLineToTheNext() {
        #expect(Self.runs("SELECT 1 /* a", "\n", "b */ 1 -- c", "\n", "FROM 'x", "\n", "y' -- d")
            == ["SELECT 1 ", "#:/* a\nb */", " 1 ", "#:-- c", "\nFROM ", "q:'x\ny'", " ", "#:-- d"])
        #expect(Self.runs("SELECT a FROM", "\n", "/x--y/") == ["SELECT a FROM\n", "r:/x--y/"])
    }

    @Test func quotesAndBlockCommentsStayOpenPastALineEnd() {
        func scanner(after text: String) -> InfluxQLScanner {
            var scanner = InfluxQLScanner()
            scanner.scan(text) { _, _, _ in }
            return scanner
        }
        #expect(scanner(after: "SELECT 1 /* a").isOpen)
        #expect(scanner(after: "/*").isOpen)
        #expect(scanner(after: "/*/").isOpen)
        #expect(scanner(after: "SELECT 'a").isOpen && scanner(after: "SELECT 'a").isInString)
        #expect(scanner(after: "SELECT \"a\\\"").isInName)
        #expect(!scanner(after: "SELECT /**/").isOpen)
        #expect(!scanner(after: "SELECT 1 -- a").isOpen)
        #expect(!scanner(after: "WHERE a =~ /b").isOpen)
        #expect(!scanner(after: "SELECT 'a' \"b\"").isOpen)
    }
}
