extension ServerInfo.Kind {
    /// The leading keywords of `statement` (`CREATE DATABASE`, `GRANT`, `SELECT INTO`) when a
    /// server of this family does not run it through InfluxQL; `nil` when it does, or may.
    ///
    /// - 2.x rejects `CREATE`, `ALTER`, `GRANT`, `REVOKE`, `KILL`, `SET PASSWORD`, `SELECT … INTO`
    ///   and the `DROP`s of what it has no InfluxQL for (it keeps `DROP MEASUREMENT`, `DROP SERIES`
    ///   and `DELETE`): docs.influxdata.com/influxdb/v2/query-data/influxql/ (its answer is
    ///   `not implemented: CREATE DATABASE`, influxdata/influxdb#22255).
    /// - 3.x runs only `SELECT` and `SHOW` (docs.influxdata.com/influxdb3/core/reference/influxql/).
    public func unsupportedKeywords(of statement: String) -> String? {
        let words = Self.withoutLeadingComments(statement)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == ";" })
            .map { $0.uppercased() }
        guard let first = words.first else { return nil }
        let phrase = Self.phrase(words)
        switch self {
        case .influxDB1, .other:
            return nil
        case .influxDB2:
            switch first {
            case "CREATE", "ALTER", "GRANT", "REVOKE", "KILL": return phrase
            case "SET": return "SET PASSWORD"
            case "DROP": return ["MEASUREMENT", "SERIES"].contains(words.dropFirst().first ?? "") ? nil : phrase
            case "SELECT": return words.contains("INTO") ? "SELECT INTO" : nil
            default: return nil
            }
        case .influxDB3:
            switch first {
            case "SHOW", "EXPLAIN": return nil
            case "SELECT": return words.contains("INTO") ? "SELECT INTO" : nil
            default: return phrase
            }
        }
    }

    /// `statement` from its first word on: white space, `-- line` and `/* block */` comments before it left out.
    private static func withoutLeadingComments(_ statement: String) -> Substring {
        var rest = Substring(statement)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("--") {
                rest = rest.drop { $0 != "\n" }
            } else if rest.hasPrefix("/*") {
                guard let end = rest.firstRange(of: "*/") else { return "" }
                rest = rest[end.upperBound...]
            } else {
                return rest
            }
        }
    }

    /// `CREATE DATABASE`, `DROP RETENTION POLICY`, `GRANT`: the words that name what a statement does.
    private static func phrase(_ words: [String]) -> String {
        guard let first = words.first else { return "" }
        switch first {
        case "GRANT", "REVOKE", "KILL", "DELETE": return first
        default: break
        }
        let second = words.dropFirst().first ?? ""
        if ["RETENTION", "CONTINUOUS"].contains(second), words.count > 2 { return "\(first) \(second) \(words[2])" }
        return second.isEmpty ? first : "\(first) \(second)"
    }
}

extension InfluxClient {
    /// When the server does not run `statement` through InfluxQL (see
    /// ``ServerInfo/Kind/unsupportedKeywords(of:)``), the `.unsupportedStatement` error that says
    /// so, naming the server; `nil` otherwise. Meant for after a statement failed: `/ping` is
    /// asked (once per client) only for statements some server refuses. Call it after the query
    /// (not from inside its callback: the client is busy until the answer ends).
    public func unsupportedStatementError(for statement: String) -> InfluxError? {
        // 3.x refuses the most: a statement it runs is run by every server, and needs no ping.
        guard ServerInfo.Kind.influxDB3.unsupportedKeywords(of: statement) != nil else { return nil }
        guard let kind = serverKind(), let keywords = kind.unsupportedKeywords(of: statement) else { return nil }
        let name = knownServer?.productName ?? "InfluxDB \(kind.rawValue)"
        return .unsupportedStatement(server: name, statement: keywords)
    }

    /// `error` from running `statement`, or the `.unsupportedStatement` of
    /// ``unsupportedStatementError(for:)`` when the server does not run such a statement (its raw
    /// parser error says less).
    func explainingUnsupported(_ error: InfluxError, of statement: String) -> InfluxError {
        switch error.code {
        case .statement:
            let explained = explainedStatementError(error.message)
            return unsupportedStatementError(for: statement) ?? .statement(index: error.statementIndex ?? 0, message: explained)
        case .http where (400..<500).contains(error.status ?? 0):
            return unsupportedStatementError(for: statement) ?? error
        case .notFound: return unsupportedStatementError(for: statement) ?? error
        default: return error
        }
    }
}

extension InfluxClient {
    /// A failed statement's message, with what it usually means on this server: on InfluxDB 2.x,
    /// "database not found" is a database and retention policy without a DBRP mapping to a
    /// bucket, and the message then names `influx v1 dbrp create` (docs.influxdata.com/influxdb/
    /// v2/api-guide/influxdb-1x/dbrp/). `/ping` is asked (once per client) only for that message.
    ///
    /// Like every request of this client, it waits for the one in progress: call it after a
    /// query, or on another client from inside a query's callback.
    public func explainedStatementError(_ message: String) -> String {
        guard message.hasPrefix("database not found"), serverKind() == .influxDB2 else { return message }
        return message + " " + InfluxError.dbrpHint
    }
}
