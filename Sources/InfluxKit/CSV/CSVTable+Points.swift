extension CSVTable {
    /// The point of data row `record`.
    func point(from record: CSVRecord) throws(CSVProblem) -> Point {
        guard record.count == width else {
            throw CSVProblem("\(record.count) \(record.count == 1 ? "value" : "values") for \(width) columns")
        }
        var point = Point(measurement: "", fields: [:])
        var fieldName: String?, fieldValue: (text: String, column: CSVColumn)?
        for column in columns {
            guard let text = column.text(in: record) else { continue }
            switch column.role {
            case .measurement:
                point.measurement = text
            case .tag:
                point.tags[column.label] = text
            case .tagList:
                point.tags.merge(Self.tags(of: text)) { _, new in new }
            case let .time(parser):
                point.time = .epoch(try parser.nanoseconds(of: text), .nanoseconds)
            case let .field(kind):
                point.fields[column.label] = try Self.value(of: text, as: kind, in: column)
            case .fieldName:
                fieldName = text
            case .fieldValue:
                fieldValue = (text, column)
            case .ignored:
                break
            }
        }
        if let fieldName, let fieldValue, case let .fieldValue(kind) = fieldValue.column.role {
            point.fields[fieldName] = try Self.value(of: fieldValue.text, as: kind, in: fieldValue.column)
        }
        guard !point.measurement.isEmpty else { throw CSVProblem("no measurement: its column is empty") }
        guard !point.fields.isEmpty else { throw CSVProblem("no fields: every field column is empty") }
        return point
    }

    private static func value(of text: String, as kind: CSVValueKind, in column: CSVColumn) throws(CSVProblem) -> FieldValue {
        do {
            return try kind.value(of: text)
        } catch {
            let hint = column.inferred ? " (the type was inferred from the first rows; --field-types \(column.label)=TYPE sets it)" : ""
            throw CSVProblem("column \"\(column.label)\": \(error.reason)\(hint)")
        }
    }

    /// The tags of `k1=v1,k2=v2`; a part without `=` belongs to the value before it (a value
    /// that holds a comma).
    static func tags(of text: String) -> [String: String] {
        var tags: [String: String] = [:]
        var last: String?
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            if let equals = part.firstIndex(of: "=") {
                let key = String(part[..<equals])
                tags[key] = String(part[part.index(after: equals)...])
                last = key
            } else if let last {
                tags[last, default: ""] += "," + part
            }
        }
        return tags
    }
}
