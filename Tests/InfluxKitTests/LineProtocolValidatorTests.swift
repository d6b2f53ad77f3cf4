import Testing
@testable import InfluxKit

/// Every verdict below was recorded from influxd 1.6.7 (default settings) by writing the line
/// over HTTP: lines it answered with 204 are valid, the others carry the reason we report (the
/// server's own words where they are clear).
@Suite struct LineProtocolValidatorTests {
    let validator = LineProtocolValidator()

    @Test(arguments: [
        "m f=1", "m f=-1", "m f=1i", "m f=-0i", "m f=00012i", "m f=1e5", "m f=1E5", "m f=1e+20", "m f=1e-5",
        "m f=5e-324", "m f=1.7976931348623157e+308", "m f=.5", "m f=5.", "m f=-.5", "m f=1.e5", "m f=1e05",
        "m f=0e0", "m f=1e-400", "m f=123456789012345678901234567890", "m f=0.0000000000000000000000000001",
        "m f=9223372036854775807i", "m f=-9223372036854775808i", "m f=0000000000000000000000001i",
        "m f=t", "m f=T", "m f=true", "m f=True", "m f=TRUE", "m f=f", "m f=F", "m f=false", "m f=False", "m f=FALSE",
        "m f=\"\"", "m f=\"a\\\"b\"", "m f=\"a\\\\\"", "m f=\"a\nb\"", "m f=\"a\r\nb\"", "m f=\"a,b=c d\"",
        "m f=\"abc\"x", "m f=\"a\"\"b\"",
        "m f=1 2", "m f=1  2", "m f=1 2 ", "m f=1   100", "m  f=1", " m f=1", "\tm f=1", "\0m f=1",
        "m f=1i 9223372036854775806", "m f=1i -9223372036854775806", "m f=1i -0", "m f=1i 00100",
        "m,t=a f=1", "m,b=1,a=2 f=1", "m,t==a f=1", "m,t=a\tb f=1", "m,t=a\\ b f=1", "m,t=a\\\\ x f=1",
        "m\\ x,t\\ k=v\\ 1,t2=v\\,2,t3\\=k=v\\=3 f\\ k=1,f\\,k=2,f\\=k=3", "m\\=x f=1", "m=x f=1", "m\"q f=1",
        "m\\a f=1", "time f=1", "m \"f\"=1", "m \"f=1", "m f\\\"=1", "m a\\\\\\,b=1",
        "m f=1,time=2", "m f=1,f=2", "m f=1i,f=2i", "m f=t,f=F", "m,a=1 f=1,f=2", "m,t=\u{FF}x f=1",
        "m é=1,ü=2i", "m,é=ü f=\"ï\"",
    ])
    func acceptsWhatTheServerStores(line: String) {
        #expect(validator.problem(in: line) == nil)
    }

