/// Collects one column of a query result, value by value, choosing its type as influxdb-python
/// (through pandas) does: integers only make an integer column, integers and floats a float
/// column; a column whose values have kinds that do not mix (a number and a string, say, when a
/// field's type differs between shards) becomes a string column of their text.
struct FrameColumnBuilder {
    private enum Kind { case empty, integer, float, string, boolean }

    private var kind = Kind.empty
    private var integers: [Int64?] = []
    private var floats: [Double] = []
    private var strings: [String?] = []
    private var booleans: [Bool?] = []
    /// The number of values so far.
    private(set) var count = 0

    /// Creates a column holding `missing` missing values.
    init(missing: Int = 0) {
        count = missing
    }

    /// Appends missing values until the column holds `count` values.
    mutating func pad(to count: Int) {
        while self.count < count { append(.null) }
    }

    /// Appends one value of a result row.
    mutating func append(_ value: JSONValue) {
        defer { count += 1 }
        switch value {
        case .null:
            switch kind {
            case .empty: break
            case .integer: integers.append(nil)
            case .float: floats.append(.nan)
            case .string: strings.append(nil)
            case .boolean: booleans.append(nil)
            }
        case let .integer(number):
            switch kind {
            case .empty:
                kind = .integer
                integers = Array(repeating: nil, count: count)
                integers.append(number)
            case .integer: integers.append(number)
            case .float: floats.append(Double(number))
            case .string, .boolean: appendText(String(number))
            }
        case let .float(number):
            appendFloat(number)
        case let .unsigned(number):
            appendFloat(Double(number))
        case let .number(text):
            // Beyond 64 bits: the nearest float, as pandas reads it (infinity beyond its range).
            appendFloat(Double(text) ?? .nan)
        case let .bool(flag):
            switch kind {
            case .empty:
                kind = .boolean
                booleans = Array(repeating: nil, count: count)
                booleans.append(flag)
            case .boolean: booleans.append(flag)
            default: appendText(flag ? "true" : "false")
            }
        case let .string(text):
            appendText(text)
        case .array, .object:
            appendText(value.serialized())
        }
    }

    /// The finished column; a column without any value is a float column of NaN.
    func column() -> Frame.Column {
        switch kind {
        case .empty: return .float(Array(repeating: .nan, count: count))
        case .integer: return .integer(integers)
        case .float: return .float(floats)
        case .string: return .string(strings)
        case .boolean: return .boolean(booleans)
        }
    }

    private mutating func appendFloat(_ number: Double) {
        switch kind {
        case .empty:
            kind = .float
            floats = Array(repeating: .nan, count: count)
        case .integer:
            kind = .float
            floats = integers.map { $0.map(Double.init) ?? .nan }
            integers = []
        case .float:
            break
        case .string, .boolean:
            appendText(number.description)
            return
        }
        floats.append(number)
    }

    private mutating func appendText(_ text: String) {
        if kind != .string {
            let current = column()
            strings = kind == .empty
                ? Array(repeating: nil, count: count) : (0..<count).map { current.text(at: $0) }
            kind = .string
            integers = []
            floats = []
            booleans = []
        }
        strings.append(text)
    }
}
