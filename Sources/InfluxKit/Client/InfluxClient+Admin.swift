extension InfluxClient {
    /// Runs one statement and returns its result; a failed statement is thrown as
    /// `.statement(index: 0, message:)` with the server's reason.
    ///
    /// On InfluxDB 2.x and 3.x, a statement the server does not run through InfluxQL (see
    /// ``ServerInfo/Kind/unsupportedKeywords(of:)``) fails as `.unsupportedStatement`.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    @discardableResult
    public func execute(_ statement: String, database: String? = nil) throws -> ResultSet {
        do {
            // Not chunked: one statement's answer is small, and a whole answer cut off is tried
            // again, where a chunked one is not once its first chunk has arrived.
            let results = try query(statement, database: database, chunked: false)
            guard results.count == 1, let result = results.first else {
                throw InfluxError.malformedResponse(reason: "expected the result of one statement, got \(results.count)")
            }
            if let error = result.error { throw InfluxError.statement(index: result.statementID, message: error) }
            return result
        } catch let error as InfluxError {
            throw explainingUnsupported(error, of: statement)
        }
    }

    /// `database`, or the configured default; `.invalidArgument` when there is neither.
    func targetDatabase(_ database: String?) throws -> String {
        guard let name = database ?? configuration.database else {
            throw InfluxError.invalidArgument("no database given and no default database configured")
        }
        return name
    }
}