    @Test(arguments: [
        ("m", "missing fields"), ("m,t=a", "missing fields"), ("m\tf=1", "missing fields"), ("m\\ f=1", "missing fields"),
        ("m ", "invalid field format"), ("m,t=a ", "invalid field format"),
        (",t=v f=1", "missing measurement"),
        ("m,=v f=1", "missing tag key"), ("m, f=1", "missing tag key"), ("m,t=v,  f=1", "missing tag key"),
        ("m,t=a,,u=b f=1", "missing tag key"),
        ("m,t= f=1", "missing tag value"), ("m,t f=1", "missing tag value"), ("m,t\\\\=a f=1", "missing tag value"),
        ("m,t=a=b f=1", "invalid tag format"), ("m,t=a= f=1", "invalid tag format"),
        ("m,t=1,t=2 f=1", "duplicate tags"), ("m,t=1,u=2,t=3 f=1", "duplicate tags"), ("m,b=1,a=2,b=3 f=1", "duplicate tags"),
        ("m f=1,", "invalid field format"), ("m f=1,,g=2", "invalid field format"), ("m ,f=1", "invalid field format"),
        ("m f", "invalid field format"), ("m f=1,g", "invalid field format"), ("m f\\=1", "invalid field format"),
        ("m f=", "missing field value"), ("m f=,g=1", "missing field value"),
        ("m =1", "missing field key"), ("m ==1", "missing field key"), ("m f=1,=2", "missing field key"),
        ("m f=1.2.3", "invalid number"), ("m f=1i2", "invalid number"), ("m f=-", "invalid number"),
        ("m f=-i", "invalid number"), ("m f=.", "invalid number"), ("m f=-.", "invalid number"),
        ("m f=1.5i", "invalid number"), ("m f=1e5i", "invalid number"), ("m f=0x10", "invalid number"),
        ("m f=1_000", "invalid number"), ("m f=NaN", "invalid number"), ("m f=nan", "invalid number"),
        ("m f=-Inf", "invalid number"), ("m f=1ii", "invalid number"), ("m f=1iu", "invalid number"),
        ("m f=1.0e5.0", "invalid number"), ("m f=1-2", "invalid number"), ("m f=1+2", "invalid number"),
        ("m f=--1", "invalid number"), ("m f=1a", "invalid number"), ("m f=n", "invalid number"),
        ("m f=N", "invalid number"), ("m f=1e+-5", "invalid number"), ("m f=1e5+", "invalid number"),
        ("m f=1ei", "invalid number"), ("m f=1=2", "invalid number"), ("m f=1\r", "invalid number"),
        ("m f=1\t", "invalid number"), ("m f=1\\", "invalid number"),
        ("m f=1u", "invalid number: unsigned integers are not supported"),
        ("m f=-1u", "invalid number: unsigned integers are not supported"),
        ("m f=1e309", "invalid float"), ("m f=1e", "invalid float"), ("m f=1e+", "invalid float"),
        ("m f=1e5e5", "invalid float"), ("m f=.e5", "invalid float"), ("m f=-.e1", "invalid float"),
        ("m f=1.7976931348623159e308", "invalid float"),
        ("m f=9223372036854775808i", "integer out of range"), ("m f=-9223372036854775809i", "integer out of range"),
        ("m f=+1", "invalid boolean"), ("m f=i", "invalid boolean"), ("m f=e5", "invalid boolean"),
        ("m f=Inf", "invalid boolean"), ("m f=inf", "invalid boolean"), ("m f=tRUE", "invalid boolean"),
        ("m f=tru", "invalid boolean"), ("m f=yes", "invalid boolean"), ("m f=truex", "invalid boolean"),
        ("m f==1", "invalid boolean"),
        ("m f=\"a\"b\"", "unbalanced quotes"), ("m f=\"unclosed 5", "unbalanced quotes"), ("m f=\"\n", "unbalanced quotes"),
        ("m f=1 +2", "bad timestamp"), ("m f=1 2.0", "bad timestamp"), ("m f=1 2i", "bad timestamp"),
        ("m f=1 -", "bad timestamp"), ("m f=1 --2", "bad timestamp"), ("m f=1 abc", "bad timestamp"),
        ("m f=1 100\r", "bad timestamp"), ("m f=1 100\t", "bad timestamp"), ("m f=1 #c", "bad timestamp"),
        ("m f=\"a\" g=1", "bad timestamp"),
        ("m f=1 2 3", "unexpected text after the timestamp"), ("m f=\"x\" 1 2", "unexpected text after the timestamp"),
        ("m f=1i 9223372036854775807", "time outside range"), ("m f=1i -9223372036854775807", "time outside range"),
        ("m f=1i 9223372036854775808", "time outside range"),
        ("m v\\\\=1i", "invalid field key ending in a backslash"),
        ("m v=1i,w\\\\=1i", "invalid field key ending in a backslash"),
        ("m time=1", "invalid field name \"time\""), ("m time=1,time=2", "invalid field name \"time\""),
        ("m,time=a f=1", "invalid tag key \"time\""),
        ("m f=1,g=2i,f=3i", "field type conflict"), ("m f=1i,f=2.0", "field type conflict"),
        ("m f\\ =1,f\\ =2i", "field type conflict"), ("m f\\\"=1,f\"=2i", "field type conflict"),
    ])
    func refusesWhatTheServerRefuses(line: String, reason: String) {
        #expect(validator.problem(in: line) == reason)
    }

    /// The server answers 500 to these and keeps a broken schema entry.
    @Test(arguments: [
        ([0x6D, 0xFF, 0x20, 0x66, 0x3D, 0x31] as [UInt8], "invalid utf-8 in measurement"),
        ([0x6D, 0xC0, 0x80, 0x20, 0x66, 0x3D, 0x31], "invalid utf-8 in measurement"),
        ([0x6D, 0x20, 0x66, 0xFF, 0x3D, 0x31], "invalid utf-8 in field key"),
        ([0x6D, 0x20, 0x66, 0xED, 0xA0, 0x80, 0x3D, 0x31], "invalid utf-8 in field key"),
    ])
    func refusesInvalidUTF8InNamesTheServerCannotStore(line: [UInt8], reason: String) {
        #expect(validator.problem(in: line) == reason)
    }

