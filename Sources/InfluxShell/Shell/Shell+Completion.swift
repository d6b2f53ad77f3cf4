import InfluxKit

extension Shell {
    /// InfluxQL keywords offered by Tab.
    static let keywords = [
        "ALL", "ALTER", "AND", "AS", "ASC", "BY", "CONTINUOUS", "CREATE", "DATABASE", "DATABASES", "DEFAULT",
        "DELETE", "DESC", "DIAGNOSTICS", "DROP", "DURATION", "EXPLAIN", "FIELD", "FILL", "FROM", "GRANT", "GRANTS",
        "GROUP", "INTO", "KEY", "KEYS", "KILL", "LIMIT", "MEASUREMENT", "MEASUREMENTS", "NAME", "OFFSET", "ON", "OR",
        "ORDER", "PASSWORD", "POLICIES", "POLICY", "PRIVILEGES", "QUERIES", "QUERY", "READ", "REPLICATION",
        "RETENTION", "REVOKE", "SELECT", "SERIES", "SET", "SHARD", "SHARDS", "SHOW", "SLIMIT", "SOFFSET", "STATS",
        "SUBSCRIPTIONS", "TAG", "TO", "USER", "USERS", "VALUES", "WHERE", "WITH", "WRITE",
    ]

    /// What Tab offers for `word`, given the line before it: keywords and shell commands first
    /// on a line, database names after `use` and `ON`, measurements after `FROM`, field and tag
    /// keys in a SELECT or WHERE clause.
    func completions(line: String, before: String, word: String) -> [String] {
        let words = StatementSplitter.words(of: before)
        let candidates: [String]
        switch words.last {
        case nil:
            candidates = ShellCommand.names + Self.keywords
        case "use", "on":
            candidates = schema.databases()
        case "from":
            candidates = settings.database.map(schema.measurements) ?? []
        case "format" where words.count == 1:
            candidates = OutputFormat.allCases.map(\.rawValue)
        case "precision" where words.count == 1:
            candidates = ["rfc3339", "h", "m", "s", "ms", "u", "ns"]
        default:
            var keys: [String] = []
            if let database = settings.database, words.contains("select") || words.contains("where") {
                let all = StatementSplitter.words(of: line)
                let measurement = all.firstIndex(of: "from").flatMap { $0 + 1 < all.count ? all[$0 + 1] : nil }
                keys = schema.keys(in: database, measurement: measurement.flatMap { name in
                    schema.measurements(in: database).first { $0.lowercased() == name }
                })
            }
            candidates = keys + Self.keywords
        }
        let lowered = word.lowercased()
        let lowerCase = word.first?.isLowercase ?? false
        return candidates.filter { $0.lowercased().hasPrefix(lowered) }.map { candidate in
            Self.keywords.contains(candidate) && lowerCase ? candidate.lowercased() : candidate
        }
    }
}
