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
//   backslash. Refused, like measurements.
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

    private var tagScratch: [(key: String, value: String)] = []
    private var fieldScratch: [(key: String, value: FieldValue)] = []

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
        let start = bytes.count
        do {
            let dropped = try encode(point, globalTags: globalTags)
            bytes.append(UInt8(ascii: "\n"))
            pointCount += 1
            droppedFieldCount += dropped
        } catch {
            bytes.removeLast(bytes.count - start)
            throw error
        }
    }

    /// Writes the point without its newline and returns how many fields it dropped.
    private mutating func encode(_ point: Point, globalTags: [String: String]) throws -> Int {
        let start = bytes.count
        try Self.appendName(point.measurement, as: .measurement, to: &bytes)

        collectTags(point.tags, globalTags: globalTags)
        for tag in tagScratch {
            bytes.append(UInt8(ascii: ","))
            try Self.appendName(tag.key, as: .tagKey, to: &bytes)
            bytes.append(UInt8(ascii: "="))
            try Self.appendName(tag.value, as: .tagValue, to: &bytes)
        }
        let keyLength = bytes.count - start
        guard keyLength <= Self.maxKeyLength else {
            throw InfluxError.invalidPoint(
                reason: "series key is \(keyLength) bytes, more than the server's \(Self.maxKeyLength)")
        }

        let dropped = collectFields(point.fields)
        guard !fieldScratch.isEmpty else {
            throw InfluxError.invalidPoint(
                reason: dropped > 0 ? "no field left after dropping NaN and infinite values" : "point has no fields")
        }
        var separator = UInt8(ascii: " ")
        for field in fieldScratch {
            bytes.append(separator)
            separator = UInt8(ascii: ",")
            let keyStart = bytes.count
            try Self.appendName(field.key, as: .fieldKey, to: &bytes)
            let total = keyLength + 4 + (bytes.count - keyStart)
            guard total <= Self.maxKeyLength else {
                throw InfluxError.invalidPoint(
                    reason: "series key with field \"\(field.key)\" is \(total) bytes, more than the server's \(Self.maxKeyLength)")
            }
            bytes.append(UInt8(ascii: "="))
            Self.appendValue(field.value, to: &bytes)
        }

        if let time = point.time {
            bytes.append(UInt8(ascii: " "))
            Self.appendDecimal(try time.value(in: precision), to: &bytes)
        }
        return dropped
    }

    /// Fills `tagScratch` with the merged, non-empty tags sorted by key.
    private mutating func collectTags(_ tags: [String: String], globalTags: [String: String]) {
        tagScratch.removeAll(keepingCapacity: true)
        for (key, value) in globalTags where tags[key] == nil && !key.isEmpty && !value.isEmpty {
            tagScratch.append((key, value))
        }
        for (key, value) in tags where !key.isEmpty && !value.isEmpty {
            tagScratch.append((key, value))
        }
        Self.sortByKey(&tagScratch)
    }

    /// Fills `fieldScratch` with the writable fields sorted by key; returns how many were dropped.
    private mutating func collectFields(_ fields: [String: FieldValue]) -> Int {
        fieldScratch.removeAll(keepingCapacity: true)
        var dropped = 0
        for (key, value) in fields {
            if case let .float(number) = value, !number.isFinite {
                dropped += 1
            } else {
                fieldScratch.append((key, value))
            }
        }
        Self.sortByKey(&fieldScratch)
        return dropped
    }
}

