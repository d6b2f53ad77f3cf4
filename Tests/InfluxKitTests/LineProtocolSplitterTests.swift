import Testing
@testable import InfluxKit

@Suite struct LineProtocolSplitterTests {
    struct Found: Equatable, CustomStringConvertible {
        var text: String
        var line: Int
        var description: String { "\(line): \(text.debugDescription)" }
    }

    /// Splits `input` as a whole.
    func whole(_ input: String) -> [Found] {
        let bytes = Array(input.utf8)
        return LineProtocolSplitter.records(in: bytes).map {
            Found(text: String(decoding: bytes[$0.range], as: UTF8.self), line: $0.line)
        }
    }

    /// Feeds `input` in chunks of the given sizes (the last size repeats), the way a reader of
    /// standard input does: keep what was not consumed, append the next chunk.
    func chunked(_ input: String, sizes: [Int], maxRecordLength: Int = .max) -> [Found] {
        let bytes = Array(input.utf8)
        var splitter = LineProtocolSplitter(maxRecordLength: maxRecordLength)
        var buffer: [UInt8] = []
        var found: [Found] = []
        var offset = 0
        var sizeIndex = 0
        while true {
            let size = sizes[min(sizeIndex, sizes.count - 1)]
            sizeIndex += 1
            let next = min(offset + size, bytes.count)
            buffer += bytes[offset..<next]
            offset = next
            let isFinal = offset == bytes.count
            var records: [LineProtocolSplitter.Record] = []
            let consumed = buffer.withUnsafeBytes { splitter.split($0, isFinal: isFinal, into: &records) }
            for record in records {
                found.append(Found(text: String(decoding: buffer[record.range], as: UTF8.self), line: record.line))
            }
            buffer.removeFirst(consumed)
            if isFinal { break }
        }
        #expect(buffer.isEmpty)
        return found
    }

    @Test func cutsAtNewlines() {
        #expect(whole("a f=1\nb f=2\n") == [Found(text: "a f=1", line: 1), Found(text: "b f=2", line: 2)])
        #expect(whole("a f=1\nb f=2") == [Found(text: "a f=1", line: 1), Found(text: "b f=2", line: 2)])
    }

    @Test func skipsBlankLinesAndComments() {
        let input = "\n  \n\t\n# comment\n  # indented comment\n\r\nm f=1\n#last"
        #expect(whole(input) == [Found(text: "m f=1", line: 7)])
    }

    @Test func dropsOneCarriageReturnBeforeTheNewline() {
        #expect(whole("m f=1\r\nn f=2\r\n") == [Found(text: "m f=1", line: 1), Found(text: "n f=2", line: 2)])
        #expect(whole("m f=1\r\r\n") == [Found(text: "m f=1\r", line: 1)])
        #expect(whole("m f=1\r") == [Found(text: "m f=1", line: 1)])
    }

    @Test func leavesLeadingBlanksOut() {
        #expect(whole("  \t\0m f=1 ") == [Found(text: "m f=1 ", line: 1)])
    }

