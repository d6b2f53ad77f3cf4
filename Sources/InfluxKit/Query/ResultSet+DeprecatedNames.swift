/// The name this flag had before it got a Swift name (the server's `partial`), kept as a
/// deprecated alias so that code written with it still works.
extension ResultSet {
    /// True when more chunks of this statement follow.
    @available(*, deprecated, renamed: "isPartial")
    public var partial: Bool {
        get { isPartial }
        set { isPartial = newValue }
    }

    /// Creates a result.
    @available(*, deprecated, renamed: "init(statementID:series:messages:error:isPartial:)")
    public init(statementID: Int, series: [Series] = [], messages: [Message] = [], error: String? = nil, partial: Bool) {
        self.init(statementID: statementID, series: series, messages: messages, error: error, isPartial: partial)
    }
}
