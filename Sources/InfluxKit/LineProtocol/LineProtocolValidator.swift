/// Checks one line of line protocol the way an InfluxDB 1.x server (1.6/1.7, default settings)
/// will, so a bad line can be reported with its line number before anything is sent.
///
/// The checks follow the server's scanner step by step, with its quirks: any byte after a
/// backslash is escaped in names; a field value starting with a digit, `.`, `-`, `N` or `n` is a
/// number, one starting with `"` a string and anything else a boolean (`t`, `T`, `true`, `True`,
/// `TRUE`, `f`, `F`, `false`, `False`, `FALSE`); an `i` suffix makes an integer (range-checked),
/// a `u` suffix is refused (1.x servers have no unsigned support by default); leading zeros and
/// forms like `5.`, `.5`, `1e5` are fine, while `1.2.3`, `1i2`, `+1`, `NaN` and `inf` are not;
/// the optional timestamp is a plain integer in the given precision and must land within
/// ``Point/Time/minNanoseconds`` ... ``Point/Time/maxNanoseconds``.
///
/// Beyond the parser it also refuses what the server refuses when storing the point: a tag key
/// `time`, a point whose only fields are named `time` (a `time` field next to others is dropped
/// by the server and accepted here), one key used for fields of different types (`field type
/// conflict`), and invalid UTF-8 in a measurement or field key (the server answers 500).
/// A field key repeated with the same type is accepted: the server keeps the last value.
///
/// Deliberately stricter than the server in two cases it answers with 204 but stores data that
/// cannot be read back: a field key ending in a backslash, and a measurement with a backslash
/// right before an escaped `,`, space, `=` or `"` (such as `cpu\\,x`).
///
/// Reasons are short, lower-case, and mostly the server's own words (`missing fields`,
/// `invalid number`, `unbalanced quotes`, `time outside range` …); callers add the line number.
public struct LineProtocolValidator: Sendable {
    /// The unit of the lines' timestamps (the write's `precision=`).
    public var precision: Precision

    /// Creates a validator for lines whose timestamps are in `precision` units.
    public init(precision: Precision = .nanoseconds) {
        self.precision = precision
    }

    /// Why the server would refuse `line`, or `nil` when it is valid.
    ///
    /// `line` is one record without its line terminator, as cut by ``LineProtocolSplitter``.
    public func problem(in line: UnsafeRawBufferPointer) -> String? {
        inspect(line).problem
    }

    /// Checks `line` once: why the server would refuse it (`nil` when valid), and whether a
    /// valid line ends with a timestamp.
    public func inspect(_ line: UnsafeRawBufferPointer) -> (problem: String?, hasTimestamp: Bool) {
        let (problem, parts) = examine(line)
        return (problem, parts?.timestamp != nil)
    }

    /// Where the parts of a valid line are, for the write pipeline's checks beyond the line.
    struct Parts {
        /// The measurement, as written (escapes included).
        var measurement: Range<Int>
        /// The series key (measurement and tags), as written.
        var seriesKey: Range<Int>
        /// The fields, as written; walk them with ``FieldWalker``.
        var fields: Range<Int>
        /// The timestamp in the validator's precision; `nil` when the line has none.
        var timestamp: Int64?
        /// A hash of the field keys (as written) and their types, in order: lines with the same
        /// signature have, but for a 2⁻⁶⁴ chance, the same fields of the same types.
        var fieldSignature: UInt64
    }

    /// Checks `line` once, as ``inspect(_:)`` does, and tells where the parts of a valid line are.
    func examine(_ line: UnsafeRawBufferPointer) -> (problem: String?, parts: Parts?) {
        var checker = LineChecker(line: line, nanosecondsPerUnit: precision.nanosecondsPerUnit)
        do {
            try checker.check()
            let parts = Parts(
                measurement: checker.keyStart..<checker.measurementEnd, seriesKey: checker.keyStart..<checker.keyEnd,
                fields: checker.fieldsStart..<checker.fieldsEnd, timestamp: checker.timestamp,
                fieldSignature: checker.fieldSignature)
            return (nil, parts)
        } catch {
            return (error.reason, nil)
        }
    }

