/// How the text of a CSV time column becomes nanoseconds since the epoch.
enum CSVTimeParser: Sendable {
    /// An integer in this unit, else RFC3339 (csv2lp's plain `dateTime`, and `--time-format auto`).
    case integerOrRFC3339(Precision)
    case rfc3339
    case epoch(Precision)
    /// A Go reference-time layout (`2006-01-02 15:04:05`); times without a zone in it are at
    /// `offset` seconds east of UTC (`#timezone`).
    case layout(String, offset: Int64)

    init(_ format: CSVTimeFormat, precision: Precision) {
        switch format {
        case .auto: self = .integerOrRFC3339(precision)
        case .rfc3339: self = .rfc3339
        case .epochSeconds: self = .epoch(.seconds)
        case .epochMilliseconds: self = .epoch(.milliseconds)
        case .epochMicroseconds: self = .epoch(.microseconds)
        case .epochNanoseconds: self = .epoch(.nanoseconds)
        }
    }

    /// The parser of an annotation's `dateTime:format` (csv2lp's formats).
    init(annotationFormat format: String, offset: Int64) {
        switch format {
        case "": self = .integerOrRFC3339(.nanoseconds)
        case "RFC3339", "RFC3339Nano": self = .rfc3339
        case "number": self = .epoch(.nanoseconds)
        default: self = .layout(format, offset: offset)
        }
    }

    /// Nanoseconds since the epoch of `text`.
    func nanoseconds(of text: String) throws(CSVProblem) -> Int64 {
        switch self {
        case let .integerOrRFC3339(precision):
            if let value = Int64(text) { return try Self.epoch(value, precision, text) }
            return try Self.rfc3339(text)
        case .rfc3339:
            return try Self.rfc3339(text)
        case let .epoch(precision):
            guard let value = Int64(text) else { throw CSVProblem("time \"\(text)\" is not an integer") }
            return try Self.epoch(value, precision, text)
        case let .layout(layout, offset):
            guard let nanoseconds = GoTimeLayout.nanoseconds(of: text, layout: layout, offset: offset) else {
                throw CSVProblem("time \"\(text)\" does not match the layout \"\(layout)\"")
            }
            return nanoseconds
        }
    }

    private static func epoch(_ value: Int64, _ precision: Precision, _ text: String) throws(CSVProblem) -> Int64 {
        do {
            return try Point.Time.epoch(value, precision).nanosecondsSinceEpoch()
        } catch {
            throw CSVProblem("time \(text) is outside the server's range")
        }
    }

    private static func rfc3339(_ text: String) throws(CSVProblem) -> Int64 {
        do {
            return try RFC3339.nanoseconds(fromISO8601: text)
        } catch let error as InfluxError where error.code == .invalidArgument {
            throw CSVProblem(error.message)
        } catch {
            throw CSVProblem("invalid time \"\(text)\"")
        }
    }
}

/// A small reading of Go's reference-time layouts, for csv2lp's `dateTime:LAYOUT`: `2006`,
/// `01`, `02`, `15`, `04`, `05`, fractions (`.000`, `.999999999`), zones `Z07:00`, `-07:00`,
/// `-0700`, `Z0700`, and literal text. Month names and 12-hour clocks are not read.
enum GoTimeLayout {
    static func nanoseconds(of text: String, layout: String, offset: Int64) -> Int64? {
        var text = Substring(text), layout = Substring(layout)
        var year: Int64 = 1970, month: Int64 = 1, day: Int64 = 1, hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0
        var fraction: Int64 = 0, zone = offset
        func digits(_ count: Int) -> Int64? {
            let taken = text.prefix(count)
            guard taken.count == count, taken.allSatisfy(\.isASCII), let value = Int64(taken) else { return nil }
            text = text.dropFirst(count)
            return value
        }
        while !layout.isEmpty {
            if layout.hasPrefix("2006") {
                guard let value = digits(4) else { return nil }
                year = value
                layout = layout.dropFirst(4)
            } else if let (token, apply) = [("01", 1), ("02", 2), ("15", 3), ("04", 4), ("05", 5)].first(where: { layout.hasPrefix($0.0) }) {
                guard let value = digits(2) else { return nil }
                switch apply {
                case 1: month = value
                case 2: day = value
                case 3: hour = value
                case 4: minute = value
                default: second = value
                }
                layout = layout.dropFirst(token.count)
            } else if layout.hasPrefix(".0") || layout.hasPrefix(".9") || layout.hasPrefix(",0") || layout.hasPrefix(",9") {
                layout = layout.dropFirst().drop { $0 == "0" || $0 == "9" }
                guard text.first == "." || text.first == "," else { continue }  // Go's .999 may be absent
                text = text.dropFirst()
                let figures = text.prefix { $0.isASCII && $0.isNumber }
                guard !figures.isEmpty, figures.count <= 9, let value = Int64(figures) else { return nil }
                fraction = value * Int64(pow10(9 - figures.count))
                text = text.dropFirst(figures.count)
            } else if let token = ["Z07:00", "-07:00", "Z0700", "-0700"].first(where: { layout.hasPrefix($0) }) {
                layout = layout.dropFirst(token.count)
                if token.hasPrefix("Z") && text.first == "Z" {
                    text = text.dropFirst()
                    zone = 0
                    continue
                }
                guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
                text = text.dropFirst()
                guard let hours = digits(2) else { return nil }
                if token.hasSuffix(":00") {
                    guard text.first == ":" else { return nil }
                    text = text.dropFirst()
                }
                guard let minutes = digits(2) else { return nil }
                zone = (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
            } else {
                guard text.first == layout.first else { return nil }
                text = text.dropFirst()
                layout = layout.dropFirst()
            }
        }
        guard text.isEmpty, (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let seconds = CivilDate(year: year, month: month, day: day).daysSinceEpoch * 86_400
            + hour * 3600 + minute * 60 + second - zone
        return Point.Time.nanoseconds(seconds: seconds, fraction: fraction)
    }

    private static func pow10(_ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}
