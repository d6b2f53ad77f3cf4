import InfluxKit

/// The body of `POST /measurements`:
/// `{"name": "cpu", "tags": {"host": "a"}, "fields": {"usage": 0.5, "ok": true}, "time": "2024-01-01T00:00:00Z"}`.
///
/// `tags` and `time` may be left out (the server then stamps the point on arrival). JSON numbers
/// are written as floats, whether or not they have a fraction, so that `1` and `1.5` never make a
/// field's type conflict.
struct MeasurementInput: Decodable {
    /// One field value: a number, a boolean or a string.
    enum Field: Decodable {
        case number(Double)
        case boolean(Bool)
        case string(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let boolean = try? container.decode(Bool.self) {
                self = .boolean(boolean)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        var value: FieldValue {
            switch self {
            case let .number(number): .float(number)
            case let .boolean(boolean): .boolean(boolean)
            case let .string(string): .string(string)
            }
        }
    }

    var name: String
    var tags: [String: String]?
    var fields: [String: Field]
    /// An RFC3339 time.
    var time: String?

    /// The point to write; the library checks it (names, at least one field, the time) when
    /// it encodes it.
    var point: Point {
        Point(
            measurement: name,
            tags: tags ?? [:],
            fields: fields.mapValues(\.value),
            time: time.map(Point.Time.rfc3339)
        )
    }
}
