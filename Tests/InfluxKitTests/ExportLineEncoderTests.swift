import Testing
@testable import InfluxKit

/// The export's line encoder on answers influxd 1.6.7 gave (captured from
/// `SELECT "a"::float, … FROM … GROUP BY *` with `epoch=ns` after writing the lines each test
/// names): the lines it makes must be those lines, written the way influxd prints the values.
struct ExportLineEncoderTests {
    func encode(_ body: String, fields: [ExportField], omittingStrings: Bool = false) throws -> (text: String, encoder: ExportLineEncoder) {
        var encoder = try ExportLineEncoder(fields: fields, omittingStrings: omittingStrings)
        var decoder = QueryResponseDecoder()
        try Array(body.utf8).withUnsafeBytes { bytes in
            try decoder.feedRaw(bytes) { try encoder.append($0) }
            try decoder.finishRaw { try encoder.append($0) }
        }
        return (String(decoding: encoder.bytes, as: UTF8.self), encoder)
    }

    // Written: n a=5e-324,b=1.7976931348623157e308,c=-0.0,d=1e21,e=1e-7,i=-9223372036854775808i,
    // j=9223372036854775807i,s="q\"b\\\\c,=<>& é\tx",t=true,u=1.0 -9223372036854775806
    // and n a=1 9223372036854775806.
    let extremes = #"""
        {"results":[{"statement_id":0,"series":[{"name":"n","columns":["time","a","b","c","d","e","i","j","s","t","u"],"values":[[-9223372036854775806,5e-324,1.7976931348623157e+308,-0,1e+21,1e-7,-9223372036854775808,9223372036854775807,"q\"b\\\\c,=\u003c\u003e\u0026 é\\tx",true,1],[9223372036854775806,1,null,null,null,null,null,null,null,null,null]]}]}]}
        """#
    let extremeFields = [
        ExportField(name: "a", type: .float), ExportField(name: "b", type: .float), ExportField(name: "c", type: .float),
        ExportField(name: "d", type: .float), ExportField(name: "e", type: .float), ExportField(name: "i", type: .integer),
        ExportField(name: "j", type: .integer), ExportField(name: "s", type: .string), ExportField(name: "t", type: .boolean),
        ExportField(name: "u", type: .float),
    ]

    @Test func extremeValuesComeOutAsTheServerPrintsThem() throws {
        let (text, encoder) = try encode(extremes, fields: extremeFields)
        #expect(text == #"""
            n a=5e-324,b=1.7976931348623157e+308,c=-0,d=1e+21,e=1e-7,i=-9223372036854775808i,j=9223372036854775807i,s="q\"b\\\\c,=<>& é\\tx",t=true,u=1 -9223372036854775806
            n a=1 9223372036854775806

            """#)
        #expect(encoder.pointCount == 2)
        #expect(encoder.seriesHashes.count == 1)
    }

    @Test func everyLineIsOneTheValidatorAccepts() throws {
        let (text, _) = try encode(extremes, fields: extremeFields)
        let validator = LineProtocolValidator(precision: .nanoseconds)
        for line in text.split(separator: "\n") {
            #expect(validator.problem(in: String(line)) == nil, "\(line)")
        }
    }

    // Written: dual,host=a,shared=tagvalue shared=1.5,other=2i and dual,host=b shared=2.5; the
    // tag `shared` is empty for host=b, and a tag and a field share the key.
    @Test func tagsComeFromTheSeriesKeyWithoutEmptyOnes() throws {
        let body = #"""
            {"results":[{"statement_id":0,"series":[{"name":"dual","tags":{"host":"a","shared":"tagvalue"},"columns":["time","other","shared"],"values":[[3,2,1.5]]},{"name":"dual","tags":{"host":"b","shared":""},"columns":["time","other","shared"],"values":[[4,null,2.5]]}]}]}
            """#
        let (text, encoder) = try encode(body, fields: [ExportField(name: "other", type: .integer), ExportField(name: "shared", type: .float)])
        #expect(text == "dual,host=a,shared=tagvalue other=2i,shared=1.5 3\ndual,host=b shared=2.5 4\n")
        #expect(encoder.seriesHashes.count == 2)
    }

    @Test func namesAreEscapedAsTheWriterEscapesThem() throws {
        let body = #"""
            {"results":[{"statement_id":0,"series":[{"name":"a,b c","tags":{"t,k=y":"v ,=w"},"columns":["time","f,k=y","s"],"values":[[1,3.5,"x\\\"y"]]}]}]}
            """#
        let (text, _) = try encode(body, fields: [ExportField(name: "f,k=y", type: .float), ExportField(name: "s", type: .string)])
        #expect(text == #"a\,b\ c,t\,k\=y=v\ \,\=w f\,k\=y=3.5,s="x\\\"y" 1"# + "\n")
    }

    @Test func rowsWithoutAnyFieldAreLeftOut() throws {
        let body = #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","a","b"],"values":[[1,null,null],[2,1,null],[3,null,true]]}]}]}"#
        let (text, encoder) = try encode(body, fields: [ExportField(name: "a", type: .float), ExportField(name: "b", type: .boolean)])
        #expect(text == "m a=1 2\nm b=true 3\n")
        #expect(encoder.pointCount == 2)
    }

    @Test func stringsAreCountedWhenLeftOut() throws {
        let body = #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","a","s"],"values":[[1,1,"x"],[2,null,"y"],[3,2,null]]}]}]}"#
        let (text, encoder) = try encode(body, fields: [ExportField(name: "a", type: .float), ExportField(name: "s", type: .string)], omittingStrings: true)
        #expect(text == "m a=1 1\nm a=2 3\n")
        #expect(encoder.omittedStrings == 2)
        #expect(encoder.omittedPoints == 1)
    }

    @Test(arguments: [
        (#"[[1,1.5]]"#, FieldKey.ValueType.integer),
        (#"[[1,"x"]]"#, FieldKey.ValueType.float),
        (#"[[1,1]]"#, FieldKey.ValueType.boolean),
        (#"[["1970-01-01T00:00:00Z",1]]"#, FieldKey.ValueType.float),
    ])
    func valuesOfAnotherTypeAreRefused(values: String, type: FieldKey.ValueType) throws {
        let body = #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","a"],"values":"# + values + "}]}]}"
        #expect(throws: InfluxError.self) { try encode(body, fields: [ExportField(name: "a", type: type)]) }
    }

    @Test func anAnswerWithOtherColumnsIsRefused() throws {
        let body = #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","a","b"],"values":[[1,1,2]]}]}]}"#
        #expect(throws: InfluxError.self) { try encode(body, fields: [ExportField(name: "a", type: .float)]) }
    }
}
