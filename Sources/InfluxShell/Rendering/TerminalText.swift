import Glibc

/// Text for a terminal with its control characters made visible, so that data or a server's
/// message cannot retitle the terminal, clear the screen or rewrite what was printed before:
/// `ESC` shows as `\x1b`, a C1 control such as U+009B (a one-character `CSI`) as `\u{9b}`,
/// DEL as `\x7f`, a tab, carriage return or line break as `\t`, `\r`, `\n`.
///
/// Only the human formats (column, table, vertical) and messages on a terminal are escaped;
/// csv, json, jsonl and line protocol keep their bytes exact.
public enum TerminalText {
    /// `text` with every control character escaped; with `keepingLineBreaks`, line breaks and
    /// tabs stay as they are (for messages of several lines). The same string when there is
    /// nothing to escape.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard needsEscaping(text.utf8, keepingLineBreaks: keepingLineBreaks) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingLineBreaks, 0x09 where keepingLineBreaks: out.unicodeScalars.append(scalar)
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0..<0x20, 0x7F: out += "\\x" + hex(scalar.value)
            case 0x80..<0xA0: out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` escaped when `descriptor` is a terminal, as it is otherwise.
    public static func escaped(_ text: String, for descriptor: Int32, keepingLineBreaks: Bool = true) -> String {
        isatty(descriptor) == 1 ? escaped(text, keepingLineBreaks: keepingLineBreaks) : text
    }

    /// Whether `utf8` holds a C0 control, DEL or a C1 control (`C2 80`…`C2 9F` in UTF-8).
    @inline(__always)
    static func needsEscaping(_ utf8: some Sequence<UInt8>, keepingLineBreaks: Bool) -> Bool {
        var afterC2 = false
        for byte in utf8 {
            if byte < 0x20 {
                if !(keepingLineBreaks && (byte == 0x0A || byte == 0x09)) { return true }
            } else if byte == 0x7F || (afterC2 && byte < 0xA0 && byte >= 0x80) {
                return true
            }
            afterC2 = byte == 0xC2
        }
        return false
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}