// MARK: - Names

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

    /// Appends `name` escaped for `kind`, or throws when it cannot be written faithfully.
    static func appendName(_ name: String, as kind: NameKind, to bytes: inout [UInt8]) throws {
        let problem: String? = name.withUTF8Buffer { utf8 in
            if let first = utf8.first {
                if kind == .measurement || kind == .fieldKey, first == UInt8(ascii: "\t") || first == 0 {
                    return "starts with a tab or NUL byte, which the server strips"
                }
                if kind == .measurement, first == UInt8(ascii: "#") {
                    return "starts with #, which makes the line a comment"
                }
            } else {
                return "is empty"
            }
            var clean = true
            for byte in utf8 where needsAttention(byte) {
                clean = false
                break
            }
            if clean {
                bytes.append(contentsOf: utf8)
                return nil
            }
            return appendEscaped(utf8, as: kind, to: &bytes)
        }
        if let problem {
            throw InfluxError.invalidPoint(reason: "\(kind.label) \"\(name)\" \(problem)")
        }
        if kind == .tagKey || kind == .fieldKey, name == "time" {
            throw InfluxError.invalidPoint(reason: "\(kind.label) \"time\" is reserved by the server")
        }
    }

    /// The slow path of `appendName`: escapes byte by byte; returns a problem or `nil`.
    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, as kind: NameKind, to bytes: inout [UInt8]) -> String? {
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
                bytes.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "="):
                if kind != .measurement { bytes.append(UInt8(ascii: "\\")) }
            default:
                break
            }
            bytes.append(byte)
        }
        return nil
    }
}

// MARK: - Values

extension LineProtocolEncoder {
    static func appendValue(_ value: FieldValue, to bytes: inout [UInt8]) {
        switch value {
        case let .float(number):
            appendFloat(number, to: &bytes)
        case let .integer(number):
            appendDecimal(number, to: &bytes)
            bytes.append(UInt8(ascii: "i"))
        case let .unsigned(number):
            appendDecimal(number, to: &bytes)
            bytes.append(UInt8(ascii: "u"))
        case let .string(text):
            appendQuoted(text, to: &bytes)
        case let .boolean(flag):
            if flag {
                bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])  // true
            } else {
                bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])  // false
            }
        }
    }

    /// Appends a finite float in the shortest form that reads back as the same `Double`:
    /// the same text as `description` (`2.0`, `0.1`, `1e+20`, `5e-324`).
    static func appendFloat(_ number: Double, to bytes: inout [UInt8]) {
        if number == number.rounded(.towardZero), abs(number) < 1e15 {
            if number.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            appendDecimal(UInt64(abs(number)), to: &bytes)
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0"))
        } else {
            bytes.append(contentsOf: number.description.utf8)
        }
    }

    /// Appends `"text"` with `"` and `\` escaped.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8Buffer { utf8 in
            var runStart = 0
            for index in utf8.indices where utf8[index] == UInt8(ascii: "\"") || utf8[index] == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                bytes.append(UInt8(ascii: "\\"))
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    static func appendDecimal(_ number: Int64, to bytes: inout [UInt8]) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(number.magnitude, to: &bytes)
    }

    static func appendDecimal(_ number: UInt64, to bytes: inout [UInt8]) {
        if number < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var index = digits.count
            var rest = number
            while rest > 0 {
                index -= 1
                digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index...]))
        }
    }
}

// MARK: - Sorting

extension LineProtocolEncoder {
    /// Sorts by the UTF-8 bytes of the keys: insertion sort for the usual handful.
    static func sortByKey<Value>(_ pairs: inout [(key: String, value: Value)]) {
        guard pairs.count > 1 else { return }
        guard pairs.count <= 16 else {
            pairs.sort { utf8Precedes($0.key, $1.key) }
            return
        }
        for index in 1..<pairs.count {
            var position = index
            while position > 0, utf8Precedes(pairs[position].key, pairs[position - 1].key) {
                pairs.swapAt(position, position - 1)
                position -= 1
            }
        }
    }

    /// Byte-wise comparison of UTF-8 (String's own `<` compares canonical equivalents).
    static func utf8Precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.withUTF8Buffer { left in
            rhs.withUTF8Buffer { right in
                let common = min(left.count, right.count)
                for index in 0..<common where left[index] != right[index] {
                    return left[index] < right[index]
                }
                return left.count < right.count
            }
        }
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes, copying only when they are not contiguous.
    @inline(__always)
    func withUTF8Buffer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) {
            return result
        }
        var copy = self
        copy.makeContiguousUTF8()
        return try copy.utf8.withContiguousStorageIfAvailable(body)!
    }
}
