extension ResultSet {
    /// The statement result as the JSON InfluxDB sends for it, rebuilt from the fields, like
    /// influxdb-python's `ResultSet.raw`.
    ///
    /// Members come in the server's order (`statement_id`, `series`, `messages`, `partial`,
    /// `error`) and, as the server does, empty or false members are left out; a series has
    /// `name`, `tags` (sorted by key), `columns`, `values` and `partial`.
    public var raw: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("statement_id", .integer(Int64(statementID)))]
        if !series.isEmpty {
            members.append(("series", .array(series.map(\.raw))))
        }
        if !messages.isEmpty {
            let list = messages.map { JSONValue.object([("level", .string($0.level)), ("text", .string($0.text))]) }
            members.append(("messages", .array(list)))
        }
        if isPartial {
            members.append(("partial", .bool(true)))
        }
        if let error {
            members.append(("error", .string(error)))
        }
        return .object(members)
    }
}
