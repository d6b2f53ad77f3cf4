extension Series {
    /// The series as the JSON InfluxDB sends for it: `name`, `tags` (sorted by key), `columns`,
    /// `values`, `partial`, leaving out what is absent, empty or false.
    public var raw: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let name {
            members.append(("name", .string(name)))
        }
        if let tags, !tags.isEmpty {
            // Byte order of the UTF-8 keys, as Go sorts map keys.
            let sorted = tags.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            members.append(("tags", .object(sorted.map { (key: $0.key, value: .string($0.value)) })))
        }
        if !columns.isEmpty {
            members.append(("columns", .array(columns.map(JSONValue.string))))
        }
        if !values.isEmpty {
            members.append(("values", .array(values.map(JSONValue.array))))
        }
        if isPartial {
            members.append(("partial", .bool(true)))
        }
        return .object(members)
    }
}
