/// The names settings had before they got Swift names (influxdb-python's `autocommit` and
/// `time_precision`), kept as deprecated aliases.
extension SeriesHelper.Configuration {
    /// influxdb-python's `autocommit`.
    @available(*, deprecated, renamed: "commitsAutomatically")
    public var autocommit: Bool {
        get { commitsAutomatically }
        set { commitsAutomatically = newValue }
    }

    /// influxdb-python's `time_precision`.
    @available(*, deprecated, renamed: "precision")
    public var timePrecision: Precision {
        get { precision }
        set { precision = newValue }
    }

    /// Creates a configuration with influxdb-python's `autocommit` (and `time_precision`) labels.
    @available(
        *, deprecated,
        renamed: "init(seriesName:fields:tags:client:bulkSize:commitsAutomatically:retentionPolicy:precision:database:)")
    public init(
        seriesName: String,
        fields: [String],
        tags: [String],
        client: InfluxClient? = nil,
        bulkSize: Int? = nil,
        autocommit: Bool,
        retentionPolicy: String? = nil,
        timePrecision: Precision = .nanoseconds,
        database: String? = nil
    ) {
        self.init(
            seriesName: seriesName, fields: fields, tags: tags, client: client, bulkSize: bulkSize,
            commitsAutomatically: autocommit, retentionPolicy: retentionPolicy, precision: timePrecision,
            database: database)
    }

    /// Creates a configuration with influxdb-python's `time_precision` label.
    @available(
        *, deprecated,
        renamed: "init(seriesName:fields:tags:client:bulkSize:commitsAutomatically:retentionPolicy:precision:database:)")
    public init(
        seriesName: String,
        fields: [String],
        tags: [String],
        client: InfluxClient? = nil,
        bulkSize: Int? = nil,
        retentionPolicy: String? = nil,
        timePrecision: Precision,
        database: String? = nil
    ) {
        self.init(
            seriesName: seriesName, fields: fields, tags: tags, client: client, bulkSize: bulkSize,
            retentionPolicy: retentionPolicy, precision: timePrecision, database: database)
    }
}