    @Test func acceptsInvalidUTF8InTagsAndStringsAsTheServerDoes() {
        #expect(validator.problem(in: [0x6D, 0x2C, 0x74, 0x3D, 0xFF, 0x20, 0x66, 0x3D, 0x31] as [UInt8]) == nil)
        #expect(validator.problem(in: [0x6D, 0x20, 0x66, 0x3D, 0x22, 0xFF, 0x22] as [UInt8]) == nil)
    }

    /// The server answers 204 to these but stores data that cannot be read back.
    @Test(arguments: [
        ("m v\\\\=1i,w=2", "invalid field key ending in a backslash"),
        ("m\\\\=x f=1", "measurement with a backslash before an escaped character cannot be read back"),
        ("m\\\\\"x f=1", "measurement with a backslash before an escaped character cannot be read back"),
        ("m\\\\,t=a f=1", "measurement with a backslash before an escaped character cannot be read back"),
        ("m\\\\ x f=1", "measurement with a backslash before an escaped character cannot be read back"),
        ("m\\\\\\,x f=1", "measurement with a backslash before an escaped character cannot be read back"),
    ])
    func refusesLinesTheServerWouldStoreUnreadably(line: String, reason: String) {
        #expect(validator.problem(in: line) == reason)
    }

    /// Edges recorded from the server for each precision.
    @Test(arguments: [
        (Precision.seconds, "9223372036", true), (.seconds, "9223372037", false),
        (.seconds, "-9223372036", true), (.seconds, "-9223372037", false),
        (.minutes, "153722867", true), (.minutes, "153722868", false), (.minutes, "-153722868", false),
        (.hours, "2562047", true), (.hours, "2562048", false), (.hours, "-2562047", true), (.hours, "-2562048", false),
        (.milliseconds, "9223372036854", true), (.milliseconds, "9223372036855", false),
        (.microseconds, "-9223372036854775", true), (.microseconds, "-9223372036854776", false),
        (.nanoseconds, "9223372036854775806", true), (.nanoseconds, "9223372036854775807", false),
    ])
    func checksTheTimeRangeForThePrecision(precision: Precision, time: String, valid: Bool) {
        let problem = LineProtocolValidator(precision: precision).problem(in: "m f=1 \(time)")
        #expect(problem == (valid ? nil : "time outside range"))
    }

    /// Checked against influxd 1.6.7: the key may be 65535 bytes, and so may key + 4 + field key.
    @Test func checksTheSeriesKeyLength() {
        let key = "m,t=" + String(repeating: "v", count: 65_521)  // 65525 bytes
        #expect(validator.problem(in: key + " ffffff=1") == nil)
        #expect(validator.problem(in: key + " fffffff=1") == "max key length exceeded: 65536 > 65535")
        #expect(validator.problem(in: key + " \\ \\ \\ =1") == nil)
        #expect(validator.problem(in: key + " \\ \\ \\ a=1") == "max key length exceeded: 65536 > 65535")
        let tooLong = String(repeating: "a", count: 65_536)
        #expect(validator.problem(in: tooLong + " f=1") == "max key length exceeded: 65536 > 65535")
        #expect(validator.problem(in: String(tooLong.dropFirst()) + " f=1") == "max key length exceeded: 65540 > 65535")
    }

    /// The field keys (as written) and types influxd 1.6.7 stored for each line (`SHOW FIELD
    /// KEYS`, in line order). The first lines are cut differently by the server's two parsers;
    /// the fields are those of the second, which the field signature must describe.
    @Test(arguments: [
        ("m f=\"a\"\\,g,h=1", [("f", "s"), ("g,h", "f")]),
        ("m f=\"a\"\\ g,h=1", [("f", "s"), ("h", "f")]),
        ("m f=\"a\"=\"b\",,g=1", [("f", "s"), (",g", "f")]),
        ("m f=\"x\"\\\\,=1", [("f", "s"), ("", "f")]),
        ("m f=\"a\"\\\\,g=1", [("f", "s"), ("g", "f")]),
        ("m f=\"a\"\\\",g=1", [("f", "s"), ("g", "f")]),
        ("m a=1i,b=t,c=\"x,y=z\",d=1.5,e=-2", [("a", "i"), ("b", "b"), ("c", "s"), ("d", "f"), ("e", "f")]),
        ("m f\\ k=1,f\\,k=2i,f\\=k=F", [("f\\ k", "f"), ("f\\,k", "i"), ("f\\=k", "b")]),
    ] as [(String, [(String, Character)])])
    func signsTheFieldsTheServerStores(line: String, fields: [(String, Character)]) throws {
        let (problem, parts) = line.utf8.withContiguousStorageIfAvailable { validator.examine(UnsafeRawBufferPointer($0)) }!
        #expect(problem == nil)
        #expect(parts?.fieldSignature == Self.signature(of: fields))
    }

