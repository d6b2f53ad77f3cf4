import Testing
@testable import InfluxKit

/// Cutting a batch sorted by series into requests, and telling whether two requests may share
/// a series.
struct LineBatchPartsTests {
    /// A batch of `lines` (series key = the text before the first space), in input order.
    func batch(_ lines: [String]) -> LineBatch {
        var batch = LineBatch()
        for (index, text) in lines.enumerated() {
            let bytes = Array(text.utf8)
            let key = bytes.firstIndex(of: UInt8(ascii: " "))!
            batch.append(bytes[...], source: "in", line: index + 1, keyLength: key, timestamp: Int64(index), ownTimestamp: true)
        }
        return batch
    }

    /// The text of the lines of each part.
    func texts(_ batch: LineBatch, _ order: [Int], _ parts: [LineBatch.Part]) -> [[String]] {
        parts.map { part in order[part.range].map { batch.text(of: $0) } }
    }

    @Test func partsEndWhereASeriesEndsAndKeepTheInputOrderWithinASeries() {
        let lines = ["b v=1", "a v=2", "c v=3", "a v=4", "b v=5", "c v=6"]
        let batch = batch(lines)
        let order = batch.seriesOrder()
        let parts = batch.parts(of: order, maxLines: 4, maxBytes: 1 << 20)
        // Two parts of three lines each would cut series b; the cut moves to where b ends.
        #expect(texts(batch, order, parts) == [["a v=2", "a v=4", "b v=1", "b v=5"], ["c v=3", "c v=6"]])
        // The first part holds input lines 1 and 2 but not 3, the second the rest.
        #expect(parts.map(\.completes) == [1, 5])
    }

    /// Thousands of series (the numbering's table grows many times), keys that are prefixes of
    /// one another and keys of one length differing in one byte: the order is a stable sort by
    /// key bytes, computed here on its own.
    @Test func manySeriesComeOutStablySortedByKeyBytes() {
        var random = SeededGenerator(seed: 11)
        let keys = (0..<3000).map { "m,host=h\($0 % 1500),dc=d\($0 % 7)" } + ["m", "m,a=1", "m,a=2", "m,a=10"]
        let lineKeys = (0..<20000).map { _ in keys.randomElement(using: &random)! }
        let batch = batch(lineKeys.enumerated().map { "\($1) v=\($0)" })
        let keyBytes = lineKeys.map { Array($0.utf8) }
        let expected = keyBytes.indices.sorted { a, b in
            keyBytes[a] == keyBytes[b] ? a < b : keyBytes[a].lexicographicallyPrecedes(keyBytes[b])
        }
        #expect(batch.seriesOrder() == expected)
    }

    @Test func aSeriesLongerThanAPartIsCut() {
        let batch = batch((1...5).map { "a v=\($0)" } + ["b v=6"])
        let order = batch.seriesOrder()
        let parts = batch.parts(of: order, maxLines: 3, maxBytes: 1 << 20)
        #expect(texts(batch, order, parts) == [["a v=1", "a v=2", "a v=3"], ["a v=4", "a v=5", "b v=6"]])
        #expect(parts.map(\.completes) == [2, 5])
    }

    @Test func bytesCountAsWellAsLines() {
        let batch = batch(["a v=1", "b v=2", "c v=3", "d v=4"])
        let order = batch.seriesOrder()
        // 24 bytes with the line ends; at most 12 per part.
        let parts = batch.parts(of: order, maxLines: 100, maxBytes: 12)
        #expect(texts(batch, order, parts) == [["a v=1", "b v=2"], ["c v=3", "d v=4"]])
    }

    @Test func aPartThatAddsNothingToTheWrittenPrefixCompletesNothing() {
        let batch = batch(["b v=1", "a v=2", "b v=3"])
        let order = batch.seriesOrder()
        let parts = batch.parts(of: order, maxLines: 1, maxBytes: 1 << 20)
        #expect(texts(batch, order, parts) == [["a v=2"], ["b v=1"], ["b v=3"]])
        #expect(parts.map(\.completes) == [nil, 1, 2])
    }

    @Test func requestsShareASeriesWhenTheirKeyRangesOverlap() {
        func request(_ lines: [String]) -> LineBatch {
            let whole = batch(lines)
            let order = whole.seriesOrder()
            var request = LineBatch()
            request.take(whole, inOrder: order[...], last: nil)
            return request
        }
        let ab = request(["m,k=b v=1", "m,k=a v=2"])
        let cd = request(["m,k=d v=1", "m,k=c v=2"])
        let bc = request(["m,k=c v=1", "m,k=b v=2"])
        #expect(!ab.mayShareSeries(with: cd) && !cd.mayShareSeries(with: ab))
        #expect(ab.mayShareSeries(with: bc) && bc.mayShareSeries(with: cd))
        #expect(!ab.mayShareSeries(with: LineBatch()))
    }

    @Test func limitsAtTheEdgesOfIntStillCut() {
        let batch = batch(["b v=1", "a v=2"])
        let order = batch.seriesOrder()
        #expect(texts(batch, order, batch.parts(of: order, maxLines: .max, maxBytes: .max)) == [["a v=2", "b v=1"]])
        #expect(texts(batch, order, batch.parts(of: order, maxLines: 0, maxBytes: 0)) == [["a v=2"], ["b v=1"]])
    }
}
