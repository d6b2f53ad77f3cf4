import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The type each field has on the server, as far as a write can know it, so that a line the
/// server would drop for a `field type conflict` is reported with its line number before anything
/// is sent.
///
/// influxd 1.x fixes a field's type, per shard, with the first point that has the field; a later
/// point with another type is dropped with `partial write: field type conflict … dropped=N`, which
/// names no line. Worse, when two points of one request disagree on a new field of a new shard, it
/// refuses the request as a whole (`field type conflict`), after storing the points that went to
/// other shards.
///
/// The ledger knows what `SHOW FIELD KEYS` lists for the target (asked once per database and
/// retention policy, when its first line arrives: one query however many measurements there are),
/// and learns a new field's type from the first line that has it, in input order. That is what the
/// server decides when it gets the lines one by one, whatever the batching and the order of
/// requests in flight: every line the ledger lets through agrees with every other. Learned types
/// are kept per shard group, as the server keeps them (from the retention policy's shard group
/// duration). A type the server lists counts for every shard group, since `SHOW FIELD KEYS` does
/// not say which shards have the field; a field it lists with several types is left to the server.
final class FieldTypeLedger {
    /// What the server has for one database and retention policy.
    struct Schema: Sendable {
        /// The types of the fields of each measurement; several for a field whose type differs
        /// between shards.
        var fields: [String: [String: [FieldKey.ValueType]]] = [:]
        /// The retention policy's shard group duration in nanoseconds; `nil` when unknown.
        var shardGroupDuration: Int64?
    }

    /// Asks the server for the schema of a database and retention policy (`nil`: the defaults).
    typealias Fetch = (_ database: String?, _ retentionPolicy: String?) throws -> Schema

    /// Set from any thread when the server turned out to know types the ledger did not (another
    /// writer was quicker): the ledger then asks again before it checks the next line.
    final class Staleness: Sendable {
        private let flag = Atomic<Bool>(false)

        init() {}

        /// Makes the ledger ask the server again.
        func mark() {
            flag.store(true, ordering: .relaxed)
        }

        fileprivate func take() -> Bool {
            flag.load(ordering: .relaxed) && flag.exchange(false, ordering: .relaxed)
        }
    }

    private struct TargetKey: Hashable {
        var database: String?
        var retentionPolicy: String?
    }

    private let fetch: Fetch
    private let staleness: Staleness
    private let nanosecondsPerUnit: Int64
    private var targets: [TargetKey: Target] = [:]
    private var target: Target?
    private var targetKey = TargetKey()
    /// Reused buffers for unescaped names, so a check allocates nothing.
    private var measurementName = Name()
    private var fieldName = Name()
    /// The measurement of the last line checked, as written, with its target and entry: lines
    /// of one measurement in a row find it without unescaping and looking up its name.
    private var lastMeasurement: (written: [UInt8], target: Target, measurement: Measurement)?

    /// Creates a ledger for lines whose timestamps are in `precision`; `fetch` tells what the
    /// server already has.
    init(precision: Precision, staleness: Staleness = .init(), fetch: @escaping Fetch) {
        self.fetch = fetch
        self.staleness = staleness
        nanosecondsPerUnit = precision.nanosecondsPerUnit
    }

    /// Forgets everything, e.g. after statements that may have dropped measurements.
    func reset() {
        targets.removeAll()
        target = nil
        lastMeasurement = nil
    }

    /// Why the server would drop the valid line `line` (with `parts` as the validator found
    /// them, and `time` its time in the ledger's precision) going to `database` and
    /// `retentionPolicy`, or `nil` when it will take it; in the latter case the types of its new
    /// fields are learned.
    func conflict(
        in line: UnsafeRawBufferPointer, parts: LineProtocolValidator.Parts, time: Int64,
        database: String?, retentionPolicy: String?
    ) throws -> String? {
        if staleness.take() { try refresh() }
        let target = try self.target(database: database, retentionPolicy: retentionPolicy)
        let window = target.window(of: time * nanosecondsPerUnit)
        let measurement = self.measurement(written: UnsafeRawBufferPointer(rebasing: line[parts.measurement]), in: target)
        if measurement.repeats(parts.fieldSignature, window: window) { return nil }

        var fields = FieldWalker(buf: line, start: parts.fields.lowerBound, end: parts.fields.upperBound)
        var learns = false
        while case let field?? = fields.next() {
            fieldName.unescape(line, field.key, escapable: Name.fieldKeyEscapes)
            if fieldName.bytes.elementsEqual("time".utf8) { continue }
            let type = FieldWalker.type(of: field.value, in: line)
            guard let known = measurement.type(of: fieldName, in: window) else {
                learns = true
                continue
            }
            if known != type {
                return "field type conflict: field \"\(fieldName.text)\" is \(Self.typeName(type)), already \(Self.typeName(known))"
            }
        }
        if learns {
            fields = FieldWalker(buf: line, start: parts.fields.lowerBound, end: parts.fields.upperBound)
            while case let field?? = fields.next() {
                fieldName.unescape(line, field.key, escapable: Name.fieldKeyEscapes)
                if fieldName.bytes.elementsEqual("time".utf8) { continue }
                measurement.learn(fieldName, type: FieldWalker.type(of: field.value, in: line), in: window)
            }
        }
        measurement.remember(parts.fieldSignature, window: window)
        return nil
    }

