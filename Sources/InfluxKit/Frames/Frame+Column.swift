extension Frame {
    /// The type of a column's values.
    public enum ColumnType: String, Sendable, CaseIterable {
        /// 64-bit floats; a missing value is NaN.
        case float
        /// 64-bit signed integers.
        case integer
        /// Strings.
        case string
        /// Booleans.
        case boolean
    }

    /// One column: a value per row, of one type.
    ///
    /// A missing value is NaN in a float column (InfluxDB cannot store NaN, so the two never
    /// mean different things) and `nil` in the others.
    public enum Column: Sendable, Equatable {
        /// Floats, NaN where a value is missing.
        case float([Double])
        /// Integers.
        case integer([Int64?])
        /// Strings.
        case string([String?])
        /// Booleans.
        case boolean([Bool?])

        /// The number of rows.
        public var count: Int {
            switch self {
            case let .float(values): return values.count
            case let .integer(values): return values.count
            case let .string(values): return values.count
            case let .boolean(values): return values.count
            }
        }

        /// The type of the values.
        public var type: ColumnType {
            switch self {
            case .float: return .float
            case .integer: return .integer
            case .string: return .string
            case .boolean: return .boolean
            }
        }

        /// The value of row `row` as a field value; `nil` when it is missing or a float that
        /// cannot be written (NaN, ±infinity).
        public func value(at row: Int) -> FieldValue? {
            switch self {
            case let .float(values): return values[row].isFinite ? .float(values[row]) : nil
            case let .integer(values): return values[row].map(FieldValue.integer)
            case let .string(values): return values[row].map(FieldValue.string)
            case let .boolean(values): return values[row].map(FieldValue.boolean)
            }
        }

        /// The text of row `row` (numbers in decimal, booleans as `true`/`false`), or `nil` when
        /// the value is missing or a NaN.
        public func text(at row: Int) -> String? {
            switch self {
            case let .float(values): return values[row].isNaN ? nil : values[row].description
            case let .integer(values): return values[row].map { String($0) }
            case let .string(values): return values[row]
            case let .boolean(values): return values[row].map { $0 ? "true" : "false" }
            }
        }

        /// True when every value is missing (NaN in a float column).
        public var isEmpty: Bool {
            switch self {
            case let .float(values): return values.allSatisfy(\.isNaN)
            case let .integer(values): return values.allSatisfy { $0 == nil }
            case let .string(values): return values.allSatisfy { $0 == nil }
            case let .boolean(values): return values.allSatisfy { $0 == nil }
            }
        }

        /// The column converted to `type`.
        ///
        /// Integers become floats; floats that are whole and fit become integers (NaN becomes
        /// `nil`); anything becomes its ``text(at:)``. Throws `InfluxError.invalidArgument` for
        /// any other conversion, naming the first value that does not fit.
        public func converted(to type: ColumnType) throws -> Column {
            switch (self, type) {
            case (_, _) where self.type == type:
                return self
            case let (.integer(values), .float):
                return .float(values.map { $0.map(Double.init) ?? .nan })
            case let (.float(values), .integer):
                return .integer(try values.map { value in
                    if value.isNaN { return nil }
                    guard let whole = Int64(exactly: value) else {
                        throw InfluxError.invalidArgument("\(value) is not an integer")
                    }
                    return whole
                })
            case (_, .string):
                return .string((0..<count).map(text(at:)))
            default:
                let first = (0..<count).lazy.compactMap(text(at:)).first ?? "a missing value"
                throw InfluxError.invalidArgument("\(first) cannot be converted from \(self.type) to \(type)")
            }
        }

        /// Picks the rows at `indices`, in that order.
        func rows(_ indices: [Int]) -> Column {
            switch self {
            case let .float(values): return .float(indices.map { values[$0] })
            case let .integer(values): return .integer(indices.map { values[$0] })
            case let .string(values): return .string(indices.map { values[$0] })
            case let .boolean(values): return .boolean(indices.map { values[$0] })
            }
        }

        /// Compares columns value by value; NaN equals NaN (both mean "missing").
        public static func == (lhs: Column, rhs: Column) -> Bool {
            switch (lhs, rhs) {
            case let (.float(a), .float(b)):
                return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
            case let (.integer(a), .integer(b)): return a == b
            case let (.string(a), .string(b)): return a == b
            case let (.boolean(a), .boolean(b)): return a == b
            default: return false
            }
        }
    }
}
