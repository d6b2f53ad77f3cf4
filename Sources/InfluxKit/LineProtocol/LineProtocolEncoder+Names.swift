extension LineProtocolEncoder {
    /// The parts of a line that hold a name; each has its own escaping and rules.
    enum NameKind: Sendable {
        case measurement, tagKey, tagValue, fieldKey

        var label: String {
            switch self {
            case .measurement: return "measurement"
            case .tagKey: return "tag key"
            case .tagValue: return "tag value"
            case .fieldKey: return "field key"
            }
        }
    }

    /// Bit `b` set for the bytes below 64 that need a look: `\n`, `\r`, space, `"`, `,`, `=`.
    private static let attentionMask: UInt64 =
        1 << 0x0A | 1 << 0x0D | 1 << 0x20 | 1 << 0x22 | 1 << 0x2C | 1 << 0x3D

    @inline(__always)
    private static func needsAttention(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || (byte < 64 && attentionMask & (1 << UInt64(byte)) != 0)
    }

    /// Writes `name` escaped for `kind` (at most twice its length), or throws when it cannot be
    /// written faithfully (see the comment at the top of LineProtocolEncoder.swift).
    static func writeName(_ name: String, as kind: NameKind, to writer: inout ByteWriter) throws {
        // The usual case first: a plain name is copied as it is.
        let copied = name.withUTF8Buffer { utf8 in
            guard isPlain(utf8, as: kind) else { return false }
            writer.write(utf8)
            return true
        }
        if !copied { try writeChecked(name, as: kind, to: &writer) }
    }

    /// Whether `utf8` is a non-empty name that needs no escaping and breaks no rule for `kind`.
    @inline(__always)
    private static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>, as kind: NameKind) -> Bool {
        guard let first = utf8.first, first > UInt8(ascii: "#") else { return false }
        if kind == .tagKey || kind == .fieldKey, isTime(utf8) { return false }
        for byte in utf8 where needsAttention(byte) { return false }
        return true
    }

    /// The careful path of `writeName`: names that need escaping, or break a rule.
    private static func writeChecked(_ name: String, as kind: NameKind, to writer: inout ByteWriter) throws {
        let problem: String? = name.withUTF8Buffer { utf8 in
            guard let first = utf8.first else { return "is empty" }
            if kind == .measurement || kind == .fieldKey, first == UInt8(ascii: "\t") || first == 0 {
                return "starts with a tab or NUL byte, which the server strips"
            }
            if kind == .measurement, first == UInt8(ascii: "#") {
                return "starts with #, which makes the line a comment"
            }
            if kind == .tagKey || kind == .fieldKey, isTime(utf8) {
                return "is reserved by the server"
            }
            for byte in utf8 where needsAttention(byte) {
                return writeEscaped(utf8, as: kind, to: &writer)
            }
            writer.write(utf8)
            return nil
        }
        if let problem {
            throw InfluxError.invalidPoint(reason: "\(kind.label) \"\(name)\" \(problem)")
        }
    }

    @inline(__always)
    private static func isTime(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.count == 4 && utf8[0] == UInt8(ascii: "t") && utf8[1] == UInt8(ascii: "i")
            && utf8[2] == UInt8(ascii: "m") && utf8[3] == UInt8(ascii: "e")
    }

    /// The slow path of `writeName`: escapes byte by byte; returns a problem or `nil`.
    private static func writeEscaped(
        _ utf8: UnsafeBufferPointer<UInt8>, as kind: NameKind, to writer: inout ByteWriter
    ) -> String? {
        let backslashSensitive = kind == .measurement || kind == .fieldKey
        for index in utf8.indices {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return "contains a newline"
            case UInt8(ascii: "\\"):
                guard index + 1 < utf8.count else { return "ends with a backslash" }
                if backslashSensitive {
                    switch utf8[index + 1] {
                    case UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "="), UInt8(ascii: "\""):
                        return "has a backslash before , = space or \", which the server cannot store"
                    default: break
                    }
                }
            case UInt8(ascii: ","), UInt8(ascii: " "):
                writer.write(UInt8(ascii: "\\"))
            case UInt8(ascii: "="):
                if kind != .measurement { writer.write(UInt8(ascii: "\\")) }
            default:
                break
            }
            writer.write(byte)
        }
        return nil
    }
}
