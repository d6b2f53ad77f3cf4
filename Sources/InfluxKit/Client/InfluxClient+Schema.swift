extension InfluxClient {
    /// The tag keys of every measurement of a database, or of one measurement.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func tagKeys(database: String? = nil, measurement: String? = nil) throws -> [TagKey] {
        let statement = InfluxQL.showTagKeys(on: try targetDatabase(database), from: measurement)
        return try execute(statement).rows.map { row in
            TagKey(measurement: try row.requiredSeriesName(), name: try row.string("tagKey"))
        }
    }

    /// The field keys and their types, of every measurement of a database or of one.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func fieldKeys(database: String? = nil, measurement: String? = nil) throws -> [FieldKey] {
        let statement = InfluxQL.showFieldKeys(on: try targetDatabase(database), from: measurement)
        return try execute(statement).rows.map { row in
            let typeName = try row.string("fieldType")
            guard let type = FieldKey.ValueType(rawValue: typeName) else {
                throw InfluxError.malformedResponse(reason: "unknown field type \(typeName)")
            }
            return FieldKey(measurement: try row.requiredSeriesName(), name: try row.string("fieldKey"), type: type)
        }
    }

    /// The values tag `key` takes, in every measurement of a database or in one.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func tagValues(key: String, database: String? = nil, measurement: String? = nil) throws -> [TagValue] {
        let statement = InfluxQL.showTagValues(on: try targetDatabase(database), from: measurement, key: key)
        return try execute(statement).rows.map { row in
            TagValue(measurement: try row.requiredSeriesName(), key: try row.string("key"), value: try row.string("value"))
        }
    }
}
