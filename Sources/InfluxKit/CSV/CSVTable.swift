/// The columns of one CSV table, from its header, the annotations before it and the options,
/// and how a row of it becomes a point.
struct CSVTable: Sendable {
    private(set) var columns: [CSVColumn]
    /// The number of cells of a row.
    let width: Int
    /// The column of influxkit's (and the Go shell's) own CSV in which a repeated header reads
    /// `time`.
    let headerMarker: Int?

    /// Whether some field column's type is still to be inferred from the first rows.
    var needsInference: Bool { columns.contains { $0.inferred && Self.kind(of: $0) == .inferred } }

    init(header: CSVRecord, annotations: CSVAnnotations, options: CSVPointOptions) throws(CSVProblem) {
        var labels = header.fields
        var types = annotations.columns["datatype"] ?? []
        var defaults = annotations.columns["default"] ?? []
        let groups = annotations.columns["group"] ?? []
        // csv2lp's `name|type|default` headers.
        if annotations.isEmpty && labels.contains(where: { $0.contains("|") }) {
            types = labels.map { $0.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? "" }
            defaults = labels.map { $0.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).dropFirst(2).first.map(String.init) ?? "" }
            labels = labels.map { String($0.prefix { $0 != "|" }) }
        }
        let shellShaped = Self.isShellOutput(labels) && annotations.isEmpty
        let hasFieldName = labels.contains("_field")
        try Self.checkNamed(options, in: labels)

        var columns: [CSVColumn] = []
        for (index, label) in labels.enumerated() {
            let type = index < types.count ? types[index] : ""
            let grouped = index < groups.count && groups[index].hasSuffix("true")
            var column = CSVColumn(label: label, index: index, role: .ignored,
                                   defaultValue: index < defaults.count && !defaults[index].isEmpty ? defaults[index] : nil)
            column.role = try Self.role(of: label, type: type, grouped: grouped, shellShaped: shellShaped,
                                        hasFieldName: hasFieldName, options: options, timeZone: annotations.timeZoneOffset)
            column.inferred = type.isEmpty && options.fieldTypes[label] == nil
            columns.append(column)
        }
        for constant in annotations.constants {
            let label = constant.name.isEmpty ? constant.type : constant.name
            let role = try Self.role(of: label, type: constant.type, grouped: false, shellShaped: false,
                                     hasFieldName: false, options: CSVPointOptions(), timeZone: annotations.timeZoneOffset)
            columns.append(CSVColumn(label: label, index: nil, role: role, defaultValue: constant.value))
        }
        columns = Self.keepingOneTime(columns)
        if !columns.contains(where: { if case .measurement = $0.role { true } else { false } }) {
            guard let measurement = options.measurement else {
                throw CSVProblem("no measurement: give --measurement NAME or --measurement-column COLUMN")
            }
            columns.append(CSVColumn(label: "", index: nil, role: .measurement, defaultValue: measurement))
        }
        self.columns = columns
        width = labels.count
        headerMarker = shellShaped ? labels.firstIndex(of: "time") : nil
    }

    /// Whether `record` repeats the header of influxkit's own CSV (a new statement, or series
    /// with other columns).
    func isHeader(_ record: CSVRecord) -> Bool {
        guard let headerMarker, headerMarker < record.count else { return false }
        return record[headerMarker] == "time"
    }

    /// Decides the type of every inferred field column from the rows of `sample`.
    mutating func inferTypes(from sample: [CSVRecord]) {
        for index in columns.indices where columns[index].inferred && Self.kind(of: columns[index]) == .inferred {
            let texts = sample.filter { $0.count == width && $0.problem == nil }.compactMap { columns[index].text(in: $0) }
            let kind = CSVValueKind.inferred(from: texts)
            if case .fieldValue = columns[index].role {
                columns[index].role = .fieldValue(kind)
            } else {
                columns[index].role = .field(kind)
            }
        }
    }

    /// The header of influxkit's `query --format csv` and the Go shell's `-format csv`: `name`
    /// and `tags` when present, then `time`.
    static func isShellOutput(_ labels: [String]) -> Bool {
        var rest = labels[...]
        if rest.first == "name" { rest = rest.dropFirst() }
        if rest.first == "tags" { rest = rest.dropFirst() }
        return rest.first == "time"
    }

    private static func kind(of column: CSVColumn) -> CSVValueKind? {
        switch column.role {
        case let .field(kind), let .fieldValue(kind): return kind
        default: return nil
        }
    }

    /// Refuses options that name a column the header does not have.
    private static func checkNamed(_ options: CSVPointOptions, in labels: [String]) throws(CSVProblem) {
        let named = [options.measurementColumn, options.timeColumn].compactMap { $0 } + options.tagColumns
            + options.fieldTypes.keys.sorted()
        if let missing = named.first(where: { !labels.contains($0) }) {
            throw CSVProblem("no column \"\(missing)\" in the header (\(labels.joined(separator: ",")))")
        }
    }

    private static func role(
        of label: String, type: String, grouped: Bool, shellShaped: Bool, hasFieldName: Bool,
        options: CSVPointOptions, timeZone: Int64
    ) throws(CSVProblem) -> CSVColumn.Role {
        let (name, format) = type.firstIndex(of: ":").map { (String(type[..<$0]), String(type[type.index(after: $0)...])) } ?? (type, "")
        switch name {
        case "tag": return .tag
        case "measurement": return .measurement
        case "dateTime", "time": return .time(CSVTimeParser(annotationFormat: format, offset: timeZone))
        case _ where name.hasPrefix("ignore"): return .ignored
        default: break
        }
        var kind = options.fieldTypes[label].map(CSVValueKind.init) ?? .inferred
        if !name.isEmpty {
            guard let annotated = CSVValueKind(annotation: name, format: format) else {
                throw CSVProblem("unknown data type \"\(type)\" of column \"\(label)\"")
            }
            kind = annotated
        }
        let optionTime = CSVTimeParser(options.timeFormat, precision: options.precision)
        if options.tagColumns.contains(label) { return .tag }
        if options.measurementColumn == label { return .measurement }
        if options.timeColumn == label { return .time(optionTime) }
        switch label {
        case "_measurement": return .measurement
        case "_time": return .time(optionTime)
        case "_field": return .fieldName
        case "_value": return .fieldValue(kind)
        case _ where grouped: return .tag  // a Flux result's group key
        case "time" where options.timeColumn == nil: return .time(optionTime)
        case "name" where shellShaped && options.measurement == nil && options.measurementColumn == nil: return .measurement
        case "tags" where shellShaped: return .tagList
        case "": return .ignored
        default: return hasFieldName ? .ignored : .field(kind)
        }
    }

    /// The columns with one time column: `_time` if there are several (a Flux result's `_start`
    /// and `_stop` are times too), else the last; the others are ignored.
    private static func keepingOneTime(_ columns: [CSVColumn]) -> [CSVColumn] {
        let times = columns.indices.filter { if case .time = columns[$0].role { true } else { false } }
        guard times.count > 1 else { return columns }
        let kept = times.first { columns[$0].label == "_time" } ?? times.last!
        var columns = columns
        for index in times where index != kept { columns[index].role = .ignored }
        return columns
    }
}
