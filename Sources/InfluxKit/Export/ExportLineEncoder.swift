/// Turns the rows of an export query (`SELECT "f"::type, … GROUP BY *`, times as integers) back
/// into the line protocol that stores them: the series key from the series' name and tags, each
/// non-null field in the type it was selected as, the time as the server sent it.
///
/// Values are copied from the answer's JSON text, so nothing is rounded on the way: influxd
/// writes floats in their shortest round-trip form (`5e-324`, `1e+21`, `-0`), which line
/// protocol reads back as the same float, and integers in full.
package struct ExportLineEncoder {
    /// The encoded lines, each ending in `\n`.
    package var bytes: [UInt8] = []
    /// How many points were encoded.
    package private(set) var pointCount = 0
    /// Hashes of the series keys seen.
    private(set) var seriesHashes: Set<Int> = []
    /// String values left out (with ``omitsStrings``).
    private(set) var omittedStrings = 0
    /// Points left out because they held nothing but strings (with ``omitsStrings``).
    private(set) var omittedPoints = 0
    /// Whether string fields are left out, for destinations that cannot store strings.
    private let omitsStrings: Bool

    /// The type (`nil`: judged by each value) and the escaped `key=` of each selected field,
    /// in column order after `time`.
    private let fields: [(type: FieldKey.ValueType?, key: [UInt8])]

    /// Creates an encoder for rows whose columns are `time` and then `fields`; with
    /// `omittingStrings`, string fields are counted instead of written.
    package init(fields: [ExportField], omittingStrings: Bool = false) throws {
        try self.init(columns: fields.map { ($0.name, $0.type) }, omittingStrings: omittingStrings)
    }

    /// Creates an encoder for rows whose columns are `time` and then `columns`; a column
    /// without a type is written as its values read: numbers as floats, `true`/`false` as
    /// booleans, strings as strings.
    package init(columns: [(name: String, type: FieldKey.ValueType?)], omittingStrings: Bool = false) throws {
        omitsStrings = omittingStrings
        fields = try columns.map { column in
            var key: [UInt8] = []
            try LineProtocolEncoder.append(column.name, as: .fieldKey, to: &key)
            key.append(UInt8(ascii: "="))
            return (column.type, key)
        }
    }

    /// Appends a line for every row of `result` that has a non-null field.
    mutating func append(_ result: RawResultSet) throws {
        for index in result.result.series.indices {
            try appendSeries(at: index, of: result)
        }
    }

    /// Appends a line for every row of the series at `index` of `result` that has a non-null
    /// field.
    package mutating func appendSeries(at index: Int, of result: RawResultSet) throws {
        let series = result.result.series[index]
        guard series.columns.count == fields.count + 1 else {
            throw InfluxError.malformedResponse(
                reason: "expected \(fields.count + 1) columns in the answer, got \(series.columns.count)")
        }
        let prefix = try Self.seriesKey(series)
        seriesHashes.insert(prefix.hashValue)
        for row in result.rows(ofSeriesAt: index) {
            try append(row, prefix: prefix)
        }
    }

    /// The escaped measurement and non-empty tags (sorted by key) of `series`.
    private static func seriesKey(_ series: Series) throws -> [UInt8] {
        guard let name = series.name else { throw InfluxError.malformedResponse(reason: "a series has no name") }
        var key: [UInt8] = []
        try LineProtocolEncoder.append(name, as: .measurement, to: &key)
        let tags = (series.tags ?? [:]).filter { !$0.value.isEmpty }
        for tagKey in tags.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }) {
            key.append(UInt8(ascii: ","))
            try LineProtocolEncoder.append(tagKey, as: .tagKey, to: &key)
            key.append(UInt8(ascii: "="))
            try LineProtocolEncoder.append(tags[tagKey]!, as: .tagValue, to: &key)
        }
        return key
    }

    private mutating func append(_ row: RawRow, prefix: [UInt8]) throws {
        guard row.count == fields.count + 1, row[0].kind == .integer else {
            throw InfluxError.malformedResponse(reason: "a row without an integer time")
        }
        let lineStart = bytes.count
        bytes += prefix
        var separator = UInt8(ascii: " ")
        var strings = 0
        for column in 1..<row.count {
            let value = row[column]
            guard value.kind != .null else { continue }
            if omitsStrings && fields[column - 1].type == .string {
                strings += 1
                continue
            }
            bytes.append(separator)
            separator = UInt8(ascii: ",")
            let field = fields[column - 1]
            bytes += field.key
            try append(value, as: field.type)
        }
        omittedStrings += strings
        guard separator == UInt8(ascii: ",") else {
            bytes.removeLast(bytes.count - lineStart)
            if strings > 0 { omittedPoints += 1 }
            return
        }
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: row[0].text)
        bytes.append(UInt8(ascii: "\n"))
        pointCount += 1
    }

    private mutating func append(_ value: RawValue, as declared: FieldKey.ValueType?) throws {
        let type = declared ?? Self.type(of: value)
        switch (type, value.kind) {
        case (.float, .integer), (.float, .decimal), (.float, .exponential):
            bytes.append(contentsOf: value.text)
        case (.integer, .integer):
            bytes.append(contentsOf: value.text)
            bytes.append(UInt8(ascii: "i"))
        case (.unsigned, .integer):
            bytes.append(contentsOf: value.text)
            bytes.append(UInt8(ascii: "u"))
        case (.boolean, .true), (.boolean, .false):
            bytes.append(contentsOf: value.text)
        case (.string, .asciiString), (.string, .string):
            // Without escapes the JSON text holds no `"` and no `\`: it is the field's text.
            bytes.append(contentsOf: value.text)
        case (.string, .escapedString):
            guard case let .string(text) = value.decoded() else {
                throw InfluxError.malformedResponse(reason: "a string field holds no string")
            }
            LineProtocolEncoder.appendQuoted(text, to: &bytes)
        default:
            throw InfluxError.malformedResponse(reason: "a \(type.rawValue) field holds \(String(decoding: value.text, as: UTF8.self))")
        }
    }

    /// The type a value of a column without one is written as.
    private static func type(of value: RawValue) -> FieldKey.ValueType {
        switch value.kind {
        case .true, .false: return .boolean
        case .asciiString, .string, .escapedString: return .string
        default: return .float
        }
    }
}
