extension SeriesHelper {
    /// What influxdb-python declares in a SeriesHelper's `class Meta`.
    public struct Configuration: Sendable {
        /// The measurement name template, such as `events.stats.{server_name}`; its placeholders
        /// are filled from each point's tags and fields.
        public var seriesName: String
        /// The field names a point may have. `time` is removed (the time is a separate argument).
        public var fields: [String]
        /// The tag names every point must have.
        public var tags: [String]
        /// The client ``SeriesHelper/commit(client:)`` writes with when it is given none.
        public var client: InfluxClient?
        /// How many queued points trigger a write when ``commitsAutomatically`` is on.
        ///
        /// `nil` or below 1 with autocommit means 1 (influxdb-python forces it to 1 with a
        /// warning); without autocommit it has no effect (influxdb-python warns about that).
        public var bulkSize: Int?
        /// Whether points are written as soon as ``bulkSize`` are queued (influxdb-python's
        /// `autocommit`). Needs a ``client``.
        public var commitsAutomatically: Bool
        /// The retention policy written to; `nil` for the client's (or the database default).
        public var retentionPolicy: String?
        /// The precision times are written in (influxdb-python's `time_precision`); times
        /// between two units are floored.
        public var precision: Precision
        /// The database written to; `nil` for the client's. (influxdb-python has no such
        /// setting: its helpers write to their client's database.)
        public var database: String?

        /// Creates a configuration.
        public init(
            seriesName: String,
            fields: [String],
            tags: [String],
            client: InfluxClient? = nil,
            bulkSize: Int? = nil,
            commitsAutomatically: Bool = false,
            retentionPolicy: String? = nil,
            precision: Precision = .nanoseconds,
            database: String? = nil
        ) {
            self.seriesName = seriesName
            self.fields = fields
            self.tags = tags
            self.client = client
            self.bulkSize = bulkSize
            self.commitsAutomatically = commitsAutomatically
            self.retentionPolicy = retentionPolicy
            self.precision = precision
            self.database = database
        }
    }
}
