extension CSVOptions: OneShotParsable {
    static var oneShotTable: OneShotTable<Self> {
        OneShotTable([
            .optional("measurement") { $0.measurement = $1 },
            .optional("measurement-column") { $0.measurementColumn = $1 },
            .optional("tag-columns") { $0.tagColumns = $1 },
            .optional("time-column") { $0.timeColumn = $1 },
            .optional("time-format") { $0.timeFormat = $1 },
            .optional("field-types") { $0.fieldTypes = $1 },
        ])
    }
}
