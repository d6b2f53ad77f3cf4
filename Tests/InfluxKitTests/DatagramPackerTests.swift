import Testing
@testable import InfluxKit

@Suite struct DatagramPackerTests {
    /// Packs `lines` with `limit` and returns the datagrams as text, and the refused lines.
    private func pack(_ lines: [String], limit: Int) -> (datagrams: [String], refused: [String]) {
        var packer = DatagramPacker(limit: limit)
        var refused: [String] = []
        var datagrams: [[UInt8]] = []
        for line in lines {
            if !packer.add(Array(line.utf8)) { refused.append(line) }
            datagrams += packer.take()
        }
        datagrams += packer.take(flush: true)
        return (datagrams.map { String(decoding: $0, as: UTF8.self) }, refused)
    }

    @Test func linesShareADatagramUpToTheLimitInclusive() {
        // "aaaa\nbbbb" is exactly 9 bytes.
        let packed = pack(["aaaa", "bbbb", "cccc"], limit: 9)
        #expect(packed.datagrams == ["aaaa\nbbbb", "cccc"])
        #expect(packed.refused.isEmpty)
    }

    @Test func aLineOfExactlyTheLimitFitsAlone() {
        let packed = pack(["ab", "cdefg", "h"], limit: 5)
        #expect(packed.datagrams == ["ab", "cdefg", "h"])
    }

    @Test func aLineLongerThanTheLimitIsRefusedAndTheOthersAreKept() {
        let packed = pack(["a", "toolong", "b", "c"], limit: 3)
        #expect(packed.datagrams == ["a\nb", "c"])
        #expect(packed.refused == ["toolong"])
    }

    @Test func emptyLinesAreSkipped() {
        let packed = pack(["", "a", "", "b"], limit: 100)
        #expect(packed.datagrams == ["a\nb"])
    }

    @Test(arguments: [1, 2, 7, 64, 1000])
    func noDatagramExceedsTheLimitAndEveryLineArrivesOnceInOrder(limit: Int) {
        var generator = SeededGenerator(seed: UInt64(limit))
        let lines = (0..<500).map { index in
            "m\(index) v=" + String(repeating: "x", count: Int.random(in: 0...80, using: &generator))
        }
        let packed = pack(lines, limit: limit)
        #expect(packed.datagrams.allSatisfy { $0.utf8.count <= limit })
        let arrived = packed.datagrams.flatMap { $0.split(separator: "\n").map(String.init) }
        #expect(arrived == lines.filter { $0.utf8.count <= limit })
        #expect(packed.refused == lines.filter { $0.utf8.count > limit })
    }
}
