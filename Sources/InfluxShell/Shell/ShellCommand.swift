import InfluxKit

/// One statement of shell input: a command of the shell itself (the Go `influx` shell's, plus
/// a few of psql's and mysql's) or InfluxQL for the server.
public enum ShellCommand: Equatable, Sendable {
    /// `use DB` or `use DB.RP` (`"db"."rp"` quoted parts allowed); `use -f DB` uses a
    /// database that `SHOW DATABASES` does not list (`force`).
    case use(database: String, retentionPolicy: String?, force: Bool = false)
    /// `precision rfc3339|h|m|s|ms|u|ns`; `nil` is RFC3339.
    case precision(Precision?)
    /// `format column|table|csv|json|jsonl|vertical`.
    case format(OutputFormat)
    /// `pretty`: toggles indented JSON (as the Go shell's) and the table format's frames.
    case pretty
    /// `chunked`: toggles streaming answers.
    case chunked
    /// `chunk size N` (0 is the server's default).
    case chunkSize(Int)
    /// `consistency any|one|quorum|all` of `insert`.
    case consistency(Consistency)
    /// `settings`: the current settings.
    case settings
    /// `connect host:port`, `connect URL` or `connect PROFILE`.
    case connect(String)
    /// `auth` (asks for user and password) or `auth USER` (asks for the password).
    case auth(username: String?)
    /// `insert LINE` or `insert into RP LINE`.
    case insert(retentionPolicy: String?, line: String)
    /// `clear`, `clear db`, `clear rp`, `clear settings`.
    case clear(String?)
    /// `help`.
    case help
    /// `history`.
    case history
    /// `exit` or `quit`.
    case exit
    /// `timing`: toggles timing lines after each query.
    case timing
    /// `\x` or `expanded`: toggles the vertical display (`nil`), or sets it (`on`, `off`, `auto`).
    case expanded(ExpandedDisplay?)
    /// `pager`: toggles paging output taller than the terminal (`nil`), or sets it (`on`, `off`).
    case pager(Bool?)
    /// `source FILE`: runs the statements of a file.
    case source(String)
    /// `\o FILE` sends results to a file; `\o` alone back to the terminal.
    case output(String?)
    /// `refresh`: forgets the schema cached for completion.
    case refresh
    /// InfluxQL for the server.
    case query(String)

    /// The shell command words, for help and completion.
    public static let names = [
        "auth", "chunk size", "chunked", "clear", "connect", "consistency", "exit", "expanded", "format", "help",
        "history", "insert", "pager", "precision", "pretty", "quit", "refresh", "settings", "source", "timing", "use",
        "\\o", "\\x",
    ]

