import Dispatch
import FoundationEssentials
import Glibc
import InfluxKit

extension Shell {
    /// Runs one parsed command.
    func perform(_ command: ShellCommand) throws {
        switch command {
        case let .query(text): try runQuery(text)
        case let .use(database, retentionPolicy, force):
            if !force { try checkExists(database) }
            settings.database = database
            settings.retentionPolicy = retentionPolicy
            if interactive { printLine("Using database \(database)" + (retentionPolicy.map { ", retention policy \($0)" } ?? "")) }
        case let .precision(precision): settings.precision = precision
        case let .format(format): endDocument(); settings.format = format
        case .pretty: endDocument(); settings.pretty.toggle(); announce("pretty", settings.pretty)
        case .chunked: settings.chunked.toggle(); announce("chunked", settings.chunked)
        case let .chunkSize(size): settings.chunkSize = size
        case let .consistency(level): settings.consistency = level
        case .settings: printSettings()
        case let .connect(address): try connect(address)
        case let .auth(username): try authenticate(username)
        case let .insert(retentionPolicy, line): try insert(line, retentionPolicy: retentionPolicy)
        case let .clear(target): clear(target)
        case .help: printLine(Self.helpText)
        case .history:
            for (index, entry) in history.entries.enumerated() { printLine("\(index + 1)  \(entry)") }
        case .exit: exitRequested = true
        case .timing: settings.timing.toggle(); announce("timing", settings.timing)
        case let .expanded(mode):
            settings.expanded = mode ?? (settings.expanded == .off ? .on : .off)
            if interactive { printLine("expanded display is \(settings.expanded.rawValue)") }
        case let .pager(on): settings.pager = on ?? !settings.pager; announce("pager", settings.pager)
        case let .source(path):
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw InfluxError.invalidArgument("cannot read \(path)")
            }
            run(script: text)
        case let .output(path): endDocument(); try redirect(to: path)
        case .refresh: schema.forget()
        }
    }

    /// Throws `.notFound` when `SHOW DATABASES` does not list `database`, as the Go shell's
    /// `use` refuses it; when the user may not run `SHOW DATABASES` (403), says so and lets it
    /// pass. (influxd 1.x lets every user run it, listing only their databases.)
    private func checkExists(_ database: String) throws {
        let names: [String]
        do {
            names = try client.databases()
        } catch let error as InfluxError where error.code == .authorization {
            printError("note: not allowed to list databases, so \(database) is used unchecked")
            return
        }
        guard names.contains(database) else {
            // influxd lists only the databases a user who is no admin may read or write.
            let hidden = client.configuration.username.map { " (or user \($0) has no privilege on it)" } ?? ""
            throw InfluxError.notFound(message: "database \(database) does not exist\(hidden); 'use -f \(database)' uses it anyway")
        }
    }

    /// Ends the json document a script's queries write into, if one is open.
    func endDocument() {
        guard var json = document else { return }
        var out = OutputBuffer(descriptor: outputDescriptor)
        json.finish(into: &out)
        out.flush()
        document = nil
    }

    private func announce(_ name: String, _ on: Bool) {
        if interactive { printLine("\(name) is \(on ? "on" : "off")") }
    }

    /// Sends InfluxQL and prints the results as they arrive; on a terminal, output taller than
    /// the screen goes through the pager.
    func runQuery(_ text: String) throws {
        let screen = interactive ? TerminalSize.of(outputDescriptor) : nil
        let pager = screen.flatMap { screen in
            settings.pager ? Pager.command.map { Pager(descriptor: outputDescriptor, command: $0, screen: screen) } : nil
        }
        // For the pager, each result's text is taken whole; otherwise large blocks go out as they fill.
        var out = pager == nil ? OutputBuffer(descriptor: outputDescriptor) : OutputBuffer(descriptor: outputDescriptor, blockSize: .max)
        // Time spent handing text to the pager (waiting while it shows a page) is not the query's.
        var paging: UInt64 = 0
        func timePaging(_ body: () -> Void) {
            let before = DispatchTime.now().uptimeNanoseconds
            body()
            paging += DispatchTime.now().uptimeNanoseconds - before
        }
        func emit() {
            guard let pager else { return out.flush() }
            let text = out.take()
            timePaging { pager.write(text) }
        }
        // A script's json output is one document: each query's results go on in it.
        let continuesDocument = !interactive && settings.format == .json
        if continuesDocument && document == nil { document = JSONRenderer(pretty: settings.pretty) }
        var renderer: (any ResultRenderer)? = continuesDocument ? document : nil
        func finish() {
            if continuesDocument, var json = renderer as? JSONRenderer {
                json.endQuery(into: &out)
                document = json
            } else {
                renderer?.finish(into: &out)
            }
            emit()
            timePaging { pager?.finish() }
        }
        var rows = 0
        var statementErrors: [String] = []
        let bytesBefore = receivedBytes()
        let start = DispatchTime.now().uptimeNanoseconds
        if interactive { ShellInterrupt.target(client) }
        do {
            try client.query(
                text, database: settings.database, retentionPolicy: settings.retentionPolicy, epoch: settings.precision,
                chunked: settings.chunked, chunkSize: settings.chunkSize > 0 ? settings.chunkSize : nil
            ) { result in
                if let error = result.error { statementErrors.append(error) }
                rows += result.series.reduce(0) { $0 + $1.values.count }
                if renderer == nil { renderer = makeRenderer(for: result, screen: screen) }
                renderer?.render(result, into: &out)
                emit()
                if pager?.quit == true { client.cancelCurrentRequest() }
            }
        } catch let error as InfluxError where error == .cancelled && pager?.quit == true {
            pager?.finish()
            return  // the user left the pager before the end: nothing more to show
        } catch let error as InfluxError where error.code == .http && (400..<500).contains(error.status ?? 0) {
            finish()  // a statement the server refuses to parse: say so when it is one this server lacks
            throw client.unsupportedStatementError(for: text) ?? error
        } catch {
            finish()
            throw error
        }
        finish()
        if settings.timing {
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start - paging) / 1e6
            printError("\(rows) rows, \(receivedBytes() - bytesBefore) bytes, \(DecimalText.tenths(milliseconds)) ms")
        }
        if text.lowercased().hasPrefix("create") || text.lowercased().hasPrefix("drop") { schema.forget() }
        if !statementErrors.isEmpty, let unsupported = client.unsupportedStatementError(for: text) {
            report(unsupported)
            return
        }
        for message in statementErrors {
            report(message: client.explainedStatementError(message))
        }
    }

    /// The renderer of a statement, chosen by its first result: vertical when `expanded` is on,
    /// or `auto` and the result is wider than the terminal's `width`.
    private func makeRenderer(for first: ResultSet, screen: TerminalSize?) -> any ResultRenderer {
        var format = settings.format
        let charts = format == .chart || format == .svg
        switch settings.expanded {
        case .on where !charts: format = .vertical
        case .auto where !charts:
            if let width = screen?.columns, ExpandedDisplay.isTooWide(first, format: format, columns: width) { format = .vertical }
        default: break
        }
        let terminal = isatty(outputDescriptor) == 1
        guard format == .table else {
            var chart = ChartOptions()
            chart.size = format == .chart ? screen.map { ($0.columns, $0.rows - 1) } : nil
            chart.timeUnit = settings.precision?.nanosecondsPerUnit ?? 1
            chart.colours256 = ChartRenderer.terminalHas256Colours
            return format.makeRenderer(terminal: terminal, pretty: settings.pretty, chart: chart)
        }
        var table = TableRenderer(unicode: terminal && settings.pretty)
        table.escapesControlCharacters = terminal
        return table
    }

    private func insert(_ line: String, retentionPolicy: String?) throws {
        try client.write(
            lines: [line], database: settings.database, retentionPolicy: retentionPolicy ?? settings.retentionPolicy,
            precision: settings.precision ?? .nanoseconds, consistency: settings.consistency)
    }

    /// `connect PROFILE` (a profile of that name, its database too) or `connect ADDRESS`.
    private func connect(_ address: String) throws {
        let profile = try profileConfiguration?(address)
        let configuration = try profile ?? client.configuration.connecting(to: address)
        let connected = try InfluxClient(configuration: configuration)
        let version = try connected.ping()
        profileName = profile == nil ? nil : address
        if let database = profile?.database { settings.database = database; settings.retentionPolicy = profile?.retentionPolicy }
        // Ctrl-C retargets before the old client is let go.
        if interactive { ShellInterrupt.target(connected) }
        client = connected
        schema = SchemaCache(client: connected)
        printLine("Connected to \(configuration.baseURL) version \(version)")
    }

    private func authenticate(_ username: String?) throws {
        guard let user = username ?? TerminalPrompt.ask("username: ", echo: true),
              let password = TerminalPrompt.ask("password: ", echo: false) else {
            throw InfluxError.invalidArgument("auth needs a terminal to ask for the password")
        }
        try client.switchUser(user, password: password)
        schema.forget()
    }

    private func clear(_ target: String?) {
        switch target {
        case "db", "database": settings.database = nil; settings.retentionPolicy = nil
        case "rp", "retention": settings.retentionPolicy = nil
        case "settings": settings = ShellSettings(database: settings.database, retentionPolicy: settings.retentionPolicy)
        default: settings.database = nil; settings.retentionPolicy = nil
        }
    }

    private func printSettings() {
        let width = settings.rows.map(\.0.count).max() ?? 0
        printLine("Setting" + String(repeating: " ", count: width - 6) + "Value")
        printLine(String(repeating: "-", count: 7) + String(repeating: " ", count: width - 6) + "-----")
        printLine("host" + String(repeating: " ", count: width - 3) + client.configuration.baseURL)
        printLine("username" + String(repeating: " ", count: width - 7) + (client.configuration.username ?? ""))
        for (name, value) in settings.rows {
            printLine(name + String(repeating: " ", count: width - name.count + 1) + value)
        }
    }

    private func redirect(to path: String?) throws {
        if outputDescriptor != STDOUT_FILENO { close(outputDescriptor) }
        outputDescriptor = STDOUT_FILENO
        guard let path else { return }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw InfluxError.invalidArgument("cannot write \(path): \(String(cString: strerror(errno)))") }
        outputDescriptor = descriptor
    }

    static let helpText = """
        Usage:
          use DB | use DB.RP        query and insert into this database (and retention policy);
                                    use -f DB uses one SHOW DATABASES does not list
          precision FORMAT          rfc3339, h, m, s, ms, u or ns: how times print and insert reads them
          format FORMAT             column, table, csv, json, jsonl or vertical
          pretty                    toggles box-drawing frames of the table format and indented json
          chunked                   toggles streamed answers (rows print as they arrive)
          chunk size N              rows per chunk (0: the server's default)
          consistency LEVEL         any, one, quorum or all, for insert
          settings                  shows the settings
          connect HOST:PORT | URL   connects to another server, keeping the user and path prefix
          connect PROFILE           connects as a profile of the config file says (prompt shows it)
          auth [USER]               asks for a user name and password
          insert LINE               writes one line of line protocol
          insert into RP LINE       writes into retention policy RP
          clear [db|rp|settings]    forgets the database, retention policy or settings
          timing                    toggles a line with rows, bytes and time after each query
          \\x | expanded [MODE]      one block per row: on, off, or auto (only tables wider than
                                    the terminal); without MODE it toggles
          pager [on|off]            pages output taller than the terminal ($PAGER, less -SRXF)
          source FILE               runs the statements of FILE
          \\o FILE | \\o              sends results to FILE, or back to the terminal
          refresh                   forgets the names cached for Tab completion
          history                   lists the history
          !N | !!                   runs history entry N again, or the last one
          help                      shows this
          exit | quit | Ctrl-D      leaves the shell
        Statements end at a ';' or at the end of a complete line; Ctrl-C cancels a running query.
        Keys: Tab completes, Up/Down and Ctrl-R search the history, Ctrl-A/Ctrl-E go to the start/end
        of the line, Ctrl-W deletes the word before the cursor, Ctrl-U the line.
        """
}
