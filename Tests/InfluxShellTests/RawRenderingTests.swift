import Glibc
@testable import InfluxKit
@testable import InfluxShell
import Testing

/// The text `renderer` prints for `body` through the raw row path (`feedRaw`, then
/// `render(_: RawResultSet, …)`), fed in pieces of `size` bytes.
func renderedRaw(_ renderer: some ResultRenderer, _ body: String, size: Int = .max) throws -> String {
    var renderer = renderer
    let sink = open("/dev/null", O_WRONLY)
    defer { close(sink) }
    var out = OutputBuffer(descriptor: sink, blockSize: 1 << 24)
    var decoder = QueryResponseDecoder()
    let bytes = Array(body.utf8)
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + min(size, bytes.count))
        try bytes[start..<end].withUnsafeBytes { piece in
            try decoder.feedRaw(piece) { renderer.render($0, into: &out) }
        }
        start = end
    }
    try decoder.finishRaw { renderer.render($0, into: &out) }
    renderer.finish(into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
}

/// The text `renderer` prints for `body` through the decoding path.
func renderedDecoded(_ renderer: some ResultRenderer, _ body: String) throws -> String {
    rendered(renderer, try QueryResponseDecoder.decode(body))
}

/// A response with one series `m` (tags `k=v`) of one row per value, in column `v`, after a
/// time column.
func column(of values: [String]) -> String {
    let rows = values.enumerated().map { "[\($0.offset),\($0.element)]" }.joined(separator: ",")
    return #"{"results":[{"statement_id":0,"series":[{"name":"m","tags":{"k":"v"},"columns":["time","v"],"values":["#
        + rows + "]}]}]}\n"
}

/// The `v` cells of CSV text made from `column(of:)`.
func csvCells(_ text: String) -> [String] {
    text.split(separator: "\n").dropFirst().map { line in
        String(line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)[3])
    }
}

@Suite struct RawRenderingTests {
    static let numbers = [
        "0", "-0", "7", "-7", "42", "999999999999999999", "-999999999999999999", "1000000000000000000",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551615",
        "18446744073709551616", "123456789012345678901234567890", "-9223372036854775809", "-9999999999999999999",
        "9999999999999999999", "1700000000000000000", "-1700000000000000000",
        "0.1", "0.10", "1.50", "2.0", "-0.0", "0.0", "-0.5", "61.13", "0.6", "38.37", "-3.25", "0.0001", "0.00001",
        "0.0005", "0.000025", "9999999999.9999", "-9999999999.9999", "12345678901.5", "99999999999.9999",
        "123456789.12345679", "0.30000000000000004", "3.14159265358979", "1234567890.1234", "0.1234", "0.12345",
        "1e21", "1E-7", "1e+21", "1.7976931348623157e+308", "5e-324", "2.5e-05", "1e15", "1e16", "100", "1e400",
        "1000000000000000", "999999999999999.0", "4.35", "0.07", "1.005",
    ]

    static let strings = [
        #""plain""#, #""""#, #""a,b""#, #""say \"hi\"""#, #""two\nlines""#, #""cr\rhere""#, #""tab\there""#,
        #""naïve ☃ 😀""#, #""\u00e9""#, #""\ud83d\ude00""#, #""\ud800""#, #""\u003cb\u003e \u0026""#,
        #""\u2028""#, #""\u0001\u001f""#, #""back\\slash""#, #""\/""#, "\"del\u{7F}\"", #""2020-09-13T12:26:40Z""#,
    ]