    /// Parses one statement (as cut by ``StatementSplitter``, or a whole `insert` line);
    /// anything that is not a shell command is InfluxQL. Throws `.invalidArgument` for a shell
    /// command with a wrong argument.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(maxSplits: 1, whereSeparator: \.isWhitespace)
        let word = parts.first.map { $0.lowercased() } ?? ""
        let argument = parts.count > 1 ? String(parts[1]).trimmingWhitespace() : ""
        let words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
        func noArgument(_ command: ShellCommand) throws -> ShellCommand {
            guard argument.isEmpty else { throw InfluxError.invalidArgument("\(word) takes no argument") }
            return command
        }
        switch word {
        case "use":
            self = try Self.use(argument)
        case "precision":
            let value = argument.lowercased()
            if value == "rfc3339" {
                self = .precision(nil)
            } else if let precision = Precision(argument: value) {
                self = .precision(precision)
            } else {
                throw InfluxError.invalidArgument("precision is rfc3339, h, m, s, ms, u or ns")
            }
        case "format":
            guard let format = OutputFormat(rawValue: argument.lowercased()) else {
                throw InfluxError.invalidArgument("format is one of " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self = .format(format)
        case "pretty": self = try noArgument(.pretty)
        case "chunked": self = try noArgument(.chunked)
        case "chunk":
            guard words.count == 2, words[0].lowercased() == "size", let size = Int(words[1]), size >= 0 else {
                throw InfluxError.invalidArgument("chunk size takes a whole number of rows, 0 for the server's default")
            }
            self = .chunkSize(size)
        case "consistency":
            guard let level = Consistency(rawValue: argument.lowercased()) else {
                throw InfluxError.invalidArgument("consistency is any, one, quorum or all")
            }
            self = .consistency(level)
        case "settings": self = try noArgument(.settings)
        case "connect":
            guard words.count == 1 else { throw InfluxError.invalidArgument("connect takes host:port, a url or a profile name") }
            self = .connect(words[0])
        case "auth":
            guard words.count <= 1 else { throw InfluxError.invalidArgument("auth takes at most a user name; the password is asked for") }
            self = .auth(username: words.first)
        case "insert":
            self = try Self.insert(argument)
        case "clear":
            let target = argument.lowercased()
            guard ["", "db", "database", "rp", "retention", "settings"].contains(target) else {
                throw InfluxError.invalidArgument("clear takes db, rp or settings")
            }
            self = .clear(target.isEmpty ? nil : target)
        case "help": self = .help
        case "history": self = try noArgument(.history)
        case "exit", "quit": self = try noArgument(.exit)
        case "timing": self = try noArgument(.timing)
        case "\\x", "expanded":
            guard argument.isEmpty || ExpandedDisplay(rawValue: argument.lowercased()) != nil else {
                throw InfluxError.invalidArgument("\(word) takes on, off or auto, or nothing to toggle")
            }
            self = .expanded(ExpandedDisplay(rawValue: argument.lowercased()))
        case "pager":
            guard ["", "on", "off"].contains(argument.lowercased()) else {
                throw InfluxError.invalidArgument("pager takes on or off, or nothing to toggle")
            }
            self = .pager(argument.isEmpty ? nil : argument.lowercased() == "on")
        case "source":
            guard !argument.isEmpty else { throw InfluxError.invalidArgument("source takes a file name") }
            self = .source(argument)
        case "\\o": self = .output(argument.isEmpty ? nil : argument)
        case "refresh": self = try noArgument(.refresh)
        default: self = .query(trimmed)
        }
    }

    /// Whether `line`, typed at the prompt, is an `insert` command (taken whole, `;` included).
    public static func isInsert(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        return trimmed.split(maxSplits: 1, whereSeparator: \.isWhitespace).first?.lowercased() == "insert"
    }

    private static func use(_ argument: String) throws -> ShellCommand {
        let parts = argument.split(maxSplits: 1, whereSeparator: \.isWhitespace)
        let force = parts.first == "-f"
        let names = try dottedNames(force ? parts.dropFirst().joined().trimmingWhitespace() : argument)
        guard (1...2).contains(names.count), !names[0].isEmpty else {
            throw InfluxError.invalidArgument("use takes [-f] DATABASE or DATABASE.RETENTION_POLICY")
        }
        return .use(database: names[0], retentionPolicy: names.count == 2 ? names[1] : nil, force: force)
    }

    /// Splits `db.rp`, where either part may be in double quotes (and then hold dots).
    private static func dottedNames(_ text: String) throws -> [String] {
        var names = [""]
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                names[names.count - 1].append(character)
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == "." && !quoted {
                names.append("")
            } else {
                names[names.count - 1].append(character)
            }
        }
        guard !quoted else { throw InfluxError.invalidArgument("unclosed quote in \(text)") }
        return names
    }

    private static func insert(_ argument: String) throws -> ShellCommand {
        var retentionPolicy: String?
        var line = argument
        let words = argument.split(maxSplits: 2, whereSeparator: \.isWhitespace)
        if words.count == 3, words[0].lowercased() == "into" {
            retentionPolicy = String(words[1])
            line = String(words[2])
        }
        guard !line.isEmpty else { throw InfluxError.invalidArgument("insert takes a line of line protocol") }
        if let problem = LineProtocolValidator().problem(in: line) {
            throw InfluxError.invalidLine(line: 1, reason: problem)
        }
        return .insert(retentionPolicy: retentionPolicy, line: line)
    }
}