    /// The entry of `target` for the measurement `written` (escapes included).
    private func measurement(written: UnsafeRawBufferPointer, in target: Target) -> Measurement {
        if let last = lastMeasurement, last.target === target, last.written.count == written.count,
           written.isEmpty || last.written.withUnsafeBytes({ memcmp($0.baseAddress!, written.baseAddress!, written.count) == 0 }) {
            return last.measurement
        }
        measurementName.unescape(written, 0..<written.count, escapable: Name.measurementEscapes)
        let measurement = target.measurement(measurementName)
        lastMeasurement = (Array(written), target, measurement)
        return measurement
    }

    /// Asks the server again for the types of every target, which override what was learned.
    private func refresh() throws {
        for (key, target) in targets {
            target.relist(try fetch(key.database, key.retentionPolicy))
        }
    }

    /// The lines of `lines` in `batch` that the server's `schema` makes it drop, with the reason;
    /// lines of the batch agree with each other, so these are the lines of a `partial write`
    /// the ledger did not foresee.
    static func conflictingLines(
        in batch: LineBatch, lines: Range<Int>, schema: Schema, precision: Precision
    ) -> [(index: Int, reason: String)] {
        let ledger = FieldTypeLedger(precision: precision) { _, _ in schema }
        let validator = LineProtocolValidator(precision: precision)
        // Lines without a timestamp were stamped by the server as they arrived, moments ago.
        let now = precision.now
        var found: [(index: Int, reason: String)] = []
        for index in lines {
            let reason = batch.withBytes(of: index) { bytes -> String? in
                guard case let (nil, parts?) = validator.examine(bytes) else { return nil }
                return try? ledger.conflict(
                    in: bytes, parts: parts, time: parts.timestamp ?? now,
                    database: batch.database, retentionPolicy: batch.retentionPolicy)
            }
            if let reason { found.append((index, reason)) }
        }
        return found
    }

    private func target(database: String?, retentionPolicy: String?) throws -> Target {
        let key = TargetKey(database: database, retentionPolicy: retentionPolicy)
        if let target, key == targetKey { return target }
        let found: Target
        if let known = targets[key] {
            found = known
        } else {
            found = Target(try fetch(database, retentionPolicy))
            targets[key] = found
        }
        target = found
        targetKey = key
        return found
    }

    private static func typeName(_ code: UInt8) -> String {
        switch code {
        case UInt8(ascii: "f"): "float"
        case UInt8(ascii: "i"): "integer"
        case UInt8(ascii: "u"): "unsigned"
        case UInt8(ascii: "s"): "string"
        default: "boolean"
        }
    }

    fileprivate static func code(of type: FieldKey.ValueType) -> UInt8 {
        switch type {
        case .float: UInt8(ascii: "f")
        case .integer: UInt8(ascii: "i")
        case .unsigned: UInt8(ascii: "u")
        case .string: UInt8(ascii: "s")
        case .boolean: UInt8(ascii: "b")
        }
    }
}