    static let others = ["true", "false", "null", "[1,\"a\",[null]]", #"{"a":1.50}"#]

    static var formats: [OutputFormat] { OutputFormat.allCases }

    /// Responses of several shapes: statements, chunks, errors, messages, tags, empty results.
    static let responses = [
        #"""
        {"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a","dc":"e,u"},"columns":["time","usage","note"],"values":[["2020-09-13T12:26:40Z",1.5,"ok"],["2020-09-13T12:26:50Z",2,null]],"partial":true}],"partial":true}]}
        {"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a","dc":"e,u"},"columns":["time","usage","note"],"values":[["2020-09-13T12:27:00Z",-0.25,"a\"b"]]},{"name":"cpu","tags":{"host":"b"},"columns":["time","usage","note"],"values":[["2020-09-13T12:26:50Z",2,"x"]]}]}]}
        {"results":[{"statement_id":1,"error":"database not found: nodb"}]}
        {"results":[{"statement_id":2,"series":[{"name":"databases","columns":["name"],"values":[["_internal"],["b"]]}]}]}

        """#,
        #"""
        {"results":[{"statement_id":0,"series":[{"columns":["name","duration","shardGroupDuration","replicaN","default"],"values":[["autogen","0s","168h0m0s",1,true]]}]},{"statement_id":1},{"statement_id":2,"series":[{"name":"m","columns":["time","a","b"],"values":[[1,null,1e300],[2,"é",null]]}],"messages":[{"level":"warning","text":"deprecated"}]}]}

        """#,
        #"""
        {"results":[{"statement_id":0,"series":[{"name":"many","columns":["time","v"],"values":[]},{"name":"none"}]}]}
        """#,
        #"""
        {"results":[{"statement_id":0,"series":[{"columns":[],"values":[[1],[]]},{"values":[["a",null,2.50]],"partial":true}],"partial":true}]}
        {"results":[{"statement_id":0,"series":[{"tags":{"b":"2","a":"1"},"values":[["x"]],"partial":true}],"partial":true,"messages":[{"level":"info","text":"t"}]}]}
        {"results":[{"statement_id":0,"series":[{"tags":{"b":"2","a":"1"},"values":[["y"]]}],"error":"late"}]}

        """#,
    ]

    @Test(arguments: formats)
    func rawRowsRenderAsDecodedRows(_ format: OutputFormat) throws {
        let bodies = [column(of: Self.numbers), column(of: Self.strings), column(of: Self.others)]
            + Self.responses
        for body in bodies {
            let expected = try renderedDecoded(format.makeRenderer(), body)
            for size in [1, 5, .max] {
                #expect(try renderedRaw(format.makeRenderer(), body, size: size) == expected,
                        "\(format) in pieces of \(size): \(body)")
            }
        }
    }

    @Test func csvNumbersAsTheirShortestForm() throws {
        let cells = csvCells(try renderedRaw(CSVRenderer(), column(of: [
            "-0", "0.10", "1.50", "2.0", "-0.0", "61.13", "1e21", "1E-7", "2.5e-05", "0.000025", "9223372036854775808",
            "18446744073709551616", "123456789.12345679", "-9223372036854775808", "999999999999999999", "1e400",
        ])))
        #expect(cells == [
            "0", "0.1", "1.5", "2.0", "-0.0", "61.13", "1e+21", "1e-07", "2.5e-05", "2.5e-05", "9223372036854775808",
            "18446744073709551616", "123456789.12345679", "-9223372036854775808", "999999999999999999", "1e400",
        ])
    }

    /// Numbers no 64-bit type holds print as the server sent them in every format that prints
    /// values (an SVG draws them), raw or decoded, pretty or not: never as a rounded float,
    /// `inf` or `null`.
    @Test(arguments: formats.filter { $0 != .svg })
    func numbersBeyondSixtyFourBitsPrintAsSent(_ format: OutputFormat) throws {
        let sent = ["99999999999999999999999", "-18446744073709551617", "1e400", "-2.5E+999"]
        let body = column(of: sent)
        for pretty in [true, false] {
            for text in [try renderedRaw(format.makeRenderer(pretty: pretty), body),
                         try renderedDecoded(format.makeRenderer(pretty: pretty), body)] {
                for number in sent {
                    #expect(text.contains(number), "\(format): \(number) missing from \(text)")
                }
                for changed in ["e+23", "inf", "null", "1.8446744073709552e+19"] {
                    #expect(!text.contains(changed), "\(format): \(changed) in \(text)")
                }
            }
        }
    }

    @Test func csvStringsUnescapedAndQuoted() throws {
        let text = try renderedRaw(CSVRenderer(), column(of: [
            #""a,b""#, #""say \"hi\"""#, #""\u00e9\/x""#, #""\ud83d\ude00""#, #""\ud800""#, #""\u003c\u0026""#, "true", "null",
        ]))
        #expect(text == """
            name,tags,time,v
            m,k=v,0,"a,b"
            m,k=v,1,"say ""hi\"""
            m,k=v,2,é/x
            m,k=v,3,😀
            m,k=v,4,\u{FFFD}
            m,k=v,5,<&
            m,k=v,6,true
            m,k=v,7,

            """)
    }

    @Test func commasAnywhereInStringsOfEveryLength() throws {
        // Every length from 0 to 40 with a comma at every position, and none.
        var strings: [String] = []
        for length in 0...40 {
            let plain = String((0..<length).map { Character(Unicode.Scalar(UInt8(97 + $0 % 26))) })
            strings.append("\"" + plain + "\"")
            for position in 0..<length {
                var bytes = Array(plain.utf8)
                bytes[position] = UInt8(ascii: ",")
                strings.append("\"" + String(decoding: bytes, as: UTF8.self) + "\"")
            }
        }
        let cells = try renderedRaw(CSVRenderer(), column(of: strings)).split(separator: "\n").dropFirst().map {
            String($0.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)[3])
        }
        let expected = strings.map { quoted -> String in
            let text = String(quoted.dropFirst().dropLast())
            return text.contains(",") ? "\"" + text + "\"" : text
        }
        #expect(cells == expected)
    }

    @Test func csvNameAndTagsQuotedOncePerSeries() throws {
        let body = #"{"results":[{"statement_id":0,"series":[{"name":"a,b","tags":{"x":"1","y":"q\"r"},"#
            + #""columns":["v"],"values":[[1],[2]]}]}]}"# + "\n"
        #expect(try renderedRaw(CSVRenderer(), body) == """
            name,tags,v
            "a,b","x=1,y=q""r",1
            "a,b","x=1,y=q""r",2

            """)
    }

    @Test func jsonLinesNumbersAndStrings() throws {
        let text = try renderedRaw(JSONLinesRenderer(), column(of: [
            "-0", "2.0", "-0.0", "0.10", "61.13", "1e21", "1E-7", "1e15", "999999999999999.0", "9223372036854775808",
            #""\u003c\/\u0001""#, #""ok""#, "null", "false",
        ]))
        let values = text.split(separator: "\n").map { String($0.split(separator: #""v":"#, maxSplits: 1)[1].dropLast()) }
        #expect(values == [
            "0", "2", "0", "0.1", "61.13", "1e+21", "1e-07", "1000000000000000.0", "999999999999999", "9223372036854775808",
            #""</\u0001""#, #""ok""#, "null", "false",
        ])
    }

    @Test func jsonLinesWithColumnsCalledNameAndTags() throws {
        let body = #"{"results":[{"statement_id":0,"series":[{"name":"databases","columns":["name"],"values":[["db1"],["x\ty"]]},"#
            + #"{"name":"m","tags":{"t":"1"},"columns":["tags","v"],"values":[["a",1.5],["b"]]},{"columns":[],"values":[[1]]}]}]}"#
            + "\n"
        #expect(try renderedRaw(JSONLinesRenderer(), body) == """
            {"tags":{},"name":"db1"}
            {"tags":{},"name":"x\\ty"}
            {"name":"m","tags":"a","v":1.5}
            {"name":"m","tags":"b"}
            {"tags":{}}

            """)
    }

    /// The reason numbers may be copied: for every integer and decimal `printsAsWritten` accepts,
    /// the stdlib's own parser and printers give back the very text.
    @Test func numbersThatPrintAsWrittenDo() {
        var generator = SeededGenerator(seed: 12)
        var out = OutputBuffer(descriptor: -1, blockSize: .max)
        var checked = 0
        for _ in 0..<200_000 {
            let integerDigits = Int.random(in: 1...11, using: &generator)
            let fractionDigits = Int.random(in: 0...5, using: &generator)
            var text = Bool.random(using: &generator) ? "-" : ""
            text += integerDigits == 1 ? String(Int.random(in: 0...9, using: &generator))
                : String(Int.random(in: 1...9, using: &generator))
                    + (1..<integerDigits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            if fractionDigits > 0 {
                text += "." + (0..<fractionDigits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            }
            let copies = text.utf8.withContiguousStorageIfAvailable { bytes in
                ValueText.printsAsWritten(RawValue(kind: fractionDigits > 0 ? .decimal : .integer, text: bytes))
            }!
            guard copies else { continue }
            checked += 1
            if fractionDigits == 0 {
                #expect(String(Int64(text)!) == text, "\(text)")
            } else {
                let number = Double(text)!
                #expect(number.description == text, "\(text)")
                #expect("\(number)" == text, "\(text)")
                out.append(number)
                #expect(String(decoding: out.take(), as: UTF8.self) == text, "\(text)")
                #expect(number != number.rounded(), "\(text)")
            }
        }
        #expect(checked > 100_000)
    }

    /// Integers of 19 digits, as nanosecond times are: every positive one, and the negative
    /// ones that fit in `Int64`, read back as the same digits.
    @Test func nineteenDigitIntegers() {
        var generator = SeededGenerator(seed: 13)
        var texts = ["9223372036854775807", "9223372036854775808", "9999999999999999999", "1000000000000000000",
                     "-9223372036854775808", "-9223372036854775809", "-9999999999999999999", "-1000000000000000000",
                     "1700000000000000000", "-9223372036854775807"]
        for _ in 0..<20_000 {
            let digits = String(Int.random(in: 1...9, using: &generator))
                + (0..<18).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            texts.append(Bool.random(using: &generator) ? "-" + digits : digits)
        }
        for text in texts {
            let copies = text.utf8.withContiguousStorageIfAvailable {
                ValueText.printsAsWritten(RawValue(kind: .integer, text: $0))
            }!
            let fits = text.hasPrefix("-") ? Int64(text) != nil : UInt64(text) != nil
            #expect(copies == fits, "\(text)")
        }
    }

    @Test func printsAsWrittenRefusesWhatWouldChange() {
        for (text, kind) in [("-0", RawValue.Kind.integer), ("12345678901234567890", .integer), ("0.10", .decimal),
                             ("2.0", .decimal), ("-0.0", .decimal), ("0.00001", .decimal), ("12345678901.5", .decimal),
                             ("1e5", .exponential)] {
            let copies = text.utf8.withContiguousStorageIfAvailable { ValueText.printsAsWritten(RawValue(kind: kind, text: $0)) }
            #expect(copies == false, "\(text)")
        }
    }
}
