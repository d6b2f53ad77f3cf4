extension Point {
    /// This point as one line of line protocol, without a trailing newline.
    ///
    /// Encoded by ``LineProtocolEncoder`` with times in `precision` units; throws
    /// `InfluxError.invalidPoint` when the point cannot be written faithfully.
    public func lineProtocol(precision: Precision = .nanoseconds) throws -> String {
        var encoder = LineProtocolEncoder(precision: precision)
        try encoder.append(self)
        return String(decoding: encoder.bytes.dropLast(), as: UTF8.self)
    }
}
