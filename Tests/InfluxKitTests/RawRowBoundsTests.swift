import InfluxKit
import Testing

/// The public raw row types check their indexes in every build: an `UnsafeBufferPointer`
/// checks its bounds in debug builds only, so without these checks an out-of-range index read
/// other memory in release builds (`swift test -c release` shows the difference).
@Suite struct RawRowBoundsTests {
    /// Decodes `oneRow(["1", "2"])` and runs `body` on its one result.
    private static func withResult(_ body: (RawResultSet) -> Void) throws {
        var decoder = QueryResponseDecoder()
        try Array(oneRow(["1", "2"]).utf8).withUnsafeBytes { bytes in
            try decoder.feedRaw(bytes) { body($0) }
        }
    }

    @Test func inRangeIndexesRead() throws {
        var texts: [String] = []
        try Self.withResult { result in
            let row = result.rows(ofSeriesAt: 0)[0]
            texts = row.indices.map { String(decoding: row[$0].text, as: UTF8.self) }
        }
        #expect(texts == ["1", "2"])
    }

    @Test func aValueBeyondTheRowTraps() async {
        await #expect(processExitsWith: .failure) {
            try Self.withResult { result in
                let row = result.rows(ofSeriesAt: 0)[0]
                _ = row[row.count]
            }
        }
    }

    @Test func aRowBeyondTheSeriesTraps() async {
        await #expect(processExitsWith: .failure) {
            try Self.withResult { result in _ = result.rows(ofSeriesAt: 0)[1] }
        }
    }

    @Test func aSeriesBeyondTheResultTraps() async {
        await #expect(processExitsWith: .failure) {
            try Self.withResult { result in _ = result.rows(ofSeriesAt: 1) }
        }
    }
}
