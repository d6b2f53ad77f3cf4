import Foundation

extension InfluxServer {
    /// Who a request is sent as.
    enum Identity: Sendable {
        /// The server's administrator, or nobody when authentication is off.
        case admin
        /// No credentials.
        case anonymous
        /// The given user.
        case user(Credentials)
    }

    /// `GET /ping`.
    func ping() throws -> LoopbackHTTPResponse {
        try LoopbackHTTP.send("GET", port: port, target: "/ping")
    }

    /// Sends `influxQL` with `POST /query` and returns the reply, whatever its status.
    func query(_ influxQL: String, database: String? = nil, as identity: Identity = .admin) throws -> LoopbackHTTPResponse {
        var form = [("q", influxQL)]
        if let database {
            form.append(("db", database))
        }
        var headers = ["Content-Type": "application/x-www-form-urlencoded"]
        if let credentials = credentials(for: identity) {
            let token = Data("\(credentials.username):\(credentials.password)".utf8).base64EncodedString()
            headers["Authorization"] = "Basic \(token)"
        }
        let body = Array(LoopbackHTTP.formEncoded(form).utf8)
        return try LoopbackHTTP.send("POST", port: port, target: "/query", headers: headers, body: body)
    }

    /// Runs `influxQL` and returns the JSON reply; throws unless the server answers 200 with no
    /// error for the request or any statement.
    @discardableResult
    func execute(_ influxQL: String, database: String? = nil, as identity: Identity = .admin) throws -> String {
        let response = try query(influxQL, database: database, as: identity)
        let reply = try? JSONDecoder().decode(QueryReply.self, from: Data(response.body))
        let failed = reply == nil || reply?.error != nil || reply?.results?.contains { $0.error != nil } == true
        guard response.status == 200, !failed else {
            throw InfluxServerError.statementFailed(statement: influxQL, status: response.status, body: response.text)
        }
        return response.text
    }

    private func credentials(for identity: Identity) -> Credentials? {
        switch identity {
        case .admin: admin
        case .anonymous: nil
        case let .user(credentials): credentials
        }
    }
}

/// The parts of a `/query` reply that say whether it failed.
private struct QueryReply: Decodable {
    struct StatementResult: Decodable {
        var error: String?
    }

    var error: String?
    var results: [StatementResult]?
}
