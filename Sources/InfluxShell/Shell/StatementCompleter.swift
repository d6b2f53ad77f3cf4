/// Tab completion for what is typed at the prompt, by the position of the word in the
/// statement: shell commands and statement keywords first, their arguments after a shell
/// command, database names after `use` and `ON`, measurements after `FROM` (`db.rp.m` too),
/// field and tag keys with functions after `SELECT`, keys after `WHERE`, tag keys after
/// `GROUP BY`, tag values in `WHERE tag = '…`, and the keywords that may come next elsewhere.
public struct StatementCompleter {
    private let schema: any CompletionSchema
    private let database: String?

    /// Completes against `schema`; `database` is the current one (`use`).
    public init(schema: any CompletionSchema, database: String?) {
        self.schema = schema
        self.database = database
    }

    /// What may replace `word`, the text before it being `before` (earlier lines of a statement
    /// included) and the text after the cursor `after`.
    public func complete(before: String, word: String, after: String = "") -> Completion {
        // libedit does not break words at commas: `a,us` completes `us`.
        let head = word.lastIndex(of: ",").map { String(word[...$0]) } ?? ""
        let typed = String(word.dropFirst(head.count))
        let context = StatementTokens(before + head)
        let statement = StatementTokens(before + word + after)
        let words = (before + head).split(whereSeparator: \.isWhitespace)
        let arguments = words.count == 1 && !context.inString ? shellArguments(words[0].lowercased(), typed: typed) : nil
        let (names, keywords, suffix) = arguments.map { ($0, [], " ") }
            ?? candidates(context, statement: statement, typed: typed)
        let lowered = typed.lowercased()
        let lowerCase = typed.first.map(\.isLowercase) ?? Self.isLowerCaseKeyword(context.tokens.first)
        let written = context.inString ? names.map(Self.escapedString) : context.inName ? names : names.map(Self.identifier)
        var seen = Set<String>()
        let matches = (written + keywords.map { lowerCase ? $0.lowercased() : $0 })
            .filter { candidate in
                let bare = candidate.hasPrefix("\"") ? String(candidate.dropFirst()) : candidate
                return (bare.lowercased().hasPrefix(lowered) || candidate.lowercased().hasPrefix(lowered)) && seen.insert(candidate).inserted
            }
            .map { head + $0 }
        let last = matches.count == 1 ? matches[0] : ""
        if context.inName { return Completion(matches, suffix: "\"") }
        return Completion(matches, suffix: last.hasSuffix("(") || last.hasSuffix(".") ? "" : suffix)
    }

    /// `name` as InfluxQL takes it outside quotes: as it is when it is a plain identifier (or
    /// a completion of its own, such as `db.rp.` or `time(`), else in double quotes.
    static func identifier(_ name: String) -> String {
        let plain = name.first.map { $0.isLetter || $0 == "_" } ?? false
            && name.allSatisfy { $0.isLetter || $0.isNumber || "_.(".contains($0) }
        guard !plain else { return name }
        return "\"" + escaped(name, quote: "\"") + "\""
    }

    /// `value` inside single quotes: a quote or backslash escaped.
    static func escapedString(_ value: String) -> String {
        escaped(value, quote: "'")
    }