    /// Checked against influxd 1.6.7: both points of `m s="a⏎b" 1⏎m s="c" 2` are stored.
    @Test func keepsNewlinesInsideQuotedStrings() {
        let input = "m s=\"a\nb\" 1\nm s=\"c\" 2\nm s=\"x\ny\nz\",t=\"\n\" 3\nlast f=1\n"
        #expect(whole(input) == [
            Found(text: "m s=\"a\nb\" 1", line: 1),
            Found(text: "m s=\"c\" 2", line: 3),
            Found(text: "m s=\"x\ny\nz\",t=\"\n\" 3", line: 4),
            Found(text: "last f=1", line: 8),
        ])
    }

    /// Checked against influxd 1.6.7: `m,t=a"b f=1 1` and the next line are two points.
    @Test func countsQuotesOnlyInFieldValues() {
        let input = "m,t=a\"b f=1 1\nm,t=c f=2 2\n\"m\" f=1\nm a=1,\"b\"=2\nn f=1\n"
        #expect(whole(input).map(\.line) == [1, 2, 3, 4, 5])
    }

    /// Checked against influxd 1.6.7: a backslash before the newline joins the lines.
    @Test func joinsLinesAfterABackslash() {
        #expect(whole("m f=1 1\\\nm f=2 2\nm f=3 3\n") == [
            Found(text: "m f=1 1\\\nm f=2 2", line: 1),
            Found(text: "m f=3 3", line: 3),
        ])
        #expect(whole("m f=\"a\\\\\" 1\nm f=\"b\" 2\n").count == 2)
        #expect(whole("m f=\"a\\\"\nb\" 1\nn f=1").map(\.line) == [1, 3])
    }

    /// influxd 1.6.7 lets this comment swallow the two following lines; we do not.
    @Test func endsCommentsAtTheirNewlineEvenWithQuotes() {
        let input = "# note: f=\"x\nm f=1 1\nm f=2 2\n# end \"\nm f=3 3\n"
        #expect(whole(input).map(\.text) == ["m f=1 1", "m f=2 2", "m f=3 3"])
    }

    @Test func anUnbalancedQuoteReadsOnToTheNextQuoteLikeTheServer() {
        #expect(whole("m f=\"oops\nm f=1\nm f=\"x\" 2\nn f=1\n") == [
            Found(text: "m f=\"oops\nm f=1\nm f=\"x\" 2\nn f=1\n", line: 1),
        ])
    }

    @Test func cutsARunawayRecordAtItsFirstNewline() {
        let input = "m f=\"oops\nm f=1\nm f=2\nm g=\"ok\nstill\" 5\nz f=3\n"
        let expected = [
            Found(text: "m f=\"oops", line: 1),
            Found(text: "m f=1", line: 2),
            Found(text: "m f=2", line: 3),
            Found(text: "m g=\"ok\nstill\" 5", line: 4),
            Found(text: "z f=3", line: 6),
        ]
        #expect(chunked(input, sizes: [input.utf8.count], maxRecordLength: 20) == expected)
        #expect(chunked(input, sizes: [1], maxRecordLength: 20) == expected)
        #expect(chunked(input, sizes: [7, 3, 11], maxRecordLength: 20) == expected)
    }

    /// Hostile input whose every line is a runaway costs a rescan of `maxRecordLength` bytes per
    /// line; the splitter then lets quotes span lines only as the input consumed allows, the same
    /// way however the input is cut. Input with a few runaways keeps its multi-line strings.
    @Test func limitsTheRescanningOfRunawaysTheSameWayWhateverTheChunks() {
        let multiLine = "m g=\"ok\nstill\" 5\n"
        let few = "m f=\"oops\n" + String(repeating: "m v=1\n", count: 40) + multiLine
        #expect(chunked(few, sizes: [5], maxRecordLength: 200).last == Found(text: "m g=\"ok\nstill\" 5", line: 42))

        let many = "m f=\"" + String(repeating: "\na\"b c=\"", count: 2000) + "\n" + multiLine
        let records = chunked(many, sizes: [5], maxRecordLength: 200)
        #expect(records.first == Found(text: "m f=\"", line: 1))
        #expect(zip(records, records.dropFirst()).allSatisfy { $0.line < $1.line })
        #expect(chunked(many, sizes: [many.utf8.count], maxRecordLength: 200) == records)
        #expect(chunked(many, sizes: [7, 3, 11], maxRecordLength: 200) == records)
    }

    @Test func keepsAPartialRecordUntilMoreInputArrives() {
        var splitter = LineProtocolSplitter()
        var records: [LineProtocolSplitter.Record] = []
        let first = Array("a f=1\nb f=".utf8)
        let consumed = first.withUnsafeBytes { splitter.split($0, isFinal: false, into: &records) }
        #expect(consumed == 6)
        #expect(records == [LineProtocolSplitter.Record(range: 0..<5, line: 1)])
        #expect(splitter.line == 2)

        records.removeAll()
        let second = Array("b f=2\nc".utf8)
        let consumed2 = second.withUnsafeBytes { splitter.split($0, isFinal: true, into: &records) }
        #expect(consumed2 == second.count)
        #expect(records == [LineProtocolSplitter.Record(range: 0..<5, line: 2), LineProtocolSplitter.Record(range: 6..<7, line: 3)])
    }

    @Test func givesTheSameRecordsWhateverTheChunks() {
        let input = """
            # header "quoted
            cpu,host=a value=1 1
              \t
            m s="multi
            line, with = signs \\" and \\\\" 2\r
            m,t=x\\ y f=1,g="a\\"b" 3\\
            joined 4
            m f="unbalanced
            ends at "   the next quote
            n f=1
            last f=2
            """
        let expected = whole(input)
        #expect(expected.count == 6)
        #expect(expected.map(\.line) == [2, 4, 6, 8, 10, 11])
        for size in 1...9 {
            #expect(chunked(input, sizes: [size]) == expected, "chunks of \(size)")
        }
        for cut in 0...input.utf8.count {
            #expect(chunked(input, sizes: [cut, input.utf8.count]) == expected, "cut at \(cut)")
        }
    }
}
