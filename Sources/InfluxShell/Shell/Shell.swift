import FoundationEssentials
import Glibc
import InfluxKit

/// The interactive InfluxQL shell (and its non-interactive form for scripts on standard input).
///
/// Lines are cut into statements by ``StatementSplitter``; each is a ``ShellCommand`` run here
/// or InfluxQL sent to the server, whose results print through the renderers as they arrive.
/// A failure prints `ERR: message` on standard error and the shell goes on.
public final class Shell {
    /// The client statements go to (replaced by `connect`).
    public internal(set) var client: InfluxClient
    /// The current settings.
    public internal(set) var settings: ShellSettings
    /// Statements and commands that failed so far.
    public internal(set) var failures = 0
    /// The first failure to reach the server or to be let in (connection, TLS, time limit,
    /// credentials), which decides a script's exit status as it does a one-shot command's.
    public internal(set) var connectionFailure: InfluxError?
    /// The connection profile in use, shown in the prompt (set by `connect PROFILE`).
    public var profileName: String?
    /// The configuration of a connection profile, for `connect NAME`; nil when there is no
    /// profile of that name (`connect` then takes the name as a host).
    public var profileConfiguration: ((String) throws -> ClientConfiguration?)?

    let interactive: Bool
    let historyPath: String?
    let receivedBytes: () -> Int
    var history = History()
    var splitter = StatementSplitter()
    var editor: LineEditor?
    var schema: SchemaCache
    var outputDescriptor = STDOUT_FILENO
    /// The json document a script's queries write into (see ``endDocument()``).
    var document: JSONRenderer?
    var exitRequested = false

    /// Creates a shell; `interactive` shows prompts, uses line editing and history (kept in
    /// `historyPath`), and lets Ctrl-C cancel a query. `receivedBytes` counts response bytes
    /// for `timing`.
    public init(
        client: InfluxClient,
        settings: ShellSettings,
        interactive: Bool,
        historyPath: String? = nil,
        receivedBytes: @escaping () -> Int = { 0 }
    ) {
        self.client = client
        self.settings = settings
        self.interactive = interactive
        self.historyPath = historyPath
        self.receivedBytes = receivedBytes
        self.schema = SchemaCache(client: client)
    }

    /// Runs until `exit`, Ctrl-D or the end of input; returns the exit status: 1 when any
    /// statement or command failed or, on a terminal, libedit could not be loaded; else 0 (see
    /// also ``connectionFailure``).
    public func run() -> Int32 {
        if interactive {
            do {
                try start()
            } catch {
                printError("ERR: \(error.message)")
                return 1
            }
        }
        while !exitRequested {
            let interruptsBefore = ShellInterrupt.current
            guard let line = nextLine() else {
                if interactive && ShellInterrupt.current != interruptsBefore {
                    splitter.reset()  // Ctrl-C at the prompt: a fresh line
                    printLine("")
                    continue
                }
                break
            }
            handle(line: line)
        }
        if !exitRequested, let last = splitter.finish() { execute(last) }
        endDocument()
        if interactive { printLine("") }
        return failures > 0 ? 1 : 0
    }

    /// Runs the statements of `text` as if typed (`source`, tests).
    public func run(script text: String) {
        var saved = StatementSplitter()
        swap(&saved, &splitter)
        defer { swap(&saved, &splitter) }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !exitRequested {
            handle(line: String(line), recording: false)
        }
        if let last = splitter.finish() { execute(last) }
    }

    private func start() throws(LineEditor.Unavailable) {
        // Ctrl-C's handler before libedit's set-up, in the order the shell has always had.
        ShellInterrupt.install()
        ShellInterrupt.target(client)
        if let historyPath { history.load(from: historyPath) }
        editor = try LineEditor { [unowned self] before, word, after in self.completion(before: before, word: word, after: after) }
        editor?.setHistory(history.entries)
        banner()
    }

    private func banner() {
        let configuration = client.configuration
        do {
            let version = try client.ping()
            printLine("Connected to \(configuration.baseURL) version \(version)")
        } catch {
            report(error)
        }
        let loopback = ["localhost", "127.0.0.1", "::1"].contains(configuration.host) || configuration.host.hasPrefix("127.")
        if !configuration.usesSSL && !loopback && (configuration.password != nil || configuration.token != nil) {
            printError("WARNING: credentials are sent unencrypted over plain http to \(configuration.host)")
        }
        printLine("influxkit shell: 'help' lists the commands, 'exit' or Ctrl-D leaves")
    }

    private var prompt: String {
        var name = profileName.map { "(\($0)) " } ?? ""
        name += settings.database ?? ""
        if let rp = settings.retentionPolicy { name += ".\(rp)" }
        guard splitter.isContinuing else { return "\(name)> " }
        return String(repeating: " ", count: max(name.count - 1, 0)) + "-> "
    }

    private func nextLine() -> String? {
        if let editor { return editor.readLine(prompt: prompt) }
        return Swift.readLine(strippingNewline: true)
    }

    /// Takes one line of input: `!N` or `!!` as the history entry it names, an `insert` whole,
    /// anything else through the splitter.
    func handle(line: String, recording: Bool = true) {
        if interactive && !splitter.isContinuing, let reference = History.Reference(line) {
            guard let entry = history.entry(reference) else {
                report(message: "no history entry \(line.trimmingWhitespace())")
                return
            }
            printLine(entry)
            handle(line: entry, recording: recording)
            return
        }
        let typed = splitter.isContinuing ? splitter.pending + "\n" + line : line
        let statements: [String]
        if !splitter.isContinuing && ShellCommand.isInsert(line) {
            statements = [line]
        } else {
            statements = splitter.add(line: line)
        }
        if recording && interactive && !splitter.isContinuing { remember(typed) }
        for statement in statements where !exitRequested {
            execute(statement)
        }
    }

    private func remember(_ typed: String) {
        guard history.add(typed) else { return }
        editor?.setHistory(history.entries)
        guard let historyPath else { return }
        do { try history.save(to: historyPath) } catch { report(error) }
    }

    /// Runs one statement or shell command; failures print `ERR:` and are counted.
    func execute(_ statement: String) {
        do {
            try perform(try ShellCommand(parsing: statement))
        } catch {
            report(error)
        }
    }

    /// Prints `ERR: error` and counts the failure.
    func report(_ error: any Error) {
        if connectionFailure == nil, let error = error as? InfluxError {
            switch error.code {
            case .connectionFailed, .tls, .timeout, .notInfluxDB, .authentication, .authorization: connectionFailure = error
            default: break
            }
        }
        report(message: "\(error)")
    }

    /// Prints `ERR: message` and counts the failure.
    func report(message: String) {
        failures += 1
        printError("ERR: \(message)")
    }

    func printLine(_ text: String) {
        var out = OutputBuffer(descriptor: outputDescriptor)
        out.append(text + "\n")
        out.flush()
    }

    func printError(_ text: String) {
        // A server's message may hold escape sequences: shown escaped on a terminal.
        OutputBuffer.write(TerminalText.escaped(text, for: STDERR_FILENO) + "\n", to: STDERR_FILENO)
    }
}
