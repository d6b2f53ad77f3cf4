@testable import InfluxShell
import Testing

@Suite struct ValueTextWidthTests {
    /// The width is the number of Unicode scalars, for strings of every length and mix.
    @Test func widthCountsUnicodeScalars() {
        let pool: [Unicode.Scalar] = ["a", " ", "\u{7F}", "é", "€", "\u{FFFD}", "😀", "\u{10FFFF}", "\u{301}", "中"]
        var generator = SeededGenerator(seed: 11)
        for length in 0..<60 {
            for _ in 0..<20 {
                var text = ""
                for _ in 0..<length { text.unicodeScalars.append(pool.randomElement(using: &generator)!) }
                #expect(ValueText.width(text) == text.unicodeScalars.count, "\(text)")
            }
        }
    }
}