    /// Why the server would refuse `line`, or `nil` when it is valid.
    public func problem(in line: some Sequence<UInt8>) -> String? {
        if let result = line.withContiguousStorageIfAvailable({ problem(in: UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(line).withUnsafeBytes { problem(in: $0) }
    }

    /// Why the server would refuse `line`, or `nil` when it is valid.
    public func problem(in line: String) -> String? {
        line.withUTF8Buffer { problem(in: UnsafeRawBufferPointer($0)) }
    }

    /// Whether `line`, a valid line, ends with a timestamp (without one, the server stamps the
    /// point with the time it arrives).
    public func hasTimestamp(in line: UnsafeRawBufferPointer) -> Bool {
        inspect(line).hasTimestamp
    }

    /// Whether `line`, a valid line, ends with a timestamp.
    public func hasTimestamp(in line: String) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { hasTimestamp(in: UnsafeRawBufferPointer($0)) }
            ?? Array(line.utf8).withUnsafeBytes { hasTimestamp(in: $0) }
    }

    /// Throws `InfluxError.invalidLine(line: lineNumber, reason:)` when the server would refuse
    /// `line`.
    public func validate(_ line: UnsafeRawBufferPointer, lineNumber: Int) throws {
        if let reason = problem(in: line) {
            throw InfluxError.invalidLine(line: lineNumber, reason: reason)
        }
    }
}

/// The reason a line is refused.
struct LineProblem: Error {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}

/// One pass over one line; each `scan…` step mirrors the server's function of that name.
private struct LineChecker {
    let buf: UnsafeRawBufferPointer
    let nanosecondsPerUnit: Int64
    var n: Int { buf.count }

    var measurementEnd = 0
    var keyStart = 0
    var keyEnd = 0
    var tagCount = 0
    var fieldsStart = 0
    var fieldsEnd = 0
    var fieldKeyEndsWithBackslash = false
    /// Whether a tag key is `time` (refused when the point is stored, after other checks).
    var hasTimeTag = false
    /// Whether each tag key comes after the one before, byte by byte (then they are all different).
    var tagKeysAscend = true
    /// The timestamp, once ``scanTime()`` found one.
    var timestamp: Int64?
    /// A hash of the field keys (as written) and types, in order, once the fields are checked.
    var fieldSignature: UInt64 = 0
    /// Whether every byte of the field keys is ASCII (so they are valid UTF-8), once the fields
    /// are checked.
    var fieldKeysAreASCII = false
    /// Whether every byte of the measurement is ASCII, once the key is scanned.
    var measurementIsASCII = false
    /// Whether the measurement has a backslash, once the key is scanned.
    var measurementHasBackslash = false

    init(line: UnsafeRawBufferPointer, nanosecondsPerUnit: Int64) {
        buf = line
        self.nanosecondsPerUnit = nanosecondsPerUnit
    }

    mutating func check() throws(LineProblem) {
        try scanKey()
        // Room for the fields of most lines, on the stack (`withUnsafeTemporaryAllocation` puts up
        // to 1 KiB there); a line with more is walked again into memory of its own.
        let problem = withUnsafeTemporaryAllocation(of: FieldSummary.self, capacity: fieldsOnTheStack) { fields -> LineProblem?? in
            do throws(LineProblem) {
                guard let count = try scanFields(into: fields) else { return .some(nil) }
                try finish(fields: UnsafeBufferPointer(rebasing: fields[..<count]))
                return nil
            } catch {
                return error
            }
        }
        switch problem {
        case nil: return
        case let problem??: throw problem
        case .some(nil): break
        }
        // Every field takes two bytes at least (`=` and a value byte, or `=` and `,`).
        let capacity = (fieldsEnd - fieldsStart) / 2 + 2
        let walked = withUnsafeTemporaryAllocation(of: FieldSummary.self, capacity: capacity) { fields -> LineProblem? in
            do throws(LineProblem) {
                let count = try walkFields(into: fields)
                try finish(fields: UnsafeBufferPointer(rebasing: fields[..<count]))
                return nil
            } catch {
                return error
            }
        }
        if let walked { throw walked }
    }

    /// The checks after the fields', given the `fields`.
    mutating func finish(fields: UnsafeBufferPointer<FieldSummary>) throws(LineProblem) {
        try scanTime()
        try checkStorable(fields: fields)
    }

    // MARK: Key

    mutating func scanKey() throws(LineProblem) {
        var i = skipWhitespace(0)
        keyStart = i
        guard i < n, buf[i] != comma else { throw LineProblem("missing measurement") }
        var hasTags = false
        var bytes = buf[i]
        while true {
            i += 1
            guard i < n else { throw LineProblem("missing fields") }
            bytes |= buf[i]
            if buf[i - 1] == backslash {
                measurementHasBackslash = true
                continue
            }
            if buf[i] == comma {
                hasTags = true
                break
            }
            if buf[i] == space { break }
        }
        measurementEnd = i
        measurementIsASCII = bytes < 0x80
        if hasTags {
            i = try scanTags(from: i + 1)
        }
        keyEnd = i
        try checkDuplicateTags()
        let length = keyEnd - keyStart
        guard length <= LineProtocolEncoder.maxKeyLength else {
            throw LineProblem("max key length exceeded: \(length) > \(LineProtocolEncoder.maxKeyLength)")
        }
    }

    /// Scans `key=value` pairs from `start`; returns the index of the space that ends them.
    /// Notes a tag key `time`, and whether the keys ascend.
    mutating func scanTags(from start: Int) throws(LineProblem) -> Int {
        var i = start
        var previousKey = 0..<0
        while true {
            // Tag key: up to an unescaped `=`.
            guard i < n, buf[i] != space, buf[i] != comma, buf[i] != equals else {
                throw LineProblem("missing tag key")
            }
            tagCount += 1
            let keyStart = i
            while true {
                i = buf.firstIndex(of: equals, comma, space, from: i + 1, to: n)
                if i >= n || ((buf[i] == space || buf[i] == comma) && buf[i - 1] != backslash) {
                    throw LineProblem("missing tag value")
                }
                if buf[i] == equals && buf[i - 1] != backslash { break }
            }
            let key = keyStart..<i
            if isTime(key) { hasTimeTag = true }
            if tagCount > 1 && !bytesPrecede(previousKey, key) { tagKeysAscend = false }
            previousKey = key
            i += 1
            // Tag value: up to an unescaped `,` (next tag) or space (fields).
            guard i < n, buf[i] != comma, buf[i] != space else { throw LineProblem("missing tag value") }
            while true {
                i = buf.firstIndex(of: equals, comma, space, from: i + 1, to: n)
                guard i < n else { throw LineProblem("missing fields") }
                let escaped = buf[i - 1] == backslash
                if buf[i] == equals && !escaped { throw LineProblem("invalid tag format") }
                if buf[i] == comma && !escaped {
                    i += 1
                    break
                }
                if buf[i] == space && !escaped { return i }
            }
        }
    }

    /// Refuses two tags with the same key (compared as written).
    func checkDuplicateTags() throws(LineProblem) {
        // Keys in ascending order (as clients usually write them) are all different.
        guard !tagKeysAscend else { return }
        if tagCount > pairwiseLimit { return try checkDuplicateTagsSorted() }
        var tags = TagKeys(buf: buf, start: measurementEnd + 1, end: keyEnd)
        var index = 0
        while let key = tags.next() {
            var others = TagKeys(buf: buf, start: measurementEnd + 1, end: keyEnd)
            var otherIndex = 0
            while let other = others.next(), otherIndex < index {
                if bytesEqual(key, other) { throw LineProblem("duplicate tags") }
                otherIndex += 1
            }
            index += 1
        }
    }

    /// The same check for many tags, on the sorted keys: a line of a hundred thousand tags
    /// takes n log n steps, not n².
    func checkDuplicateTagsSorted() throws(LineProblem) {
        var keys: [Range<Int>] = []
        keys.reserveCapacity(tagCount)
        var tags = TagKeys(buf: buf, start: measurementEnd + 1, end: keyEnd)
        while let key = tags.next() { keys.append(key) }
        keys.sort {
            UnsafeRawBufferPointer(rebasing: buf[$0]).lexicographicallyPrecedes(UnsafeRawBufferPointer(rebasing: buf[$1]))
        }
        for (key, next) in zip(keys, keys.dropFirst()) where bytesEqual(key, next) {
            throw LineProblem("duplicate tags")
        }
    }

    // MARK: Fields

    /// The server's first pass over the fields. On the way it notes each field's key and type in
    /// `fields`, as the server's second pass will cut them, and returns how many there are; or
    /// `nil` for the rare line the second pass may cut otherwise or refuse (a field with two `=`
    /// or none, an escape after a string's closing quote, a field key ending in a backslash, a
    /// series key too long with a field key) or when `fields` has no room for them all: then
    /// ``walkFields(into:)`` must walk them.
    mutating func scanFields(into fields: UnsafeMutableBufferPointer<FieldSummary>) throws(LineProblem) -> Int? {
        var i = skipWhitespace(keyEnd)
        fieldsStart = i
        var quoted = false
        var equalSigns = 0
        var commas = 0
        // Whether the second pass sees the fields noted so far.
        var regular = true
        var fieldStart = i
        var count = 0
        var signature = FieldSignature()
        let longestFieldKey = LineProtocolEncoder.maxKeyLength - (keyEnd - keyStart) - 4
        while i < n {
            i = buf.firstDelimiter(from: i, to: n)
            guard i < n else { break }
            var byte = buf[i]
            if byte == backslash && i + 1 < n {
                // After a string's closing quote, the second pass escapes only `"` and `\`.
                if equalSigns > commas && !quoted { regular = false }
                i += 2
                continue
            }
            if byte == quote && equalSigns > commas {
                quoted.toggle()
                i += 1
                continue
            }
            if byte == equals && !quoted {
                if equalSigns != commas { regular = false }
                equalSigns += 1
                let before = buf[i - 1]
                let escapedBefore = i >= 2 && buf[i - 2] == backslash
                if (before == space || before == comma) && !escapedBefore {
                    throw LineProblem("missing field key")
                }
                if before == backslash {
                    fieldKeyEndsWithBackslash = true
                    regular = false
                }
                guard i + 1 < n, buf[i + 1] != comma, buf[i + 1] != space else {
                    throw LineProblem("missing field value")
                }
                let key = fieldStart..<i
                if key.count > longestFieldKey || count == fields.count { regular = false }
                let next = buf[i + 1]
                if isNumeric(next) || next == minus || next == UInt8(ascii: "N") || next == UInt8(ascii: "n") {
                    i = try scanNumber(from: i + 1)
                    if regular {
                        let type = buf[i - 1] == UInt8(ascii: "i") ? UInt8(ascii: "i") : UInt8(ascii: "f")
                        note(key, type, in: fields, count: &count, signature: &signature)
                    }
                    // On to the comma or space after the value.
                    guard i < n else { break }
                    byte = buf[i]
                } else if next != quote {
                    i = try scanBoolean(from: i + 1)
                    if regular { note(key, UInt8(ascii: "b"), in: fields, count: &count, signature: &signature) }
                    guard i < n else { break }
                    byte = buf[i]
                } else if regular {
                    note(key, UInt8(ascii: "s"), in: fields, count: &count, signature: &signature)
                }
            }
            if byte == comma && !quoted {
                if commas != equalSigns - 1 { regular = false }
                commas += 1
                fieldStart = i + 1
            }
            if byte == space && !quoted { break }
            i += 1
        }
        fieldsEnd = i
        if quoted { throw LineProblem("unbalanced quotes") }
        if equalSigns == 0 || commas != equalSigns - 1 { throw LineProblem("invalid field format") }
        guard regular else { return nil }
        fieldSignature = signature.value
        fieldKeysAreASCII = signature.keyBytes < 0x80
        return count
    }

    /// Notes a field's `key` and `type` in `fields` and in the field signature.
    @inline(__always)
    func note(
        _ key: Range<Int>, _ type: UInt8, in fields: UnsafeMutableBufferPointer<FieldSummary>,
        count: inout Int, signature: inout FieldSignature
    ) {
        fields.initializeElement(at: count, to: FieldSummary(key: key, type: type))
        count += 1
        signature.add(UnsafeRawBufferPointer(rebasing: buf[key]), type: type)
    }

    func scanNumber(from start: Int) throws(LineProblem) -> Int {
        if let end = scanPlainNumber(from: start) { return end }
        return try scanAnyNumber(from: start)
    }

    /// Where a number in one of the usual forms ends: `[-]digits`, `[-][digits].[digits]` or
    /// `[-]digits i`, with a digit at least, short enough to need no range check, and followed
    /// by a comma, a space or the end. `nil` for any other, which ``scanAnyNumber(from:)``
    /// checks.
    func scanPlainNumber(from start: Int) -> Int? {
        var i = start
        if i < n && buf[i] == minus { i += 1 }
        let integerStart = i
        while i < n && isDigit(buf[i]) { i += 1 }
        var digits = i - integerStart
        if digits > 0 && i < n && buf[i] == UInt8(ascii: "i") {
            i += 1
            guard i - 1 - start < 19 else { return nil }
        } else if i < n && buf[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < n && isDigit(buf[i]) { i += 1 }
            digits += i - fractionStart
        }
        guard digits > 0, i - start < 25, i == n || buf[i] == comma || buf[i] == space else { return nil }
        return i
    }

    /// Checks any number as the server's `scanNumber` does; returns where it ends.
    func scanAnyNumber(from start: Int) throws(LineProblem) -> Int {
        var i = start
        var isInteger = false
        var isUnsigned = false
        if i < n && buf[i] == minus {
            i += 1
            if i == n { throw LineProblem("invalid number") }
        }
        var decimal = false
        var scientific = false
        while i < n {
            let byte = buf[i]
            if isDigit(byte) {
                i += 1
                continue
            }
            if byte == comma || byte == space { break }
            if byte == UInt8(ascii: "i") && i > start && !(isInteger || isUnsigned) {
                isInteger = true
                i += 1
                continue
            }
            if byte == UInt8(ascii: "u") && i > start && !(isInteger || isUnsigned) {
                isUnsigned = true
                i += 1
                continue
            }
            if byte == UInt8(ascii: ".") {
                if decimal { throw LineProblem("invalid number") }
                decimal = true
            }
            if i > start && (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) {
                scientific = true
                i += 1
                continue
            }
            if (byte == UInt8(ascii: "+") || byte == minus)
                && (buf[i - 1] == UInt8(ascii: "e") || buf[i - 1] == UInt8(ascii: "E")) {
                i += 1
                continue
            }
            if !isNumeric(byte) { throw LineProblem("invalid number") }
            i += 1
        }
        if (isInteger || isUnsigned) && (decimal || scientific) { throw LineProblem("invalid number") }
        var digits = i - start
        if isInteger { digits -= 1 }
        if decimal { digits -= 1 }
        if buf[start] == minus { digits -= 1 }
        if digits == 0 { throw LineProblem("invalid number") }

        if isInteger {
            if buf[i - 1] != UInt8(ascii: "i") { throw LineProblem("invalid number") }
            if i - 1 - start >= 19 && parseInt64(start..<(i - 1)) == nil {
                throw LineProblem("integer out of range")
            }
        } else if isUnsigned {
            throw LineProblem("invalid number: unsigned integers are not supported")
        } else if scientific || i - start >= 25 {
            if !isValidFloat(start..<i) { throw LineProblem("invalid float") }
        }
        return i
    }

    func scanBoolean(from start: Int) throws(LineProblem) -> Int {
        var i = start
        let first = buf[start]
        guard first == UInt8(ascii: "t") || first == UInt8(ascii: "f")
            || first == UInt8(ascii: "T") || first == UInt8(ascii: "F")
        else { throw LineProblem("invalid boolean") }
        i += 1
        while i < n && buf[i] != comma && buf[i] != space { i += 1 }
        let word = UnsafeRawBufferPointer(rebasing: buf[start..<i])
        if word.count == 1 { return i }
        let valid: Bool
        switch first {
        case UInt8(ascii: "t"): valid = word.elementsEqual("true".utf8)
        case UInt8(ascii: "f"): valid = word.elementsEqual("false".utf8)
        case UInt8(ascii: "T"): valid = word.elementsEqual("TRUE".utf8) || word.elementsEqual("True".utf8)
        default: valid = word.elementsEqual("FALSE".utf8) || word.elementsEqual("False".utf8)
        }
        if !valid { throw LineProblem("invalid boolean") }
        return i
    }

    /// The server's second pass over the fields (`key` up to `=`, where only the byte right
    /// before counts as escaping): checks each field's series key length, and notes each
    /// field's key and type in `fields`; returns how many there are. Only needed for the lines
    /// ``scanFields(into:)`` could not note the fields of: for the others, it finds the same.
    mutating func walkFields(into fields: UnsafeMutableBufferPointer<FieldSummary>) throws(LineProblem) -> Int {
        var walker = FieldWalker(buf: buf, start: fieldsStart, end: fieldsEnd)
        let keyLength = keyEnd - keyStart
        var count = 0
        var signature = FieldSignature()
        while let field = walker.next() {
            guard let field else {
                throw LineProblem("invalid field key ending in a backslash")
            }
            let size = keyLength + 4 + field.key.count
            if size > LineProtocolEncoder.maxKeyLength {
                throw LineProblem("max key length exceeded: \(size) > \(LineProtocolEncoder.maxKeyLength)")
            }
            let type = fieldType(field.value)
            fields.initializeElement(at: count, to: FieldSummary(key: field.key, type: type))
            count += 1
            signature.add(UnsafeRawBufferPointer(rebasing: buf[field.key]), type: type)
        }
        if fieldKeyEndsWithBackslash { throw LineProblem("invalid field key ending in a backslash") }
        fieldSignature = signature.value
        fieldKeysAreASCII = signature.keyBytes < 0x80
        return count
    }

    // MARK: Time

    mutating func scanTime() throws(LineProblem) {
        let start = skipWhitespace(fieldsEnd)
        var i = start
        let negative = i < n && buf[i] == minus
        if negative { i += 1 }
        // Nineteen digits fit in a UInt64; longer numbers are parsed again, with overflow checks.
        var magnitude: UInt64 = 0
        while i < n && isDigit(buf[i]) {
            magnitude = magnitude &* 10 &+ UInt64(buf[i] &- UInt8(ascii: "0"))
            i += 1
        }
        if i < n && buf[i] != space && buf[i] != UInt8(ascii: "\n") { throw LineProblem("bad timestamp") }
        guard i > start else { return }
        if i - start == 1 && negative { throw LineProblem("bad timestamp") }
        let digits = i - start - (negative ? 1 : 0)
        let parsed = digits <= 19 ? int64(magnitude: magnitude, negative: negative) : parseInt64(start..<i)
        guard let value = parsed else { throw LineProblem("time outside range") }
        let (nanoseconds, overflow) = value.multipliedReportingOverflow(by: nanosecondsPerUnit)
        guard !overflow, Point.Time.validNanoseconds.contains(nanoseconds) else {
            throw LineProblem("time outside range")
        }
        while i < n {
            if buf[i] != space { throw LineProblem("unexpected text after the timestamp") }
            i += 1
        }
        timestamp = value
    }

    // MARK: Storage

    /// What the server refuses after parsing, when it stores the point with these `fields`.
    func checkStorable(fields: UnsafeBufferPointer<FieldSummary>) throws(LineProblem) {
        let measurement = keyStart..<measurementEnd
        if !measurementIsASCII && !isValidUTF8(measurement) { throw LineProblem("invalid utf-8 in measurement") }
        if measurementHasBackslash && hasBackslashBeforeEscape(measurement) {
            throw LineProblem("measurement with a backslash before an escaped character cannot be read back")
        }
        if hasTimeTag { throw LineProblem("invalid tag key \"time\"") }
        let sorted = fields.count > pairwiseLimit
        let firstConflict = sorted ? firstTypeConflict(in: fields) : nil
        var storedFields = 0
        for index in fields.indices {
            let field = fields[index]
            if !fieldKeysAreASCII && !isValidUTF8(field.key) { throw LineProblem("invalid utf-8 in field key") }
            if !isTime(field.key) { storedFields += 1 }
            if !sorted {
                try checkTypeConflict(field, with: UnsafeBufferPointer(rebasing: fields[(index + 1)...]))
            } else if index == firstConflict {
                throw LineProblem("field type conflict")
            }
        }
        if storedFields == 0 { throw LineProblem("invalid field name \"time\"") }
    }

    /// Refuses a later field with the same key as `field` but another type.
    func checkTypeConflict(_ field: FieldSummary, with later: UnsafeBufferPointer<FieldSummary>) throws(LineProblem) {
        for other in later where other.type != field.type {
            // Keys whose first bytes differ are different, unless one starts with an escape.
            let first = buf[field.key.lowerBound], otherFirst = buf[other.key.lowerBound]
            if first != otherFirst && first != backslash && otherFirst != backslash { continue }
            if fieldKeysEqual(field.key, other.key) { throw LineProblem("field type conflict") }
        }
    }

    /// For many fields, where ``checkTypeConflict(_:with:)`` on each would take n² steps: the
    /// index of the first field that a later field of the same key gives another type.
    func firstTypeConflict(in fields: UnsafeBufferPointer<FieldSummary>) -> Int? {
        // By key, then by position: each run of one key starts with its first field.
        let order = fields.indices.sorted { a, b in
            if fieldKeyPrecedes(fields[a].key, fields[b].key) { return true }
            if fieldKeyPrecedes(fields[b].key, fields[a].key) { return false }
            return a < b
        }
        var first: Int?
        var runStart = 0
        for position in order.indices.dropFirst() {
            let head = fields[order[runStart]], field = fields[order[position]]
            guard fieldKeysEqual(head.key, field.key) else {
                runStart = position
                continue
            }
            if head.type != field.type { first = min(first ?? order[runStart], order[runStart]) }
        }
        return first
    }

    // MARK: Helpers

    func skipWhitespace(_ start: Int) -> Int {
        var i = start
        while i < n && (buf[i] == space || buf[i] == UInt8(ascii: "\t") || buf[i] == 0) { i += 1 }
        return i
    }

    func parseInt64(_ range: Range<Int>) -> Int64? {
        var i = range.lowerBound
        let negative = buf[i] == minus
        if negative { i += 1 }
        var magnitude: UInt64 = 0
        if range.upperBound - i <= 19 {
            // Nineteen digits fit in a UInt64.
            while i < range.upperBound {
                magnitude = magnitude &* 10 &+ UInt64(buf[i] &- UInt8(ascii: "0"))
                i += 1
            }
        }
        while i < range.upperBound {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(buf[i] - UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            magnitude = sum
            i += 1
        }
        return int64(magnitude: magnitude, negative: negative)
    }

    /// The Int64 of this sign and magnitude, `nil` when out of range.
    func int64(magnitude: UInt64, negative: Bool) -> Int64? {
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// Whether `range` (made of digits, `.`, `e`, `E`, `+`, `-`) is a decimal float in range:
    /// `[-]digits[.digits][(e|E)[+|-]digits]` with at least one mantissa digit.
    func isValidFloat(_ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        let end = range.upperBound
        if i < end && buf[i] == minus { i += 1 }
        var mantissaDigits = 0
        while i < end && isDigit(buf[i]) {
            i += 1
            mantissaDigits += 1
        }
        if i < end && buf[i] == UInt8(ascii: ".") {
            i += 1
            while i < end && isDigit(buf[i]) {
                i += 1
                mantissaDigits += 1
            }
        }
        guard mantissaDigits > 0 else { return false }
        if i < end && (buf[i] == UInt8(ascii: "e") || buf[i] == UInt8(ascii: "E")) {
            i += 1
            if i < end && (buf[i] == UInt8(ascii: "+") || buf[i] == minus) { i += 1 }
            var exponentDigits = 0
            while i < end && isDigit(buf[i]) {
                i += 1
                exponentDigits += 1
            }
            guard exponentDigits > 0 else { return false }
        }
        guard i == end else { return false }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: buf[range]), as: UTF8.self)
        return Double(text)?.isFinite ?? false
    }

    func isTime(_ range: Range<Int>) -> Bool {
        let i = range.lowerBound
        return range.count == 4 && buf[i] == UInt8(ascii: "t") && buf[i + 1] == UInt8(ascii: "i")
            && buf[i + 2] == UInt8(ascii: "m") && buf[i + 3] == UInt8(ascii: "e")
    }

    /// Whether the bytes of `a` come before those of `b`, byte by byte (a prefix first).
    @inline(__always)
    func bytesPrecede(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        var i = a.lowerBound
        var j = b.lowerBound
        while i < a.upperBound && j < b.upperBound {
            if buf[i] != buf[j] { return buf[i] < buf[j] }
            i += 1
            j += 1
        }
        return a.count < b.count
    }

    func bytesEqual(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count
            && UnsafeRawBufferPointer(rebasing: buf[a]).elementsEqual(UnsafeRawBufferPointer(rebasing: buf[b]))
    }

    /// Whether two raw field keys name the same field once `\,` `\"` `\ ` `\=` are unescaped.
    func fieldKeysEqual(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        var left = a.lowerBound
        var right = b.lowerBound
        while left < a.upperBound && right < b.upperBound {
            let leftByte = unescapedByte(at: &left, end: a.upperBound)
            let rightByte = unescapedByte(at: &right, end: b.upperBound)
            if leftByte != rightByte { return false }
        }
        return left == a.upperBound && right == b.upperBound
    }

    /// Whether field key `a` sorts before `b`, compared as ``fieldKeysEqual(_:_:)`` does.
    func fieldKeyPrecedes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        var left = a.lowerBound
        var right = b.lowerBound
        while left < a.upperBound && right < b.upperBound {
            let leftByte = unescapedByte(at: &left, end: a.upperBound)
            let rightByte = unescapedByte(at: &right, end: b.upperBound)
            if leftByte != rightByte { return leftByte < rightByte }
        }
        return left == a.upperBound && right < b.upperBound
    }

    func unescapedByte(at index: inout Int, end: Int) -> UInt8 {
        if buf[index] == backslash && index + 1 < end {
            let next = buf[index + 1]
            if next == comma || next == quote || next == space || next == equals {
                index += 2
                return next
            }
        }
        index += 1
        return buf[index - 1]
    }

    /// The type the server gives a field value.
    func fieldType(_ value: Range<Int>) -> UInt8 {
        FieldWalker.type(of: value, in: buf)
    }

    /// A backslash right before an escape pair such as `\,` (`\\,`), in a measurement.
    func hasBackslashBeforeEscape(_ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i + 2 < range.upperBound + 1 && i + 2 < n {
            if buf[i] == backslash && buf[i + 1] == backslash {
                let next = buf[i + 2]
                if next == comma || next == space || next == equals || next == quote { return true }
            }
            i += 1
        }
        return false
    }

    func isValidUTF8(_ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        // ASCII first, eight bytes at a time.
        while i + 8 <= range.upperBound,
              (buf.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
        }
        while i < range.upperBound && buf[i] < 0x80 { i += 1 }
        while i < range.upperBound {
            let lead = buf[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard i + length <= range.upperBound else { return false }
            let second = buf[i + 1]
            guard second >= lower && second <= upper else { return false }
            for k in 2..<max(length, 2) where buf[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}

/// Above this many tags or fields, duplicates and type conflicts are found by sorting.
private let pairwiseLimit = 32

/// How many fields ``LineChecker/scanFields(into:)`` notes on the stack.
private let fieldsOnTheStack = 1024 / MemoryLayout<FieldSummary>.stride

/// The raw tag keys of a line's tag section.
private struct TagKeys {
    let buf: UnsafeRawBufferPointer
    var position: Int
    let end: Int

    init(buf: UnsafeRawBufferPointer, start: Int, end: Int) {
        self.buf = buf
        position = start
        self.end = end
    }

    /// The next key; the section was already checked by the scanner.
    mutating func next() -> Range<Int>? {
        guard position < end else { return nil }
        let keyStart = position
        var i = position + 1
        while i < end && !(buf[i] == equals && buf[i - 1] != backslash) { i += 1 }
        let key = keyStart..<i
        i += 1
        while i < end && !(buf[i] == comma && buf[i - 1] != backslash) { i += 1 }
        position = i + 1
        return key
    }
}

/// A field's raw key and the type of its value (see ``LineChecker/fieldType(_:)``).
private struct FieldSummary {
    var key: Range<Int>
    var type: UInt8
}

/// FNV-1a over each field key's bytes, then its type (above 255, so it cannot pass for a byte):
/// see ``LineProtocolValidator/Parts/fieldSignature``.
private struct FieldSignature {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The bytes of the keys, or-ed together: below 0x80 when they are all ASCII.
    var keyBytes: UInt8 = 0

    @inline(__always)
    mutating func add(_ key: UnsafeRawBufferPointer, type: UInt8) {
        for byte in key {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
            keyBytes |= byte
        }
        value = (value ^ (0x100 | UInt64(type))) &* 0x100_0000_01b3
    }
}

/// The fields of a line as the server's second pass sees them.
struct FieldWalker {
    struct Field {
        var key: Range<Int>
        var value: Range<Int>
    }

    let buf: UnsafeRawBufferPointer
    var position: Int
    let end: Int

    init(buf: UnsafeRawBufferPointer, start: Int, end: Int) {
        self.buf = buf
        position = start
        self.end = end
    }

    /// The type the server gives the field value at `value` of `buf`, told by its first and last
    /// bytes: `f`loat, `i`nteger, `u`nsigned, `s`tring or `b`oolean.
    static func type(of value: Range<Int>, in buf: UnsafeRawBufferPointer) -> UInt8 {
        guard let first = value.first.map({ buf[$0] }) else { return 0 }
        if first == quote { return UInt8(ascii: "s") }
        if isNumeric(first) || first == minus || first == UInt8(ascii: "n") || first == UInt8(ascii: "N")
            || first == UInt8(ascii: "i") || first == UInt8(ascii: "I") || first == UInt8(ascii: "u") {
            let last = buf[value.upperBound - 1]
            return last == UInt8(ascii: "i") || last == UInt8(ascii: "u") ? last : UInt8(ascii: "f")
        }
        return UInt8(ascii: "b")
    }

    /// The next field; `.some(nil)` when a key has no `=` the server can see.
    mutating func next() -> Field?? {
        guard position < end else { return nil }
        let keyStart = position
        var i = buf.firstDelimiter(from: position, to: end)
        while i < end && !(buf[i] == equals && (i == keyStart || buf[i - 1] != backslash)) {
            i = buf.firstDelimiter(from: i + 1, to: end)
        }
        if i > end - 2 {
            position = end
            return .some(nil)
        }
        let key = keyStart..<i
        i += 1
        let valueStart = i
        var quoted = false
        while i < end {
            i = buf.firstDelimiter(from: i, to: end)
            guard i < end else { break }
            if buf[i] == backslash && i + 1 < end && (buf[i + 1] == quote || buf[i + 1] == backslash) {
                i += 2
                continue
            }
            if buf[i] == quote {
                quoted.toggle()
                i += 1
                continue
            }
            if buf[i] == comma && !quoted { break }
            i += 1
        }
        position = i < end ? i + 1 : i
        return Field(key: key, value: valueStart..<i)
    }
}

private let backslash = UInt8(ascii: "\\")
private let comma = UInt8(ascii: ",")
private let space = UInt8(ascii: " ")
private let equals = UInt8(ascii: "=")
private let quote = UInt8(ascii: "\"")
private let minus = UInt8(ascii: "-")

@inline(__always)
private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

@inline(__always)
private func isNumeric(_ byte: UInt8) -> Bool {
    isDigit(byte) || byte == UInt8(ascii: ".")
}
