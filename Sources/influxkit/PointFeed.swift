import InfluxKit

/// Points converted from an input that is not line protocol (JSON, CSV), encoded as line
/// protocol and handed to the writer about a MiB at a time; each point that cannot be encoded
/// is reported on the rejection sink and counted.
struct PointFeed {
    private let writer: LineProtocolWriter
    private let rejections: RejectionSink
    private var encoder: LineProtocolEncoder
    /// How many points were refused.
    private(set) var refused = 0

    init(writer: LineProtocolWriter, precision: Precision, rejections: RejectionSink) {
        self.writer = writer
        self.rejections = rejections
        encoder = LineProtocolEncoder(precision: precision)
    }

    /// Encodes `converted`, or reports its error with the message `describe` makes of it.
    mutating func take(_ converted: Result<Point, InfluxError>, describe: (InfluxError) -> String) throws {
        do {
            try encoder.append(converted.get())
        } catch let error as InfluxError {
            refused += 1
            rejections.line(describe(error))
        }
        if encoder.bytes.count >= 1 << 20 { try send() }
    }

    /// Hands what is encoded to the writer.
    mutating func send() throws {
        try encoder.bytes.withUnsafeBytes { try writer.append($0) }
        encoder.removeAll()
    }

    /// The reason of a point's error, without the `invalid point:` prefix.
    static func reason(_ error: InfluxError) -> String {
        if error.code == .invalidPoint { return error.message }
        return "\(error)"
    }
}
