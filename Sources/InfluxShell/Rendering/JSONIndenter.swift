import InfluxKit

/// Indents compact JSON text as it streams through, piece by piece: a line for each member and
/// element, four spaces a level, `": "` between a key and its value, empty arrays and objects
/// kept as `[]` and `{}` (the layout of Go's `json.MarshalIndent`, which the `influx` shell's
/// `-pretty` uses).
struct JSONIndenter {
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// A `[` or `{` whose line break waits for the next character: none when it closes at once.
    private var opening: UInt8?

    /// Indents the next piece of the text into `out`.
    mutating func indent(_ bytes: [UInt8], into out: inout OutputBuffer) {
        for byte in bytes {
            if inString {
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            if let open = opening {
                opening = nil
                out.append(open)
                if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    out.append(byte)
                    continue
                }
                depth += 1
                newLine(into: &out)
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                out.append(byte)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                opening = byte
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                newLine(into: &out)
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newLine(into: &out)
            case UInt8(ascii: ":"):
                out.append(": ")
            default:
                out.append(byte)
            }
        }
    }

    private func newLine(into out: inout OutputBuffer) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 4) { out.append(UInt8(ascii: " ")) }
    }
}
