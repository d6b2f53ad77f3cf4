extension Frame {
    /// Which columns become tags and which become fields when the frame is written, with
    /// influxdb-python's DataFrameClient rules:
    ///
    /// - neither given: every column is a field;
    /// - only `tagColumns`: those are tags, every other column is a field;
    /// - only `fieldColumns`: those are fields, **every other column is a tag**;
    /// - both: as given, and the columns in neither are not written.
    ///
    /// `nil` means "not given"; unlike influxdb-python, which cannot tell an empty list from
    /// none, `[]` means "no such columns". Throws `InfluxError.invalidArgument` for a name that
    /// is not a column or is given both roles.
    public func roles(tagColumns: [String]?, fieldColumns: [String]?) throws -> (tags: [String], fields: [String]) {
        for name in (tagColumns ?? []) + (fieldColumns ?? []) where self[name] == nil {
            throw InfluxError.invalidArgument("the frame has no column \"\(name)\"")
        }
        if let both = tagColumns?.first(where: { fieldColumns?.contains($0) == true }) {
            throw InfluxError.invalidArgument("column \"\(both)\" is given as a tag and as a field")
        }
        switch (tagColumns, fieldColumns) {
        case (nil, nil):
            return ([], columnNames)
        case let (tags?, nil):
            return (tags, columnNames.filter { !tags.contains($0) })
        case let (nil, fields?):
            return (columnNames.filter { !fields.contains($0) }, fields)
        case let (tags?, fields?):
            return (tags, fields)
        }
    }
}