/// A measurement or field name, unescaped, as bytes.
private struct Name: Hashable {
    static let measurementEscapes: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: " ")]
    static let fieldKeyEscapes: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "="), UInt8(ascii: "\"")]

    var bytes: [UInt8] = []

    init() {}

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Replaces the name with `range` of `line`, where a backslash before one of `escapable`
    /// is dropped, as the server reads names.
    mutating func unescape(_ line: UnsafeRawBufferPointer, _ range: Range<Int>, escapable: [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = line[i]
            if byte == UInt8(ascii: "\\"), i + 1 < range.upperBound, escapable.contains(line[i + 1]) {
                bytes.append(line[i + 1])
                i += 2
            } else {
                bytes.append(byte)
                i += 1
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// The fields of one database and retention policy.
private final class Target {
    private var measurements: [Name: Measurement] = [:]
    private let shardGroupDuration: Int64
    /// Shard groups start at multiples of their duration counted from Go's zero time
    /// (0001-01-01), not from 1970: this is the Unix epoch's distance past such a start.
    private let epochOffset: Int64
    private var last: (name: Name, measurement: Measurement)?

    init(_ schema: FieldTypeLedger.Schema) {
        let duration = schema.shardGroupDuration ?? 0
        shardGroupDuration = duration > 0 ? duration : 0
        let secondsFromZeroTime: Int64 = 62_135_596_800
        epochOffset = duration >= 1_000_000_000 && duration % 1_000_000_000 == 0
            ? (secondsFromZeroTime % (duration / 1_000_000_000)) * 1_000_000_000 : 0
        relist(schema)
    }

    /// Takes the types `schema` lists, over what was listed or learned before.
    func relist(_ schema: FieldTypeLedger.Schema) {
        for (measurement, fields) in schema.fields {
            let entry = self.measurement(Name(measurement))
            for (field, types) in fields {
                entry.know(Name(field), types: types.map(FieldTypeLedger.code(of:)))
            }
        }
        last = nil
    }

    /// The shard group of a time in nanoseconds (0 for all when the duration is unknown).
    func window(of nanoseconds: Int64) -> Int64 {
        guard shardGroupDuration > 0 else { return 0 }
        let (shifted, overflow) = nanoseconds.addingReportingOverflow(epochOffset)
        let time = overflow ? nanoseconds : shifted
        let quotient = time / shardGroupDuration
        return time % shardGroupDuration < 0 ? quotient - 1 : quotient
    }

    func measurement(_ name: Name) -> Measurement {
        if let last, last.name == name { return last.measurement }
        let found: Measurement
        if let known = measurements[name] {
            found = known
        } else {
            found = Measurement()
            measurements[name] = found
        }
        last = (name, found)
        return found
    }
}

/// The field types of one measurement.
private final class Measurement {
    /// What is known of one field.
    private struct Types {
        /// The type the server lists (0: none, or several).
        var listed: UInt8 = 0
        /// The shard group of `learned`.
        var window: Int64 = 0
        /// The type learned from the input in `window` (0: none).
        var learned: UInt8 = 0
        /// Types learned in other shard groups.
        var earlier: [Int64: UInt8] = [:]

        mutating func list(_ type: UInt8) {
            listed = type
            guard type != 0 else { return }
            if learned != 0 && learned != type { learned = 0 }
            earlier = earlier.filter { $0.value == type }
        }

        mutating func learn(_ type: UInt8, in window: Int64) {
            if learned != 0 && self.window != window { earlier[self.window] = learned }
            self.window = window
            learned = type
        }
    }

    private var fields: [Name: Types] = [:]
    /// The field signature (see ``LineProtocolValidator/Parts/fieldSignature``) and shard group
    /// of the last line let through.
    private var last: (signature: UInt64, window: Int64)?

    /// Takes the types the server lists for `name`; learned types that differ are forgotten.
    func know(_ name: Name, types: [UInt8]) {
        let distinct = Set(types)
        let listed = distinct.count == 1 ? distinct.first! : 0
        fields[name, default: Types()].list(listed)
        last = nil
    }

    /// The type `name` has in shard group `window`, if known.
    func type(of name: Name, in window: Int64) -> UInt8? {
        guard let types = fields[name] else { return nil }
        if types.learned != 0 && types.window == window { return types.learned }
        if let earlier = types.earlier[window] { return earlier }
        return types.listed != 0 ? types.listed : nil
    }

    func learn(_ name: Name, type: UInt8, in window: Int64) {
        fields[name, default: Types()].learn(type, in: window)
    }

    /// Whether a line with fields of `signature` in shard group `window` has the same keys and
    /// types, in the same order and shard group, as the last line let through: then they are
    /// known to agree. (Were two different fields to share a signature, the server would drop
    /// the line and the writer would find it afterwards, as it does for another writer's fields.)
    func repeats(_ signature: UInt64, window: Int64) -> Bool {
        guard let last else { return false }
        return last.signature == signature && last.window == window
    }

    /// Records the fields of a line just let through, for ``repeats(_:window:)``.
    func remember(_ signature: UInt64, window: Int64) {
        last = (signature, window)
    }
}
