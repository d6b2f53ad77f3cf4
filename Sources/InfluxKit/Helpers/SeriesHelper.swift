import FoundationEssentials
import Synchronization

/// A declarative bulk writer, as influxdb-python's `SeriesHelper`.
///
/// ```swift
/// let stats = try SeriesHelper(.init(
///     seriesName: "events.stats.{server_name}", fields: ["some_stat", "other_stat"],
///     tags: ["server_name"], client: client, bulkSize: 5, commitsAutomatically: true))
/// try stats.add(tags: ["server_name": "us.east-1"], fields: ["some_stat": .integer(159)])
/// try stats.commit()  // writes what is still queued
/// ```
///
/// The rules are influxdb-python's: every configured tag must be given, fields are optional (a
/// field influxdb-python would get as `None` is simply left out), a tag or field that is not
/// configured is an error, and the series name's placeholders are filled from the point's tags
/// and fields. A point without a time is stamped with the current time when it is added. With
/// autocommit, a point that brings the queue to the bulk size writes the whole queue.
///
/// Unlike influxdb-python, whose queue is shared by the class and by every instance of it (and is
/// not thread-safe), a helper is an ordinary object that owns its queue: two helpers with the
/// same configuration never write each other's points, and tests need no reset between them.
/// It is thread-safe: a lock guards the queue, and it is held while a commit writes, so points
/// are written once and in the order they were added (other threads adding points wait).
public final class SeriesHelper: Sendable {
    /// The configuration, with `time` removed from the fields.
    public let configuration: Configuration
    /// The parsed series name template.
    public let seriesName: SeriesNameTemplate
    /// The number of queued points that triggers a write: 1 or more with autocommit, `nil`
    /// without (nothing is written until ``commit(client:)``).
    public let effectiveBulkSize: Int?

    private struct Queue {
        var points: [Point] = []
        var encoder: LineProtocolEncoder
    }

    private let queue: Mutex<Queue>
    private let fieldNames: Set<String>
    private let tagNames: Set<String>

    /// Checks `configuration` and creates a helper with an empty queue.
    ///
    /// Throws `InfluxError.invalidArgument` when autocommit is on without a client, when a name
    /// is both a tag and a field or appears twice, when a tag is called `time`, when the series
    /// name template is malformed,
    /// or when one of its placeholders is neither a tag nor a field.
    public init(_ configuration: Configuration) throws {
        var configuration = configuration
        configuration.fields.removeAll { $0 == "time" }
        if configuration.commitsAutomatically && configuration.client == nil {
            throw InfluxError.invalidArgument("autocommit needs a client")
        }
        let fieldNames = Set(configuration.fields)
        let tagNames = Set(configuration.tags)
        guard fieldNames.count == configuration.fields.count, tagNames.count == configuration.tags.count else {
            throw InfluxError.invalidArgument("a tag or field name is listed twice")
        }
        if tagNames.contains("time") {
            throw InfluxError.invalidArgument("a tag cannot be called time")
        }
        if let both = configuration.tags.first(where: fieldNames.contains) {
            throw InfluxError.invalidArgument("\"\(both)\" is both a tag and a field")
        }
        let template = try SeriesNameTemplate(configuration.seriesName)
        if let unknown = template.placeholders.first(where: { !fieldNames.contains($0) && !tagNames.contains($0) }) {
            throw InfluxError.invalidArgument(
                "series name \"\(configuration.seriesName)\" uses \"\(unknown)\", which is neither a tag nor a field")
        }
        self.configuration = configuration
        self.seriesName = template
        self.fieldNames = fieldNames
        self.tagNames = tagNames
        self.effectiveBulkSize = configuration.commitsAutomatically ? max(configuration.bulkSize ?? 1, 1) : nil
        self.queue = Mutex(Queue(encoder: LineProtocolEncoder(precision: configuration.precision)))
    }

    /// The queued points, in the order they were added (influxdb-python's `_json_body_()`).
    public var pendingPoints: [Point] {
        queue.withLock { $0.points }
    }

