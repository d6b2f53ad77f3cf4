import InfluxKit
/// What the first lines of a line-protocol input say about its database: whether a
/// `# CONTEXT-DATABASE:` line (the `influx -import` format) names one before the first point.
enum ImportHeader {
    /// `true` when `bytes` (the start of an input) name a database before their first point,
    /// `false` when a point comes first, `nil` when they hold no point (the answer comes later).
    /// Lines of a `# DDL` section are statements, not points.
    static func namesDatabase(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        var inDDL = false
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let text = String(decoding: line, as: UTF8.self).trimmingWhitespace()
            if text.hasPrefix("#") {
                if text.hasPrefix("# DDL") { inDDL = true }
                if text.hasPrefix("# DML") { inDDL = false }
                if text.hasPrefix("# CONTEXT-DATABASE:") { return true }
            } else if !text.isEmpty && !inDDL {
                return false
            }
        }
        return nil
    }
}