    /// More fields than the validator notes on the stack.
    @Test(arguments: [41, 42, 43, 100])
    func signsManyFields(count: Int) throws {
        let line = "m " + (0..<count).map { "f\($0)=\($0)i" }.joined(separator: ",")
        let (problem, parts) = line.utf8.withContiguousStorageIfAvailable { validator.examine(UnsafeRawBufferPointer($0)) }!
        #expect(problem == nil)
        #expect(parts?.fieldSignature == Self.signature(of: (0..<count).map { ("f\($0)", "i") }))
        #expect(parts?.fieldSignature != Self.signature(of: (0..<count).map { ("f\($0)", "f") }))
    }

    /// FNV-1a over each key's bytes, then its type plus 256 (see `LineProtocolValidator.Parts`).
    static func signature(of fields: [(String, Character)]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for (key, type) in fields {
            for byte in key.utf8 {
                value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            value = (value ^ (0x100 | UInt64(type.asciiValue!))) &* 0x100_0000_01b3
        }
        return value
    }

    @Test func acceptsEverythingTheEncoderWrites() throws {
        var encoder = LineProtocolEncoder()
        let names = ["a", "a b", "a,b", "a=b", "a\"b", "a\\b", "é", "#x", "x#", "\\\\a", " lead"]
        for name in names {
            try? encoder.append(Point(measurement: name, tags: [name: name], fields: [name: .string(name)], time: .epoch(1, .seconds)))
            try? encoder.append(Point(measurement: "m", tags: ["t": name], fields: ["f": .float(-1.5e-7), "g": .integer(-3)]))
        }
        #expect(encoder.pointCount > 15)
        let lines = encoder.bytes.split(separator: 10)
        #expect(lines.count == encoder.pointCount)
        for line in lines {
            #expect(validator.problem(in: line) == nil, "\(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test func validateThrowsTheLineNumber() throws {
        let bytes = Array("m f=".utf8)
        #expect(throws: InfluxError.invalidLine(line: 7, reason: "missing field value")) {
            try bytes.withUnsafeBytes { try validator.validate($0, lineNumber: 7) }
        }
        try Array("m f=1".utf8).withUnsafeBytes { try validator.validate($0, lineNumber: 1) }
    }

    /// Lines with many fields or tags: beyond a few dozen, duplicates and type conflicts are found
    /// by sorting (a line of 60,000 fields took minutes pair by pair); the verdicts stay those of
    /// the pairwise check, which handles the short lines above.
    @Test(arguments: [8, 200, 60000])
    func findsConflictsAndDuplicatesAmongManyFieldsAndTags(count: Int) {
        let fields = (0..<count).map { "f\($0)=\($0)i" }
        #expect(validator.problem(in: "m " + fields.joined(separator: ",")) == nil)
        #expect(validator.problem(in: "m " + fields.joined(separator: ",") + ",f3=\"x\"") == "field type conflict")
        #expect(validator.problem(in: "m f\\ 0=1," + fields.joined(separator: ",") + ",f\\ 0=2") == nil)
        #expect(validator.problem(in: "m f\\ 0=1," + fields.joined(separator: ",") + ",f\\ 0=t") == "field type conflict")
        // The first field of a conflict is met before a later bad key, as pair by pair.
        let badKeyAfter = Array("m \(fields.joined(separator: ",")),".utf8) + [0xFF] + Array("=1,f0=t".utf8)
        #expect(validator.problem(in: badKeyAfter) == "field type conflict")
        let badKeyBefore = Array("m ".utf8) + [0xFF] + Array("=1,\(fields.joined(separator: ",")),f0=t".utf8)
        #expect(validator.problem(in: badKeyBefore) == "invalid utf-8 in field key")

        let tags = (0..<min(count, 5000)).map { "t\($0)=v" }
        #expect(validator.problem(in: "m," + tags.joined(separator: ",") + " f=1") == nil)
        #expect(validator.problem(in: "m," + tags.joined(separator: ",") + ",t1=w f=1") == "duplicate tags")
    }
}
