extension LineProtocolEncoder {
    /// Appends `name` escaped for `kind` to `bytes`, or throws `.invalidPoint` (leaving `bytes`
    /// as it was) when the name cannot be written faithfully.
    static func append(_ name: String, as kind: NameKind, to bytes: inout [UInt8]) throws {
        let room = 2 * name.utf8.count + 1
        let start = bytes.count
        bytes.appendZeroes(room)
        do {
            let written = try bytes.withUnsafeMutableBufferPointer { buffer in
                var writer = ByteWriter(start: buffer.baseAddress! + start)
                try writeName(name, as: kind, to: &writer)
                return writer.count
            }
            bytes.removeLast(room - written)
        } catch {
            bytes.removeLast(room)
            throw error
        }
    }

    /// Appends `text` as a string field value, `"…"` with `"` and `\` escaped, to `bytes`.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        let room = 2 * text.utf8.count + 2
        let start = bytes.count
        bytes.appendZeroes(room)
        let written = bytes.withUnsafeMutableBufferPointer { buffer in
            var writer = ByteWriter(start: buffer.baseAddress! + start)
            writeQuoted(text, to: &writer)
            return writer.count
        }
        bytes.removeLast(room - written)
    }
}
