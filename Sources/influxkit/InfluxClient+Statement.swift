import InfluxKit

extension InfluxClient {
    /// Runs one statement built by `InfluxQL`, throwing `.statement` with the server's reason
    /// when it fails.
    func execute(_ statement: String) throws {
        for result in try query(statement) {
            if let error = result.error { throw InfluxError.statement(index: result.statementID, message: error) }
        }
    }
}
