import Testing
@testable import InfluxKit

struct GunzipTests {
    /// Decompresses `input` fed in pieces of `piece` bytes.
    func gunzip(_ input: [UInt8], piece: Int) throws -> [UInt8] {
        let gunzip = try Gunzip()
        var output: [UInt8] = []
        var offset = 0
        while offset < input.count {
            let end = min(offset + piece, input.count)
            try input[offset..<end].withUnsafeBytes { try gunzip.decompress($0) { output += $0 } }
            offset = end
        }
        try gunzip.finish()
        return output
    }

    @Test(arguments: [1, 7, 4096, 1 << 20])
    func roundTripsWhateverThePieceSize(piece: Int) throws {
        var generator = SeededGenerator(seed: 42)
        let text = (0..<20_000).map { _ in "cpu,host=h\(UInt8.random(in: 0...9, using: &generator)) v=\(Int.random(in: 0...999, using: &generator))\n" }.joined()
        let original = Array(text.utf8)
        #expect(try gunzip(CurlTransport.gzip(original), piece: piece) == original)
    }

    @Test func concatenatedMembersFollowEachOther() throws {
        let joined = try CurlTransport.gzip(Array("a v=1\n".utf8)) + CurlTransport.gzip(Array("b v=2\n".utf8))
        #expect(try gunzip(joined, piece: 5) == Array("a v=1\nb v=2\n".utf8))
    }

    @Test func truncatedInputIsAnError() throws {
        let compressed = try CurlTransport.gzip(Array(String(repeating: "x", count: 1000).utf8))
        #expect(throws: InfluxError.self) { try gunzip(Array(compressed.dropLast(4)), piece: 100) }
    }

    @Test func plainTextIsNotGzip() throws {
        #expect(throws: InfluxError.self) { try gunzip(Array("m v=1\n".utf8), piece: 100) }
        let magic: [UInt8] = [0x1f, 0x8b, 0x08]
        #expect(magic.withUnsafeBytes { Gunzip.hasMagic($0) })
        #expect(!Array("m v=1".utf8).withUnsafeBytes { Gunzip.hasMagic($0) })
    }
}
