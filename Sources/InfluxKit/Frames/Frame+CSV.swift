import FoundationEssentials

extension Frame {
    /// How ``csv(time:)`` writes the time column.
    public enum CSVTime: Sendable, Equatable {
        /// RFC3339 in UTC with up to nine fraction digits, as the server writes it.
        case rfc3339
        /// An integer count of units since the epoch (floored).
        case epoch(Precision)
    }

    /// The frame as CSV (RFC 4180): a header `time,column,…`, then one line per row.
    ///
    /// Missing values are empty cells; floats are written in their shortest exact form, booleans
    /// as `true`/`false`; a cell holding a comma, a quote or a line break is quoted, with quotes
    /// doubled. Lines end in `\n`.
    public func csv(time format: CSVTime = .rfc3339) -> String {
        var text = (["time"] + columnNames).map(Self.csvCell).joined(separator: ",") + "\n"
        let columns = columns.map(\.column)
        for row in 0..<rowCount {
            switch format {
            case .rfc3339:
                text += RFC3339.string(fromNanoseconds: time[row])
            case let .epoch(precision):
                text += String(RFC3339.floorDivide(time[row], by: precision.nanosecondsPerUnit).quotient)
            }
            for column in columns {
                text += ","
                if let cell = column.text(at: row) { text += Self.csvCell(cell) }
            }
            text += "\n"
        }
        return text
    }

    private static func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