    /// `text` with a backslash before each backslash and `quote`.
    private static func escaped(_ text: String, quote: Character) -> String {
        var result = ""
        for character in text {
            if character == "\\" || character == quote { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Whether `token` is a keyword typed in lower case (then keywords are offered so).
    private static func isLowerCaseKeyword(_ token: StatementTokens.Token?) -> Bool {
        guard case let .word(text) = token else { return false }
        return text == text.lowercased() && keywords.contains(text.uppercased())
    }

    /// Names from the schema, keywords (upper case), and the suffix of a single match.
    private func candidates(_ context: StatementTokens, statement: StatementTokens, typed: String) -> ([String], [String], String) {
        let tokens = context.tokens
        let target = statement.source
        let keyDatabase = target?.database ?? database
        if context.inString {
            return (tagValues(tokens, database: keyDatabase, measurement: target?.measurement), [], "'")
        }
        guard !tokens.isEmpty else { return ([], ShellCommand.names + Self.statementKeywords, " ") }
        let last = tokens[tokens.count - 1]
        let afterList = last == .symbol(",") || last == .symbol("(")
        let clause = tokens.last { Self.clauses.contains($0.keyword ?? "") }?.keyword
        func keys(tags: Bool = true, fields: Bool = true) -> [String] {
            guard let keyDatabase else { return [] }
            return (fields ? schema.fieldKeys(in: keyDatabase, measurement: target?.measurement) : [])
                + (tags ? schema.tagKeys(in: keyDatabase, measurement: target?.measurement) : [])
        }
        switch last.keyword {
        case "on": return (schema.databases(), [], " ")
        case "show": return ([], Self.showKeywords, " ")
        case "key" where clause == "with": return ([], ["="], " ")
        default: break
        }
        if last == .symbol("="), tokens.count >= 2, tokens[tokens.count - 2].keyword == "key" {
            return (keys(fields: false), [], " ")
        }
        switch clause {
        case "from", "into":
            if last.keyword == clause || last == .symbol(",") { return (measurements(typed), [], " ") }
            return ([], ["WHERE", "GROUP BY", "ORDER BY", "LIMIT", "SLIMIT", "OFFSET", "SOFFSET"], " ")
        case "select":
            if last.keyword == "select" || afterList || Self.arithmetic.contains(last) {
                return (keys(), Self.functions.map { $0 + "(" }, " ")
            }
            return ([], ["FROM", "AS", "INTO"], " ")
        case "where", "and", "or":
            if ["where", "and", "or", "not"].contains(last.keyword ?? "") || last == .symbol("(") {
                return (keys() + ["time"], [], " ")
            }
            if case .symbol = last { return ([], [], " ") }
            if tokens.count >= 2, case .symbol = tokens[tokens.count - 2] {  // after a comparison's value
                return ([], ["AND", "OR", "GROUP BY", "ORDER BY", "LIMIT", "SLIMIT", "OFFSET", "SOFFSET"], " ")
            }
            return ([], [], " ")
        case "by":
            let by = tokens.lastIndex { $0.keyword == "by" } ?? 0
            let ordering = by > 0 && tokens[by - 1].keyword == "order"
            if last.keyword == "by" || afterList {
                return ordering ? (["time"], [], " ") : (keys(fields: false) + ["time("], [], " ")
            }
            let next = ["LIMIT", "SLIMIT", "OFFSET", "SOFFSET"]
            return ([], ordering ? ["ASC", "DESC"] + next : ["fill(", "ORDER BY"] + next, " ")
        default:
            return ([], Self.keywords, " ")
        }
    }

    /// The arguments of shell command `command`; `nil` when it is not one that takes a choice.
    private func shellArguments(_ command: String, typed: String) -> [String]? {
        switch command {
        case "use": return typed.contains(".") ? qualified(typed, measurements: false) : schema.databases()
        case "format": return OutputFormat.allCases.map(\.rawValue)
        case "precision": return ["rfc3339", "h", "m", "s", "ms", "u", "ns"]
        case "expanded", "\\x": return ExpandedDisplay.allCases.map(\.rawValue)
        case "pager": return ["on", "off"]
        case "consistency": return ["any", "one", "quorum", "all"]
        case "clear": return ["db", "rp", "settings"]
        default: return nil
        }
    }

    /// Measurements for the word `typed` after FROM: of the current database, or for a
    /// qualified word (`db.`, `db.rp.`, `db..`, `rp.`) its retention policies or measurements.
    private func measurements(_ typed: String) -> [String] {
        if typed.contains(".") { return qualified(typed, measurements: true) }
        let names = database.map(schema.measurements) ?? []
        return database == nil ? names + schema.databases().map { $0 + "." } : names
    }

    /// Completions of a dotted word: `db.` gives `db.rp` (and `db.rp.` when measurements
    /// follow), `db.rp.` and `db..` the measurements of `db`, and `rp.` the measurements of the
    /// current database.
    private func qualified(_ typed: String, measurements: Bool) -> [String] {
        let parts = typed.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2 {
            var names: [String] = []
            if schema.databases().contains(parts[0]) {
                names += schema.retentionPolicies(in: parts[0]).map { "\(parts[0]).\($0)" + (measurements ? "." : "") }
                if measurements { names.append("\(parts[0])..") }
            }
            if measurements, let database, schema.retentionPolicies(in: database).contains(parts[0]) {
                names += schema.measurements(in: database).map { "\(parts[0]).\($0)" }
            }
            return names
        }
        guard measurements, parts.count == 3 else { return [] }
        return schema.measurements(in: parts[0]).map { "\(parts[0]).\(parts[1]).\($0)" }
    }

    /// The values of the tag compared just before the open quote (`host = '`, `host != '`).
    private func tagValues(_ tokens: [StatementTokens.Token], database: String?, measurement: String?) -> [String] {
        guard let database, tokens.count >= 3, case let .symbol(comparison) = tokens[tokens.count - 2],
              ["=", "!=", "<>"].contains(comparison), let key = tokens[tokens.count - 3].name else { return [] }
        return schema.tagValues(in: database, measurement: measurement, key: key)
    }

    /// Words that can end a SELECT clause's expression and start the next token.
    private static let arithmetic: [StatementTokens.Token] = ["+", "-", "*", "/", "%"].map { .symbol($0) }

    /// The keywords that open a clause, the last of which tells where the cursor is.
    private static let clauses: Set = ["select", "from", "into", "where", "and", "or", "by"]

    /// The first words of statements.
    static let statementKeywords = [
        "ALTER", "CREATE", "DELETE", "DROP", "EXPLAIN", "GRANT", "KILL", "REVOKE", "SELECT", "SET", "SHOW",
    ]

    /// What may follow SHOW.
    static let showKeywords = [
        "CONTINUOUS QUERIES", "DATABASES", "DIAGNOSTICS", "FIELD KEYS", "GRANTS", "MEASUREMENTS", "QUERIES",
        "RETENTION POLICIES", "SERIES", "SHARD GROUPS", "SHARDS", "STATS", "SUBSCRIPTIONS", "TAG KEYS", "TAG VALUES",
        "USERS",
    ]

    /// The functions of a SELECT clause.
    static let functions = [
        "BOTTOM", "COUNT", "CUMULATIVE_SUM", "DERIVATIVE", "DIFFERENCE", "DISTINCT", "ELAPSED", "FIRST", "INTEGRAL",
        "LAST", "MAX", "MEAN", "MEDIAN", "MIN", "MODE", "MOVING_AVERAGE", "NON_NEGATIVE_DERIVATIVE", "PERCENTILE",
        "SAMPLE", "SPREAD", "STDDEV", "SUM", "TOP",
    ]

    /// Every InfluxQL keyword.
    static let keywords = [
        "ALL", "ALTER", "AND", "AS", "ASC", "BY", "CONTINUOUS", "CREATE", "DATABASE", "DATABASES", "DEFAULT",
        "DELETE", "DESC", "DIAGNOSTICS", "DROP", "DURATION", "EXPLAIN", "FIELD", "FILL", "FROM", "GRANT", "GRANTS",
        "GROUP", "INTO", "KEY", "KEYS", "KILL", "LIMIT", "MEASUREMENT", "MEASUREMENTS", "NAME", "OFFSET", "ON", "OR",
        "ORDER", "PASSWORD", "POLICIES", "POLICY", "PRIVILEGES", "QUERIES", "QUERY", "READ", "REPLICATION",
        "RETENTION", "REVOKE", "SELECT", "SERIES", "SET", "SHARD", "SHARDS", "SHOW", "SLIMIT", "SOFFSET", "STATS",
        "SUBSCRIPTIONS", "TAG", "TO", "USER", "USERS", "VALUES", "WHERE", "WITH", "WRITE",
    ]
}
