/// The result of one statement, as influxdb-python's `ResultSet`.
public struct ResultSet: Sendable, Equatable {
    /// A message the server attached to a result (for example a deprecation warning).
    public struct Message: Sendable, Equatable {
        /// The level, such as `warning`.
        public var level: String
        /// The text.
        public var text: String

        /// Creates a message.
        public init(level: String, text: String) {
            self.level = level
            self.text = text
        }
    }

    /// The statement's position in the query, counting from 0 (`statement_id`).
    public var statementID: Int
    /// The series of this result (of this chunk, when streaming).
    public var series: [Series]
    /// Messages from the server.
    public var messages: [Message]
    /// The statement's error, if it failed.
    public var error: String?
    /// True when more chunks of this statement follow (the server's `partial`).
    public var isPartial: Bool

    /// Creates a result.
    public init(
        statementID: Int,
        series: [Series] = [],
        messages: [Message] = [],
        error: String? = nil,
        isPartial: Bool = false
    ) {
        self.statementID = statementID
        self.series = series
        self.messages = messages
        self.error = error
        self.isPartial = isPartial
    }
}
