/// Rewrites the timestamps of line protocol written in minutes or hours as seconds, for InfluxDB
/// 2.x, whose 1.x `/write` takes `precision=m` and `h` for nanoseconds (influxdata/influxdb#21625).
///
/// Only the timestamp of each valid line changes; a line without one, or one the server would
/// refuse anyway, is sent as it is (the server reports it).
enum SecondsRescaler {
    /// `body` (lines separated by `\n`) with every timestamp in `precision` rewritten in seconds.
    static func rescale(_ body: [UInt8], from precision: Precision) -> [UInt8] {
        let factor = precision.nanosecondsPerUnit / Precision.seconds.nanosecondsPerUnit
        guard factor > 1 else { return body }
        let validator = LineProtocolValidator(precision: precision)
        var out = [UInt8]()
        out.reserveCapacity(body.count + body.count / 8)
        body.withUnsafeBytes { bytes in
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                let (_, parts) = validator.examine(line)
                if let parts, let time = parts.timestamp {
                    let (seconds, overflow) = time.multipliedReportingOverflow(by: factor)
                    if overflow {
                        out += line
                    } else {
                        out += line[..<parts.fields.upperBound]
                        out.append(UInt8(ascii: " "))
                        out += String(seconds).utf8
                    }
                } else {
                    out += line
                }
                if end < bytes.count { out.append(UInt8(ascii: "\n")) }
                start = end + 1
            }
        }
        return out
    }
}
