/// Points given as JSON in the shape influxdb-python's `write_points` takes.
///
/// Either an array of point objects, or an object with a `"points"` array, optional global
/// `"tags"` (merged under each point's tags) and an optional default `"measurement"`:
///
/// ```json
/// {"measurement": "cpu", "tags": {"host": "a"},
///  "points": [{"tags": {"core": "0"}, "time": 1700000000, "fields": {"load": 0.5}}]}
/// ```
///
/// A point object has `"measurement"` (a string), `"tags"` (an object), `"time"` and `"fields"`
/// (an object). Other members are ignored, as Python ignores them.
///
/// - Fields: a JSON integer becomes `.integer` (one above `Int64.max` becomes `.unsigned`), a
///   number with a fraction or exponent `.float` (so `2` and `2.0` differ, as in Python), strings
///   and booleans keep their type, `null` fields are left out, and arrays or objects are refused;
///   so is a number no 64-bit type holds (an integer beyond 64 bits, `1e400`), rather than
///   being written as another value.
/// - Tags: string values are taken as they are; numbers and booleans become their text the way
///   Python's `str()` writes them (`1`, `1.5`, `1e+20`, `True`, `False`); a `null` tag becomes an
///   empty value, which the encoder drops and which hides a global tag of the same key (as in
///   influxdb-python); arrays and objects are refused.
/// - Time: an integer is a count of `precision` units (`.epoch`), a string an ISO 8601 time
///   as influxdb-python reads it (``RFC3339/nanoseconds(fromISO8601:)``: no zone means UTC, a
///   space may stand for `T`, a bare date is midnight); `null` or no time lets the server stamp
///   the point. Floats are refused (influxdb-python refuses them too).
public enum PointsJSON {
    /// Converts `json` into points, one result per point in input order, so each refused point
    /// can be reported with its index while the others are written.
    ///
    /// Throws `InfluxError.invalidArgument` when `json` as a whole has the wrong shape (neither an
    /// array nor an object with a `"points"` array, or global `"tags"` that are not an object).
    public static func points(
        from json: JSONValue, precision: Precision = .nanoseconds
    ) throws -> [Result<Point, InfluxError>] {
        let items: [JSONValue]
        var defaults = Defaults()
        switch json {
        case let .array(array):
            items = array
        case .object:
            guard case let .array(array)? = json["points"] else {
                throw InfluxError.invalidArgument("json points must be an array or an object with a \"points\" array")
            }
            items = array
            switch json["measurement"] {
            case nil, .null?: break
            case let .string(name)?: defaults.measurement = name
            default: throw InfluxError.invalidArgument("json \"measurement\" must be a string")
            }
            do {
                defaults.tags = try tags(from: json["tags"])
            } catch {
                throw InfluxError.invalidArgument("json global \"tags\": \(error.reason)")
            }
        default:
            throw InfluxError.invalidArgument("json points must be an array or an object with a \"points\" array")
        }
        return items.map { convert($0, defaults: defaults, precision: precision) }
    }

    /// One point object as a point, or why it cannot be one.
    static func convert(_ item: JSONValue, defaults: Defaults, precision: Precision) -> Result<Point, InfluxError> {
        do throws(Problem) {
            return .success(try point(from: item, defaults: defaults, precision: precision))
        } catch {
            return .failure(.invalidPoint(reason: error.reason))
        }
    }

    /// Applies a member of the object form other than `"points"` to `defaults`.
    static func apply(_ key: String, _ value: JSONValue, to defaults: inout Defaults) throws {
        switch key {
        case "measurement":
            switch value {
            case .null: defaults.measurement = nil
            case let .string(name): defaults.measurement = name
            default: throw InfluxError.invalidArgument("json \"measurement\" must be a string")
            }
        case "tags":
            do {
                defaults.tags = try tags(from: value)
            } catch {
                throw InfluxError.invalidArgument("json global \"tags\": \(error.reason)")
            }
        default:
            break
        }
    }

    /// The error for a document of the wrong shape.
    static let shapeError = InfluxError.invalidArgument("json points must be an array or an object with a \"points\" array")

    /// What the object form gives every point: a measurement and tags.
    struct Defaults {
        var measurement: String?
        var tags: [String: String] = [:]
    }

    struct Problem: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static func point(from item: JSONValue, defaults: Defaults, precision: Precision) throws(Problem) -> Point {
        guard case .object = item else { throw Problem("a point must be a json object") }

        let measurement: String
        switch item["measurement"] {
        case let .string(name)?: measurement = name
        case nil, .null?:
            guard let name = defaults.measurement else { throw Problem("missing measurement") }
            measurement = name
        default: throw Problem("\"measurement\" must be a string")
        }

        var tags = defaults.tags
        for (key, value) in try self.tags(from: item["tags"]) {
            tags[key] = value
        }

        guard case let .object(members)? = item["fields"] else {
            throw Problem(item["fields"] == nil ? "missing fields" : "\"fields\" must be an object")
        }
        var fields: [String: FieldValue] = [:]
        for (key, value) in members {
            switch value {
            case .null: fields[key] = nil
            case let .integer(number): fields[key] = .integer(number)
            case let .unsigned(number): fields[key] = .unsigned(number)
            case let .float(number): fields[key] = .float(number)
            case let .number(text): throw Problem("field \"\(key)\": \(text) does not fit in a 64-bit number")
            case let .string(text): fields[key] = .string(text)
            case let .bool(flag): fields[key] = .boolean(flag)
            case .array, .object: throw Problem("field \"\(key)\" is an array or object")
            }
        }

        let time: Point.Time?
        switch item["time"] {
        case nil, .null?:
            time = nil
        case let .integer(value)?:
            time = .epoch(value, precision)
        case let .string(text)?:
            do {
                time = .epoch(try RFC3339.nanoseconds(fromISO8601: text), .nanoseconds)
            } catch let error as InfluxError where error.code == .invalidArgument {
                throw Problem(error.message)
            } catch {
                throw Problem("invalid time \"\(text)\"")
            }
        case .unsigned?, .number?:
            throw Problem("time is outside the server's range")
        default:
            throw Problem("\"time\" must be an integer or an rfc3339 string")
        }

        return Point(measurement: measurement, tags: tags, fields: fields, time: time)
    }

    static func tags(from json: JSONValue?) throws(Problem) -> [String: String] {
        guard let json else { return [:] }
        switch json {
        case .null:
            return [:]
        case let .object(members):
            var tags: [String: String] = [:]
            for (key, value) in members {
                switch value {
                case .null: tags[key] = ""
                case let .string(text): tags[key] = text
                case let .integer(number): tags[key] = String(number)
                case let .unsigned(number): tags[key] = String(number)
                case let .float(number): tags[key] = pythonText(number)
                case let .number(text): tags[key] = text
                case let .bool(flag): tags[key] = flag ? "True" : "False"
                case .array, .object: throw Problem("tag \"\(key)\" is an array or object")
                }
            }
            return tags
        default:
            throw Problem("\"tags\" must be an object")
        }
    }

    /// A float as Python's `str()` writes it: Swift's shortest form matches it (`1.0`, `0.1`,
    /// `1e+20`, `1e-05`) except for NaN and infinities.
    private static func pythonText(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        return number.description
    }
}

extension InfluxError {
    /// The reason of an `.invalidPoint`, or the description of any other error.
    var pointReason: String {
        code == .invalidPoint ? message : description
    }
}
