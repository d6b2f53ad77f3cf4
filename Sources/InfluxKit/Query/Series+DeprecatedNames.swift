/// The name this flag had before it got a Swift name (the server's `partial`), kept as a
/// deprecated alias so that code written with it still works.
extension Series {
    /// True when more rows of this series follow in a later chunk.
    @available(*, deprecated, renamed: "isPartial")
    public var partial: Bool {
        get { isPartial }
        set { isPartial = newValue }
    }

    /// Creates a series.
    @available(*, deprecated, renamed: "init(name:tags:columns:values:isPartial:)")
    public init(name: String?, tags: [String: String]? = nil, columns: [String], values: [[JSONValue]] = [], partial: Bool) {
        self.init(name: name, tags: tags, columns: columns, values: values, isPartial: partial)
    }
}
