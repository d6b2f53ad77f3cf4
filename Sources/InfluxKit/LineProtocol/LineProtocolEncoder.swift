// What influxd 1.6.7 does with names, measured by writing lines over HTTP and reading them back
// with SHOW MEASUREMENTS / SHOW TAG KEYS / SHOW TAG VALUES / SHOW FIELD KEYS / SELECT:
//
// - The scanner treats the byte after ANY backslash as escaped, but the unescaping afterwards
//   only removes a backslash in front of specific bytes, and which bytes depends on the element:
//     measurement: `\,` `\ ` `\=` `\"`      tag key, tag value: `\,` `\ ` `\=`
//     field key:   `\,` `\ ` `\=` `\"`      string value: `\\` `\"`
//   Any other backslash stays literally (`a\b` is stored as `a\b`).
// - So a name ending in a backslash cannot be written (the backslash would escape the separator
//   after it): refused for every element.
// - Measurements: a literal backslash before `,`, space, `=` or `"` is lost or breaks the point
//   (`a\=b` is stored as `a=b`; `a\,b` is stored under a name SELECT cannot find). Refused.
// - Field keys: the field scanner skips escape PAIRS, so a literal backslash before `,`, space or
//   `=` turns the escape into `\\` and the separator becomes real (400), and `\"` loses its
//   backslash. Refused, like measurements (an even run of backslashes before `,` would in fact
//   survive; refusing every case keeps the rule simple).
// - Tag keys and values round-trip every other backslash combination (`a\,b` written as `a\\,b`
//   comes back as `a\,b`), so only the trailing backslash is refused there.
// - A measurement starting with `#` makes the line a comment: 204, nothing stored. Refused.
// - Leading spaces, tabs and NUL bytes before the measurement and before the first field key are
//   skipped by the server. A space can be escaped; a tab or NUL cannot: refused at the start of a
//   measurement or field key.
// - A newline ends the line even after a backslash. `\n` and `\r` are refused in every name;
//   string field values may hold them (inside quotes they are kept).
// - A field named `time` is silently dropped when the point has other fields (204) and fails the
//   point otherwise; a tag key `time` fails the point. Both refused.
// - The series key (measurement and tags, escaped) may be 65535 bytes, and for every field the
//   key plus 4 plus the escaped field key may be 65535 bytes too ("max key length exceeded").
// - Empty tag values cannot be expressed; such tags are dropped, as the server's clients do.
// - Floats: `1e+20`, `1e-05`, `5e-324`, `1.7976931348623157e+308` are accepted; a whole float
//   written `2.0` (or `2`) stays a float. `nan`/`inf` are refused by the server.
// - Unsigned `u` values are refused by a 1.x server unless it was built with uint support; they
//   are encoded anyway so a server that has it can take them.

/// Encodes points as InfluxDB 1.x line protocol into a reusable byte buffer.
///
/// Measurement names escape `,` and space; tag keys, tag values and field keys escape `,`, `=`
/// and space; string field values escape `"` and `\`. Integers get an `i` suffix, unsigned
/// integers `u`, floats their shortest round-tripping form, booleans `true`/`false`. Tags and
/// fields are sorted by the UTF-8 bytes of their keys. Tags with an empty key or value are
/// dropped. Fields whose float value is NaN or infinite are dropped and counted in
/// ``droppedFieldCount``.
///
/// A point that the server would store differently from what it says, or refuse, is never
/// written: ``append(_:globalTags:)`` throws `InfluxError.invalidPoint` with the reason and
/// leaves the buffer as it was. See the comment at the top of this file for the rules and why.
public struct LineProtocolEncoder: Sendable {
    /// The unit the timestamps are written in; send it as the write's `precision=`.
    public let precision: Precision
    /// The encoded lines, each ending in `\n`.
    public private(set) var bytes: [UInt8] = []
    /// How many points ``bytes`` holds.
    public private(set) var pointCount = 0
    /// How many NaN or infinite float fields were left out of the points in ``bytes``.
    public private(set) var droppedFieldCount = 0

    /// The largest series key the server accepts, in bytes.
    static let maxKeyLength = 65_535

    /// Creates an empty encoder writing times in `precision` units.
    public init(precision: Precision = .nanoseconds) {
        self.precision = precision
    }

    /// Empties the buffer and resets ``pointCount`` and ``droppedFieldCount``.
    public mutating func removeAll(keepingCapacity: Bool = true) {
        bytes.removeAll(keepingCapacity: keepingCapacity)
        pointCount = 0
        droppedFieldCount = 0
    }

    /// Appends one point as a line ending in `\n`.
    ///
    /// `globalTags` are merged under the point's tags: a key the point has keeps the point's
    /// value (and an empty point value then drops the tag). Times that fall between two units of
    /// ``precision`` are floored (see ``Point/Time/value(in:)``).
    /// Throws `InfluxError.invalidPoint` and leaves ``bytes`` unchanged when the point cannot be
    /// written faithfully.
    public mutating func append(_ point: Point, globalTags: [String: String] = [:]) throws {
        // The tags and fields are sorted as small records in stack memory.
        try withUnsafeTemporaryAllocation(of: TagSlot.self, capacity: point.tags.count + globalTags.count) { tagSlots in
            try withUnsafeTemporaryAllocation(of: FieldSlot.self, capacity: point.fields.count) { fieldSlots in
                try append(point, globalTags: globalTags, tagSlots: tagSlots, fieldSlots: fieldSlots)
            }
        }
    }

