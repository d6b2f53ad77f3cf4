/// One column of a CSV table and the part of a point it gives.
struct CSVColumn: Sendable {
    /// What a column gives.
    enum Role: Sendable {
        case measurement
        case tag
        /// `k=v,k=v`: the tags of influxkit's and the Go shell's CSV output.
        case tagList
        case time(CSVTimeParser)
        case field(CSVValueKind)
        /// The name of the one field of a row (`_field` of a Flux result).
        case fieldName
        /// The value of that field (`_value`).
        case fieldValue(CSVValueKind)
        case ignored
    }

    /// The header label: the tag key or field key.
    var label: String
    /// The index of the column in a row; `nil` for a `#constant`, whose value is ``defaultValue``.
    var index: Int?
    var role: Role
    /// The value of an empty cell (`#default`, `name|type|default`).
    var defaultValue: String?
    /// Whether no annotation or option gave the type: it is inferred from the first rows.
    var inferred = false

    /// The text of this column in `record`, or `nil` when it is empty and has no default.
    func text(in record: CSVRecord) -> String? {
        if let index, index < record.count, !record.isEmpty(index) { return record[index] }
        return defaultValue.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// How the text of a field column becomes a field value.
enum CSVValueKind: Sendable, Equatable {
    /// Not known yet: decided from the first rows (``CSVValueKind/inferred(from:)``).
    case inferred
    case float(format: String)
    case integer(format: String)
    case unsigned(format: String)
    /// `truthy`/`falsy` lists from `boolean:y,Y:n,N`; empty lists mean the default words.
    case boolean(truthy: [String], falsy: [String])
    case string
    /// A line-protocol value as it is written in line protocol (`1i`, `"text"`, `t`).
    case lineProtocol
    /// A Go duration (`1h30m`, `15ms`), written as integer nanoseconds.
    case duration

    /// The kind that `type` (an annotation's `double`, `long:,`…) names, or `nil`.
    init?(annotation type: String, format: String) {
        switch type {
        case "double": self = .float(format: format)
        case "long": self = .integer(format: format)
        case "unsignedLong": self = .unsigned(format: format)
        case "boolean":
            let lists = format.split(separator: ":", omittingEmptySubsequences: false).map {
                $0.split(separator: ",").map(String.init)
            }
            self = .boolean(truthy: lists.first ?? [], falsy: lists.count > 1 ? lists[1] : [])
        case "string": self = .string
        case "field", "": self = .lineProtocol
        case "duration": self = .duration
        default: return nil
        }
    }

    /// The kind of a ``CSVFieldType``.
    init(_ type: CSVFieldType) {
        switch type {
        case .float: self = .float(format: "")
        case .integer: self = .integer(format: "")
        case .unsigned: self = .unsigned(format: "")
        case .boolean: self = .boolean(truthy: [], falsy: [])
        case .string: self = .string
        }
    }

    /// The narrowest kind that takes every non-empty text of `texts`: boolean (`true`/`false`
    /// only), integer, float, else string.
    static func inferred(from texts: [String]) -> CSVValueKind {
        var boolean = true, integer = true, float = true
        for text in texts {
            let lower = text.lowercased()
            boolean = boolean && (lower == "true" || lower == "false")
            integer = integer && Int64(text) != nil
            float = float && CSVValueKind.float(text, format: "") != nil
            if !boolean && !float { return .string }
        }
        if texts.isEmpty { return .string }
        return boolean ? .boolean(truthy: [], falsy: []) : integer ? .integer(format: "") : .float(format: "")
    }
}
