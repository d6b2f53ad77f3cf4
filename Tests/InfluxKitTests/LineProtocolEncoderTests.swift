import Testing
@testable import InfluxKit

@Suite struct LineProtocolEncoderTests {
    private func line(_ point: Point, precision: Precision = .nanoseconds, globalTags: [String: String] = [:]) throws -> String {
        var encoder = LineProtocolEncoder(precision: precision)
        try encoder.append(point, globalTags: globalTags)
        return String(decoding: encoder.bytes, as: UTF8.self)
    }

    @Test func encodesAPointWithEveryFieldType() throws {
        let point = Point(
            measurement: "cpu",
            tags: ["region": "eu", "host": "a"],
            fields: ["value": .float(1.5), "count": .integer(-3), "big": .unsigned(18_446_744_073_709_551_615),
                     "ok": .boolean(true), "bad": .boolean(false), "msg": .string("hi")],
            time: .epoch(1000, .nanoseconds))
        #expect(try line(point) == "cpu,host=a,region=eu bad=false,big=18446744073709551615u,count=-3i,msg=\"hi\",ok=true,value=1.5 1000\n")
    }

    @Test func leavesTheTimeOutWhenThereIsNone() throws {
        #expect(try line(Point(measurement: "m", fields: ["f": .integer(1)])) == "m f=1i\n")
    }

    @Test(arguments: [
        ("a b,c=d\"e", "a\\ b\\,c=d\"e"),
        ("a\\b", "a\\b"),
        ("é ü", "é\\ ü"),
        (" lead", "\\ lead"),
        ("time", "time"),
        ("a#", "a#"),
    ])
    func escapesMeasurements(name: String, escaped: String) throws {
        #expect(try line(Point(measurement: name, fields: ["f": .integer(1)])) == "\(escaped) f=1i\n")
    }

    @Test(arguments: [
        ("k ,=\"", "k\\ \\,\\=\""),
        ("a\\,b", "a\\\\,b"),
        ("a\\=b", "a\\\\=b"),
        ("a\\ b", "a\\\\ b"),
        ("\\a", "\\a"),
        ("#x", "#x"),
        ("\tx", "\tx"),
    ])
    func escapesTagKeysAndValues(name: String, escaped: String) throws {
        let keyed = try line(Point(measurement: "m", tags: [name: "v"], fields: ["f": .integer(1)]))
        #expect(keyed == "m,\(escaped)=v f=1i\n")
        let valued = try line(Point(measurement: "m", tags: ["t": name], fields: ["f": .integer(1)]))
        #expect(valued == "m,t=\(escaped) f=1i\n")
    }