    private typealias TagSlot = SortSlot<[String: String].Index>
    private typealias FieldSlot = SortSlot<[String: FieldValue].Index>

    private mutating func append(
        _ point: Point, globalTags: [String: String],
        tagSlots: UnsafeMutableBufferPointer<TagSlot>, fieldSlots: UnsafeMutableBufferPointer<FieldSlot>
    ) throws {
        var size = 0
        let tags = Self.collectTags(point.tags, globalTags: globalTags, into: tagSlots, size: &size)
        var dropped = 0
        let fields = Self.collectFields(point.fields, into: fieldSlots, size: &size, dropped: &dropped)
        guard !fields.isEmpty else {
            throw InfluxError.invalidPoint(
                reason: dropped > 0 ? "no field left after dropping NaN and infinite values" : "point has no fields")
        }
        let time = try point.time.map { try $0.value(in: precision) }

        // Room for the worst case (every byte escaped), written through a pointer, then trimmed.
        size += 2 * point.measurement.utf8.count + 22
        let start = bytes.count
        bytes.appendZeroes(size)
        do {
            let written = try bytes.withUnsafeMutableBufferPointer { buffer in
                var writer = ByteWriter(start: buffer.baseAddress! + start)
                try Self.write(point, globalTags: globalTags, tags: tags, fields: fields, time: time, to: &writer)
                writer.write(UInt8(ascii: "\n"))
                return writer.count
            }
            bytes.removeLast(size - written)
        } catch {
            bytes.removeLast(size)
            throw error
        }
        pointCount += 1
        droppedFieldCount += dropped
    }

    /// Writes one line of `point` (with the tags and fields already sorted into slots).
    private static func write(
        _ point: Point, globalTags: [String: String], tags: UnsafeMutableBufferPointer<TagSlot>,
        fields: UnsafeMutableBufferPointer<FieldSlot>, time: Int64?, to writer: inout ByteWriter
    ) throws {
        try writeName(point.measurement, as: .measurement, to: &writer)
        for slot in tags {
            let tag = slot.isGlobal ? globalTags[slot.index] : point.tags[slot.index]
            writer.write(UInt8(ascii: ","))
            try writeName(tag.key, as: .tagKey, to: &writer)
            writer.write(UInt8(ascii: "="))
            try writeName(tag.value, as: .tagValue, to: &writer)
        }
        let keyLength = writer.count
        guard keyLength <= maxKeyLength else {
            throw InfluxError.invalidPoint(
                reason: "series key is \(keyLength) bytes, more than the server's \(maxKeyLength)")
        }

        var separator = UInt8(ascii: " ")
        for slot in fields {
            let field = point.fields[slot.index]
            writer.write(separator)
            separator = UInt8(ascii: ",")
            let keyStart = writer.count
            try writeName(field.key, as: .fieldKey, to: &writer)
            let total = keyLength + 4 + (writer.count - keyStart)
            guard total <= maxKeyLength else {
                throw InfluxError.invalidPoint(
                    reason: "series key with field \"\(field.key)\" is \(total) bytes, "
                        + "more than the server's \(maxKeyLength)")
            }
            writer.write(UInt8(ascii: "="))
            writeValue(field.value, to: &writer)
        }

        if let time {
            writer.write(UInt8(ascii: " "))
            writer.writeDecimal(time)
        }
    }

    /// Puts the merged, non-empty tags into `slots` sorted by key, adds the most bytes they
    /// can take to `size`, and returns the filled part.
    private static func collectTags(
        _ tags: [String: String], globalTags: [String: String], into slots: UnsafeMutableBufferPointer<TagSlot>,
        size: inout Int
    ) -> UnsafeMutableBufferPointer<TagSlot> {
        var count = 0
        if !globalTags.isEmpty {
            for index in globalTags.indices {
                let (key, value) = globalTags[index]
                if !key.isEmpty && !value.isEmpty && tags[key] == nil {
                    slots[count] = SortSlot(key: key, index: index, isGlobal: true)
                    count += 1
                    size += 2 + 2 * (key.utf8.count + value.utf8.count)
                }
            }
        }
        for index in tags.indices {
            let (key, value) = tags[index]
            if !key.isEmpty && !value.isEmpty {
                slots[count] = SortSlot(key: key, index: index, isGlobal: false)
                count += 1
                size += 2 + 2 * (key.utf8.count + value.utf8.count)
            }
        }
        let filled = UnsafeMutableBufferPointer(rebasing: slots[..<count])
        sort(filled) { $0.isGlobal ? globalTags[$0.index].key : tags[$0.index].key }
        return filled
    }

    /// Puts the writable fields into `slots` sorted by key, adds the most bytes they can take to
    /// `size` and the number of NaN or infinite ones to `dropped`, and returns the filled part.
    private static func collectFields(
        _ fields: [String: FieldValue], into slots: UnsafeMutableBufferPointer<FieldSlot>,
        size: inout Int, dropped: inout Int
    ) -> UnsafeMutableBufferPointer<FieldSlot> {
        var count = 0
        for index in fields.indices {
            let (key, value) = fields[index]
            if case let .float(number) = value, !number.isFinite {
                dropped += 1
            } else {
                slots[count] = SortSlot(key: key, index: index, isGlobal: false)
                count += 1
                size += 2 + 2 * key.utf8.count + maxSize(of: value)
            }
        }
        let filled = UnsafeMutableBufferPointer(rebasing: slots[..<count])
        sort(filled) { fields[$0.index].key }
        return filled
    }
}
