import Testing
@testable import InfluxKit

@Suite struct CSVParserTests {
    /// The records of `text` fed in pieces of `size` bytes: their fields, start lines and problems.
    func records(_ text: String, size: Int) throws -> [(fields: [String], line: Int, problem: String?)] {
        var parser = CSVParser()
        var records: [(fields: [String], line: Int, problem: String?)] = []
        func take(_ record: CSVRecord) { records.append((record.fields, record.line, record.problem)) }
        try forEachPiece(of: Array(text.utf8), size: size) { try parser.feed($0, take) }
        try parser.finish(take)
        return records
    }

    /// RFC 4180's cases: quoted commas, doubled quotes, line breaks inside quotes (CRLF and LF),
    /// empty fields and empty lines; each record names the line it starts on however the bytes
    /// arrive.
    @Test(arguments: [1, 2, 5, 4096])
    func splitsQuotedFieldsAndCountsLines(size: Int) throws {
        let text = "a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\n,,\n\"\",last,\"three\nmore\nlines\"\nend"
        let got = try records(text, size: size)
        #expect(got.map(\.fields) == [
            ["a", "b", "c"], ["x,y", "say \"hi\"", "two\r\nlines"], ["", "", ""], ["", "last", "three\nmore\nlines"], ["end"],
        ])
        #expect(got.map(\.line) == [1, 2, 5, 6, 9])
        #expect(got.allSatisfy { $0.problem == nil })
    }

    @Test func reportsAQuoteNotClosed() throws {
        let got = try records("a,b\n1,\"open\n2,3\n", size: 3)
        #expect(got.count == 2)
        #expect(got[1].line == 2)
        #expect(got[1].problem == "a quoted field is not closed before the end of the input")
    }

    @Test func reportsTextAfterAClosingQuote() throws {
        let got = try records("\"a\"b,c\n", size: 1)
        #expect(got[0].problem == "text after the closing quote of field 1")
        #expect(got[0].fields == ["ab", "c"])
    }

    /// Excel's `sep=;` first line sets the separator and is not a record.
    @Test func takesTheSeparatorOfASepLine() throws {
        let got = try records("sep=;\na;\"b;c\";d,e\n", size: 2)
        #expect(got.map(\.fields) == [["a", "b;c", "d,e"]])
        #expect(got[0].line == 2)
    }

    /// A quote inside an unquoted field is kept as it is (as Go's LazyQuotes and Python's csv).
    @Test func keepsAQuoteInsideAnUnquotedField() throws {
        #expect(try records("5\" disk,x\n", size: 4).map(\.fields) == [["5\" disk", "x"]])
    }

    @Test func boundsARecord() throws {
        var parser = CSVParser(maximumRecordBytes: 1 << 20)
        let open = Array("\"".utf8) + [UInt8](repeating: 65, count: 2 << 20)
        #expect(throws: InfluxError.self) {
            try open.withUnsafeBytes { try parser.feed($0) { _ in } }
        }
    }
}
