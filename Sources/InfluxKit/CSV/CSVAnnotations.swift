import FoundationEssentials

/// The annotation rows read before a table's header: InfluxDB 2.x's annotated CSV (`#datatype`,
/// `#default`, `#group`) and csv2lp's extensions (`#constant`, `#timezone`).
///
/// An annotation's first cell may carry the value of the first column after a space
/// (`#datatype measurement,tag,double`), or be the annotation column of a Flux result
/// (`#datatype,string,long`), whose value is empty.
struct CSVAnnotations: Sendable {
    /// Column annotations by name (`datatype`, `default`, `group`): a value per column.
    var columns: [String: [String]] = [:]
    /// `#constant` columns: type, name (empty when left out) and value.
    var constants: [(type: String, name: String, value: String)] = []
    /// Seconds east of UTC of times without a zone (`#timezone`).
    var timeZoneOffset: Int64 = 0

    /// Whether no column annotation has been read.
    var isEmpty: Bool { columns.isEmpty }

    /// What `record` is, when its first cell starts with `#`.
    enum Kind {
        case column, table, comment
    }

    /// The kind of `record`, or `nil` when it is not an annotation or comment.
    static func kind(of record: CSVRecord) -> Kind? {
        guard record.count > 0, record.withField(0, { $0.first == UInt8(ascii: "#") }) else { return nil }
        switch name(of: record[0]) {
        case "datatype", "default", "group": return .column
        case "constant", "timezone": return .table
        default: return .comment
        }
    }

    /// Takes annotation `record`; throws for a malformed `#constant` or `#timezone`.
    mutating func take(_ record: CSVRecord) throws(CSVProblem) {
        let first = record[0]
        let name = Self.name(of: first)
        let inline = first.drop { $0 != " " }.drop { $0 == " " }
        switch name {
        case "datatype", "default", "group":
            columns[name] = [String(inline)] + (1..<record.count).map { record[$0] }
        case "constant":
            let parts = (inline.isEmpty ? [] : [String(inline)]) + (1..<record.count).map { record[$0] }
            switch parts.count {
            case 2: constants.append((parts[0], "", parts[1]))
            case 3: constants.append((parts[0], parts[1], parts[2]))
            default: throw CSVProblem("#constant needs a type, an optional name and a value")
            }
        case "timezone":
            let value = inline.isEmpty && record.count > 1 ? record[1] : String(inline)
            timeZoneOffset = try Self.offset(of: value)
        default:
            break
        }
    }

    /// The annotation name of a first cell: `#datatype measurement` → `datatype`.
    private static func name(of cell: String) -> String {
        String(cell.dropFirst().prefix { $0 != " " })
    }

    /// Seconds east of UTC of `+hhmm`, `-hhmm`, `Z`, `UTC` or `Local`.
    private static func offset(of text: String) throws(CSVProblem) -> Int64 {
        switch text {
        case "", "Z", "UTC": return 0
        case "Local": return Int64(TimeZone.current.secondsFromGMT())
        default: break
        }
        let digits = text.dropFirst()
        guard let sign = text.first, sign == "+" || sign == "-", digits.count == 4, let value = Int64(digits),
              value % 100 < 60
        else { throw CSVProblem("#timezone \"\(text)\" is not +hhmm, -hhmm or Local") }
        return (sign == "-" ? -1 : 1) * (value / 100 * 3600 + value % 100 * 60)
    }
}
