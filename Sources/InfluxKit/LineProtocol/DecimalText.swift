/// Writes numbers as text into memory without making a `String` first: the same text as
/// `description`, written the fast way line-protocol encoding writes it (floats with up to four
/// decimals, the usual case, skip the general shortest-digits algorithm).
package enum DecimalText {
    /// The most bytes any of the `write` functions writes.
    package static let maximumLength = 32

    /// `number` rounded to one decimal, as C's `%.1f` writes it (`12.3`, `5.0`, `-0.5`), for
    /// durations and sizes in messages.
    package static func tenths(_ number: Double) -> String {
        let scaled = (number * 10).rounded()
        guard scaled.magnitude < 1e17 else { return number.description }
        let tenths = Int64(scaled)
        return (scaled < 0 ? "-" : "") + "\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    /// Writes `number` as `description` does (`2.0`, `0.1`, `1e+20`, `nan`) at `start` and
    /// returns the number of bytes written (at most ``maximumLength``).
    package static func write(_ number: Double, to start: UnsafeMutablePointer<UInt8>) -> Int {
        var writer = ByteWriter(start: start)
        if number.isFinite {
            LineProtocolEncoder.writeFloat(number, to: &writer)
        } else {
            writer.write(number.description)
        }
        return writer.count
    }

    /// Writes `number` in decimal at `start` and returns the number of bytes written.
    package static func write(_ number: Int64, to start: UnsafeMutablePointer<UInt8>) -> Int {
        var writer = ByteWriter(start: start)
        writer.writeDecimal(number)
        return writer.count
    }

    /// Writes `number` in decimal at `start` and returns the number of bytes written.
    package static func write(_ number: UInt64, to start: UnsafeMutablePointer<UInt8>) -> Int {
        var writer = ByteWriter(start: start)
        writer.writeDecimal(number)
        return writer.count
    }
}
