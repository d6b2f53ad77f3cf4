/// Appends numbers as text to byte arrays without making a `String` first: the same text as
/// `description`, written the fast way line-protocol encoding writes it (floats with up to four
/// decimals, the usual case, skip the general shortest-digits algorithm).
public enum DecimalText {
    /// Appends `number` as `description` writes it (`2.0`, `0.1`, `1e+20`, `nan`).
    public static func append(_ number: Double, to bytes: inout [UInt8]) {
        guard number.isFinite else {
            bytes += number.description.utf8
            return
        }
        write(to: &bytes) { LineProtocolEncoder.writeFloat(number, to: &$0) }
    }

    /// Appends `number` in decimal.
    public static func append(_ number: Int64, to bytes: inout [UInt8]) {
        write(to: &bytes) { $0.writeDecimal(number) }
    }

    /// Appends `number` in decimal.
    public static func append(_ number: UInt64, to bytes: inout [UInt8]) {
        write(to: &bytes) { $0.writeDecimal(number) }
    }

    /// Runs `body` on a writer over 32 bytes of stack memory (more than any number takes) and
    /// appends what it wrote.
    @inline(__always)
    private static func write(to bytes: inout [UInt8], _ body: (inout ByteWriter) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var writer = ByteWriter(start: buffer.baseAddress!)
            body(&writer)
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress, count: writer.count))
        }
    }
}
