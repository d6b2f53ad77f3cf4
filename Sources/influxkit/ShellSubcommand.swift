import ArgumentParser
import FoundationEssentials
import Glibc
import InfluxKit
import InfluxShell

/// `influxkit shell` (and `influxkit` alone): the interactive InfluxQL shell, or, when standard
/// input is not a terminal, the statements and shell commands read from it.
struct ShellSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell", _superCommandName: InfluxKitCommand.superCommandName,
        abstract: "Run InfluxQL interactively (the default), or a script from standard input.",
        discussion: """
            On a terminal: line editing, history in ~/.influxkit_history, Tab completion; type 'help' for the \
            commands. Otherwise statements and shell commands (use, insert, format…) are read from standard \
            input without prompts, and the exit status is 1 when any failed (2 when the server could not be \
            reached, 4 when it refused the credentials, as for one-shot commands). With --format json, a script's \
            output is one JSON document.

            Examples:
              influxkit -d metrics
              influxkit shell --format table < report.iql
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Output format (default: the profile's, else column).")
    var format: OutputFormat?

    @Option(help: "Print times as integers in this unit (ns, u, ms, s, m, h) instead of RFC3339 (default: the profile's precision).")
    var precision: Precision?

    @Flag(help: "Indent json output (the default on a terminal, where 'pretty' toggles it).")
    var pretty = false

    func run() throws {
        let received = ByteCount()
        let resolved = try connection.resolved()
        let client = try connection.makeClient(configuration: resolved.configuration, counting: received)
        var settings = ShellSettings(database: client.configuration.database, retentionPolicy: client.configuration.retentionPolicy)
        settings.format = format ?? resolved.format?.output ?? .column
        settings.precision = precision ?? resolved.precision
        let interactive = isatty(STDIN_FILENO) == 1
        settings.pretty = interactive || pretty
        // A script needs the server: one that cannot be reached fails as a one-shot command does.
        if !interactive { _ = try client.ping() }
        let home = ProcessEnvironment.read()["HOME"]
        let shell = Shell(
            client: client, settings: settings, interactive: interactive,
            historyPath: home.map { $0 + "/.influxkit_history" }, receivedBytes: { received.total })
        shell.profileName = resolved.profile?.profile.name
        shell.profileConfiguration = { [transport = connection.transport] name in
            try ProfileChoice.connection(toProfile: name, transport: transport)
        }
        let status = shell.run()
        if let failure = shell.connectionFailure { throw ExitCode(failure.exitCode) }
        if status != 0 { throw ExitCode(status) }
    }
}
