import InfluxKit

extension InfluxServer {
    /// A client for this server; with `database`, that database is created first.
    func client(database: String? = nil, gzip: Bool = false) throws -> InfluxClient {
        var configuration = ClientConfiguration(host: "127.0.0.1", port: port, database: database)
        configuration.usesGzip = gzip
        if let admin {
            configuration.username = admin.username
            configuration.password = admin.password
        }
        let client = try InfluxClient(configuration: configuration)
        if let database {
            _ = try client.query("CREATE DATABASE \(InfluxQL.quoteIdentifier(database))")
        }
        return client
    }
}

extension Array where Element == ResultSet {
    /// The rows of the single series of the single statement, failing loudly otherwise.
    func onlyRows() throws -> [[JSONValue]] {
        guard count == 1 else { throw TestFailure("expected one result, got \(count)") }
        if let error = self[0].error { throw TestFailure("statement failed: \(error)") }
        guard self[0].series.count == 1 else { throw TestFailure("expected one series, got \(self[0].series.count)") }
        return self[0].series[0].values
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