    @Test(arguments: [
        ("f ,=", "f\\ \\,\\="),
        ("\"quoted\"", "\"quoted\""),
        ("a\\b", "a\\b"),
        ("\\\\b", "\\\\b"),
    ])
    func escapesFieldKeys(name: String, escaped: String) throws {
        #expect(try line(Point(measurement: "m", fields: [name: .integer(1)])) == "m \(escaped)=1i\n")
    }

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("C:\\dir\\", "\"C:\\\\dir\\\\\""),
        ("two\nlines\r\n", "\"two\nlines\r\n\""),
        ("", "\"\""),
        ("a,b=c d", "\"a,b=c d\""),
    ])
    func escapesStringValues(text: String, encoded: String) throws {
        #expect(try line(Point(measurement: "m", fields: ["s": .string(text)])) == "m s=\(encoded)\n")
    }

    /// Each form checked against influxd 1.6.7: stored as a float with the same value.
    @Test(arguments: [
        (2.0, "2.0"), (-0.0, "-0.0"), (0.1, "0.1"), (-1.5, "-1.5"), (1e20, "1e+20"), (1e-5, "1e-05"),
        (Double.leastNonzeroMagnitude, "5e-324"), (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        (123_456_789_012_345.0, "123456789012345.0"), (1e16, "1e+16"), (0.30000000000000004, "0.30000000000000004"),
        (-9_007_199_254_740_993.0, "-9007199254740992.0"),
    ])
    func writesFloatsInTheirShortestForm(number: Double, text: String) throws {
        #expect(try line(Point(measurement: "m", fields: ["f": .float(number)])) == "m f=\(text)\n")
    }

    private func floatText(_ number: Double) -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = bytes.withUnsafeMutableBufferPointer { buffer in
            var writer = ByteWriter(start: buffer.baseAddress!)
            LineProtocolEncoder.writeFloat(number, to: &writer)
            return writer.count
        }
        #expect(count <= LineProtocolEncoder.maxSize(of: .float(number)))
        return String(decoding: bytes[..<count], as: UTF8.self)
    }

    @Test func floatsMatchTheirDescription() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5000 {
            let number = Double(bitPattern: generator.next())
            guard number.isFinite else { continue }
            #expect(floatText(number) == number.description)
            let whole = Double(Int64(bitPattern: generator.next()) >> Int64(generator.next() % 64))
            #expect(floatText(whole) == whole.description)
        }
    }

    /// The short-decimal fast path must give exactly what `description` gives.
    @Test func shortDecimalsMatchTheirDescription() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20000 {
            let decimals = Int(generator.next() % 6)
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            let digits = Double(generator.next() % (generator.next() % 2 == 0 ? 100_000 : 1_000_000_000_000_000))
            let number = (generator.next() % 2 == 0 ? 1 : -1) * digits / scale
            #expect(floatText(number) == number.description)
        }
        for text in ["0.1", "0.2", "0.3", "61.13", "0.5", "99999999999.9999", "1e-4", "0.0001", "1e11", "100000000000.5"] {
            let number = Double(text)!
            #expect(floatText(number) == number.description)
        }
    }

    @Test(arguments: [
        (Int64.min, "-9223372036854775808i"), (Int64.max, "9223372036854775807i"), (0, "0i"), (-7, "-7i"), (10, "10i"),
    ])
    func writesIntegers(number: Int64, text: String) throws {
        #expect(try line(Point(measurement: "m", fields: ["f": .integer(number)])) == "m f=\(text)\n")
    }

    @Test func sortsTagsAndFieldsByUTF8Bytes() throws {
        let keys = ["b", "a", "B", "é", "z", "a b", "a!", "_"]
        var tags: [String: String] = [:]
        var fields: [String: FieldValue] = [:]
        for (index, key) in keys.enumerated() {
            tags[key] = "v"
            fields[key] = .integer(Int64(index))
        }
        let text = try line(Point(measurement: "m", tags: tags, fields: fields))
        #expect(text == "m,B=v,_=v,a=v,a\\ b=v,a!=v,b=v,z=v,é=v B=2i,_=7i,a=1i,a\\ b=5i,a!=6i,b=0i,z=4i,é=3i\n")
    }

    @Test func sortsManyTags() throws {
        var tags: [String: String] = [:]
        for index in 0..<40 { tags["k\(index)"] = "\(index)" }
        let text = try line(Point(measurement: "m", tags: tags, fields: ["f": .integer(1)]))
        let expected = (0..<40).map { "k\($0)" }.sorted().map { key in "\(key)=\(key.dropFirst())" }
        #expect(text == "m," + expected.joined(separator: ",") + " f=1i\n")
    }

    @Test func mergesGlobalTagsUnderPointTags() throws {
        let point = Point(measurement: "m", tags: ["host": "own", "drop": "", "": "x"], fields: ["f": .integer(1)])
        let text = try line(point, globalTags: ["host": "global", "dc": "west", "drop": "global", "empty": ""])
        #expect(text == "m,dc=west,host=own f=1i\n")
    }

    @Test func dropsAndCountsNonFiniteFloats() throws {
        var encoder = LineProtocolEncoder()
        let point = Point(measurement: "m", fields: ["a": .float(.nan), "b": .float(1), "c": .float(-.infinity), "d": .float(.infinity)])
        try encoder.append(point)
        #expect(String(decoding: encoder.bytes, as: UTF8.self) == "m b=1.0\n")
        #expect(encoder.droppedFieldCount == 3)
        #expect(encoder.pointCount == 1)

        #expect(throws: InfluxError.invalidPoint(reason: "no field left after dropping NaN and infinite values")) {
            try encoder.append(Point(measurement: "m", fields: ["a": .float(.nan)]))
        }
        #expect(encoder.droppedFieldCount == 3)
        #expect(encoder.pointCount == 1)
    }

    @Test func appendsLinesAndEmptiesTheBuffer() throws {
        var encoder = LineProtocolEncoder(precision: .seconds)
        try encoder.append(Point(measurement: "a", fields: ["f": .integer(1)], time: .epoch(5, .seconds)))
        try encoder.append(Point(measurement: "b", fields: ["f": .float(.nan), "g": .integer(2)], time: .epoch(6_500, .milliseconds)))
        #expect(String(decoding: encoder.bytes, as: UTF8.self) == "a f=1i 5\nb g=2i 6\n")
        #expect(encoder.pointCount == 2)
        #expect(encoder.droppedFieldCount == 1)
        encoder.removeAll()
        #expect(encoder.bytes.isEmpty)
        #expect(encoder.pointCount == 0)
        #expect(encoder.droppedFieldCount == 0)
        try encoder.append(Point(measurement: "c", fields: ["f": .integer(1)]))
        #expect(String(decoding: encoder.bytes, as: UTF8.self) == "c f=1i\n")
    }

    @Test(arguments: [
        (Point.Time.epoch(-1, .nanoseconds), Precision.seconds, "-1"),
        (.epoch(1_999, .milliseconds), .seconds, "1"),
        (.rfc3339("1969-12-31T23:59:30Z"), .minutes, "-1"),
        (.rfc3339("2024-01-02T03:04:05.123456789Z"), .microseconds, "1704164645123456"),
        (.epoch(3, .hours), .minutes, "180"),
        (.epoch(9_223_372_036_854_775_806, .nanoseconds), .nanoseconds, "9223372036854775806"),
    ])
    func writesTimesInTheEncodersPrecision(time: Point.Time, precision: Precision, text: String) throws {
        let point = Point(measurement: "m", fields: ["f": .integer(1)], time: time)
        #expect(try line(point, precision: precision) == "m f=1i \(text)\n")
    }

    /// Every rule checked against influxd 1.6.7: these points would be refused or stored under
    /// other names.
    @Test(arguments: [
        (Point(measurement: "m", fields: [:]), "point has no fields"),
        (Point(measurement: "", fields: ["f": .integer(1)]), "measurement \"\" is empty"),
        (Point(measurement: "m", fields: ["": .integer(1)]), "field key \"\" is empty"),
        (Point(measurement: "m\\", fields: ["f": .integer(1)]), "measurement \"m\\\" ends with a backslash"),
        (Point(measurement: "m", tags: ["t\\": "v"], fields: ["f": .integer(1)]), "tag key \"t\\\" ends with a backslash"),
        (Point(measurement: "m", tags: ["t": "v\\"], fields: ["f": .integer(1)]), "tag value \"v\\\" ends with a backslash"),
        (Point(measurement: "m", fields: ["f\\": .integer(1)]), "field key \"f\\\" ends with a backslash"),
        (Point(measurement: "a\nb", fields: ["f": .integer(1)]), "measurement \"a\nb\" contains a newline"),
        (Point(measurement: "m", tags: ["a\rb": "v"], fields: ["f": .integer(1)]), "tag key \"a\rb\" contains a newline"),
        (Point(measurement: "m", tags: ["t": "a\nb"], fields: ["f": .integer(1)]), "tag value \"a\nb\" contains a newline"),
        (Point(measurement: "m", fields: ["a\nb": .integer(1)]), "field key \"a\nb\" contains a newline"),
        (Point(measurement: "#m", fields: ["f": .integer(1)]), "measurement \"#m\" starts with #, which makes the line a comment"),
        (Point(measurement: "\tm", fields: ["f": .integer(1)]), "measurement \"\tm\" starts with a tab or NUL byte, which the server strips"),
        (Point(measurement: "\0m", fields: ["f": .integer(1)]), "measurement \"\0m\" starts with a tab or NUL byte, which the server strips"),
        (Point(measurement: "m", fields: ["\tf": .integer(1)]), "field key \"\tf\" starts with a tab or NUL byte, which the server strips"),
        (Point(measurement: "m", tags: ["time": "v"], fields: ["f": .integer(1)]), "tag key \"time\" is reserved by the server"),
        (Point(measurement: "m", fields: ["f": .integer(1), "time": .integer(1)]), "field key \"time\" is reserved by the server"),
        (Point(measurement: "a\\,b", fields: ["f": .integer(1)]), "measurement \"a\\,b\" has a backslash before , = space or \", which the server cannot store"),
        (Point(measurement: "a\\ b", fields: ["f": .integer(1)]), "measurement \"a\\ b\" has a backslash before , = space or \", which the server cannot store"),
        (Point(measurement: "a\\=b", fields: ["f": .integer(1)]), "measurement \"a\\=b\" has a backslash before , = space or \", which the server cannot store"),
        (Point(measurement: "a\\\"b", fields: ["f": .integer(1)]), "measurement \"a\\\"b\" has a backslash before , = space or \", which the server cannot store"),
        (Point(measurement: "m", fields: ["a\\\"b": .integer(1)]), "field key \"a\\\"b\" has a backslash before , = space or \", which the server cannot store"),
        (Point(measurement: "m", fields: ["a\\,b": .integer(1)]), "field key \"a\\,b\" has a backslash before , = space or \", which the server cannot store"),
        (Point(measurement: "m", fields: ["f": .integer(1)], time: .epoch(Int64.max, .nanoseconds)), "time 9223372036854775807ns is outside the server's range"),
        (Point(measurement: "m", fields: ["f": .integer(1)], time: .rfc3339("now")), "invalid rfc3339 time \"now\""),
    ])
    func refusesPointsItCannotWriteFaithfully(point: Point, reason: String) throws {
        var encoder = LineProtocolEncoder()
        try encoder.append(Point(measurement: "before", fields: ["f": .integer(1)]))
        #expect(throws: InfluxError.invalidPoint(reason: reason)) {
            try encoder.append(point, globalTags: ["g": "x"])
        }
        #expect(String(decoding: encoder.bytes, as: UTF8.self) == "before f=1i\n")
        #expect(encoder.pointCount == 1)
    }

    /// Checked against influxd 1.6.7: the escaped key may be 65535 bytes, and so may the key
    /// plus 4 plus each escaped field key.
    @Test func refusesSeriesKeysTheServerCannotIndex() throws {
        let longest = String(repeating: "a", count: 65_530)
        #expect(throws: Never.self) { try line(Point(measurement: longest, fields: ["f": .integer(1)])) }
        #expect(throws: InfluxError.invalidPoint(reason: "series key with field \"ff\" is 65536 bytes, more than the server's 65535")) {
            try line(Point(measurement: longest, fields: ["ff": .integer(1)]))
        }
        #expect(throws: InfluxError.invalidPoint(reason: "series key is 65536 bytes, more than the server's 65535")) {
            try line(Point(measurement: "m", tags: ["t": String(repeating: "v", count: 65_532)], fields: ["f": .integer(1)]))
        }
        // Escapes count: "m,t=" and 32766 escaped spaces are 65536 bytes.
        #expect(throws: InfluxError.invalidPoint(reason: "series key is 65536 bytes, more than the server's 65535")) {
            try line(Point(measurement: "m", tags: ["t": String(repeating: " ", count: 32_766)], fields: ["f": .integer(1)]))
        }
        #expect(throws: InfluxError.invalidPoint(reason: "series key with field \" \" is 65536 bytes, more than the server's 65535")) {
            try line(Point(measurement: String(repeating: "a", count: 65_530), fields: [" ": .integer(1)]))
        }
    }

    @Test func convenienceReturnsOneLineWithoutNewline() throws {
        let point = Point(measurement: "m", tags: ["t": "a b"], fields: ["f": .float(2)], time: .rfc3339("1970-01-01T00:00:01Z"))
        #expect(try point.lineProtocol() == "m,t=a\\ b f=2.0 1000000000")
        #expect(try point.lineProtocol(precision: .seconds) == "m,t=a\\ b f=2.0 1")
    }
}
