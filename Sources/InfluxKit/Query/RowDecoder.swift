import FoundationEssentials

/// Decodes one row of a result (column name → value) into a `Decodable` type, for
/// ``ResultSet/decode(_:measurement:tags:epoch:)``.
///
/// Every column is a key of the type's keyed container. Values convert as follows: integers
/// into any integer type they fit, and into `Double`/`Float`; floats into `Double`/`Float`, and
/// into integer types when whole and in range (the server sends a whole float as `2`, and `2.0`
/// is accepted for an `Int` alike); `null` is `nil` for optionals; `Date` from an RFC3339 string,
/// or from an integer in `epoch` units. A key that is missing is `DecodingError.keyNotFound`.
struct RowDecoder: Decoder {
    /// The row's values by column name.
    let row: [String: JSONValue]
    /// The unit of integer times, when the query asked for epoch times.
    let epoch: Precision?
    /// Where this row is: its index among the decoded rows.
    let codingPath: [any CodingKey]
    /// No user information is passed.
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch(
            [Any].self, .init(codingPath: codingPath, debugDescription: "a row is keyed by column names, not a list"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(
            JSONValue.self, .init(codingPath: codingPath, debugDescription: "a row has several columns, not one value"))
    }
}

/// The columns of a row as a keyed container.
private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: RowDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { decoder.row.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool {
        decoder.row[key.stringValue] != nil
    }

    /// The decoder of the value of `key`, which must be present.
    private func value(_ key: Key) throws -> ValueDecoder {
        guard let value = decoder.row[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "no column \"\(key.stringValue)\" in the row"))
        }
        return ValueDecoder(value: value, epoch: decoder.epoch, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try value(key).decodeNil()
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try value(key).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try value(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try value(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        decoder
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try value(key)
    }
}

/// Decodes one value of a row: a single value container, with the conversions of
/// ``RowDecoder``.
struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    /// The value.
    let value: JSONValue
    /// The unit of integer times.
    let epoch: Precision?
    /// The row index and column of the value.
    let codingPath: [any CodingKey]
    /// No user information is passed.
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw mismatch([String: Any].self, "a column holds a single value")
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw mismatch([Any].self, "a column holds a single value")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        self
    }

    func decodeNil() -> Bool {
        value == .null
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case let .bool(bool) = value else { throw mismatch(type) }
        return bool
    }

    func decode(_ type: String.Type) throws -> String {
        guard case let .string(string) = value else { throw mismatch(type) }
        return string
    }

    func decode(_ type: Double.Type) throws -> Double {
        switch value {
        case let .float(number): return number
        case let .integer(number): return Double(number)
        case let .unsigned(number): return Double(number)
        case let .number(text):
            // An integer beyond 64 bits reads as the nearest `Double`; a number beyond its range
            // does not fit.
            guard let number = Double(text), number.isFinite else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: codingPath, debugDescription: "\(describe(value)) does not fit in \(type)"))
            }
            return number
        default: throw mismatch(type)
        }
    }

    func decode(_ type: Float.Type) throws -> Float {
        Float(try decode(Double.self))
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Date.self, let date = try date() as? T {
            return date
        }
        return try T(from: self)
    }

    /// The value as an integer of type `I`: an integer that fits, or a whole float in range.
    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let converted: I?
        switch value {
        case let .integer(number): converted = I(exactly: number)
        case let .unsigned(number): converted = I(exactly: number)
        case let .float(number): converted = I(exactly: number)
        case .number: converted = nil
        default: throw mismatch(type)
        }
        guard let converted else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "\(describe(value)) does not fit in \(I.self)"))
        }
        return converted
    }

    /// The value as a date: an RFC3339 string, or an integer in `epoch` units.
    private func date() throws -> Date {
        let nanoseconds: Int64
        switch value {
        case let .string(text):
            do {
                nanoseconds = try RFC3339.nanoseconds(from: text)
            } catch {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: codingPath, debugDescription: "\(describe(value)) is not an rfc3339 time"))
            }
        case let .integer(count):
            guard let epoch else {
                throw mismatch(Date.self, "an integer time needs the query's epoch to be decoded as a date")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: epoch.nanosecondsPerUnit)
            guard !overflow else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: codingPath, debugDescription: "\(count)\(epoch.rawValue) is out of range"))
            }
            nanoseconds = product
        default:
            throw mismatch(Date.self)
        }
        let (seconds, fraction) = RFC3339.floorDivide(nanoseconds, by: 1_000_000_000)
        return Date(timeIntervalSince1970: Double(seconds) + Double(fraction) / 1e9)
    }

    private func mismatch(_ type: Any.Type, _ reason: String? = nil) -> DecodingError {
        DecodingError.typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: reason ?? "expected \(type), found \(describe(value))"))
    }

    private func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case let .bool(bool): return "the boolean \(bool)"
        case let .integer(number): return "the integer \(number)"
        case let .unsigned(number): return "the integer \(number)"
        case let .float(number): return "the number \(number)"
        case let .number(text): return "the number \(text)"
        case let .string(string): return "the string \"\(string)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// The coding key of a row: its index among the decoded rows.
struct RowIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) {
        intValue = index
    }

    init?(stringValue: String) {
        return nil
    }

    init?(intValue: Int) {
        self.intValue = intValue
    }
}