    /// The line protocol a commit would send now, one line per queued point.
    public var pendingBody: String {
        queue.withLock { String(decoding: $0.encoder.bytes, as: UTF8.self) }
    }

    /// Queues one point, then writes the queue when autocommit is on and it holds the bulk size.
    ///
    /// - Parameters:
    ///   - tags: a value for every configured tag, and nothing else.
    ///   - fields: values for some of the configured fields, and nothing else.
    ///   - time: when the point happened; the current time when `nil`.
    /// - Throws: `InfluxError.invalidArgument` for a missing or unknown tag, an unknown field, or
    ///   a series name placeholder without a value; `InfluxError.invalidPoint` for a point that
    ///   cannot be written (no fields, a time outside the server's range…). Nothing is queued
    ///   then. Errors of an autocommit are those of ``commit(client:)``; the point stays queued.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func add(tags: [String: String], fields: [String: FieldValue], time: Point.Time? = nil) throws {
        if let unknown = tags.keys.sorted().first(where: { !tagNames.contains($0) }) {
            throw InfluxError.invalidArgument("unknown tag \"\(unknown)\"")
        }
        if let unknown = fields.keys.sorted().first(where: { !fieldNames.contains($0) }) {
            throw InfluxError.invalidArgument("unknown field \"\(unknown)\"")
        }
        let missing = configuration.tags.filter { tags[$0] == nil }
        guard missing.isEmpty else {
            throw InfluxError.invalidArgument("missing tag\(missing.count == 1 ? "" : "s") " + missing.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        let measurement = try seriesName.render { name in
            tags[name] ?? fields[name].map(Self.text)
        }
        let point = Point(measurement: measurement, tags: tags, fields: fields, time: time ?? .date(Date()))
        try queue.withLock { queue in
            try queue.encoder.append(point)
            queue.points.append(point)
            if let bulkSize = effectiveBulkSize, queue.points.count >= bulkSize {
                _ = try write(&queue, client: nil)
            }
        }
    }

    /// Writes every queued point and empties the queue (influxdb-python's `commit`).
    ///
    /// Uses `client` when given, else the configured one. Returns how many points were written;
    /// an empty queue sends nothing and returns 0. When the write fails because the server
    /// could not be reached or refused the request, the points stay queued for the next commit
    /// (writing a point twice stores it once); when the server stored part of them
    /// (`.partialWrite`), the queue is emptied, since the rest would be refused again.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    @discardableResult
    public func commit(client: InfluxClient? = nil) throws -> Int {
        try queue.withLock { try write(&$0, client: client) }
    }

    /// Drops the queued points without writing them (influxdb-python's `_reset_()`).
    public func reset() {
        queue.withLock { queue in
            queue.points.removeAll()
            queue.encoder.removeAll()
        }
    }

    private func write(_ queue: inout Queue, client: InfluxClient?) throws -> Int {
        let count = queue.points.count
        guard count > 0 else { return 0 }
        guard let client = client ?? configuration.client else {
            throw InfluxError.invalidArgument("no client to commit with")
        }
        do {
            try client.write(
                lineProtocol: queue.encoder.bytes, database: configuration.database,
                retentionPolicy: configuration.retentionPolicy, precision: configuration.precision)
        } catch let error as InfluxError {
            if error.code == .partialWrite {
                queue.points.removeAll()
                queue.encoder.removeAll()
            }
            throw error
        }
        queue.points.removeAll()
        queue.encoder.removeAll()
        return count
    }

    /// The text a field value puts into a series name: strings as they are, numbers in decimal,
    /// booleans as `true`/`false` (Python would write `True`/`False`).
    static func text(of value: FieldValue) -> String {
        switch value {
        case let .float(number): return number.description
        case let .integer(number): return String(number)
        case let .unsigned(number): return String(number)
        case let .string(text): return text
        case let .boolean(flag): return flag ? "true" : "false"
        }
    }
}
