import ArgumentParser
import FoundationEssentials
import Glibc
import InfluxKit
import InfluxShell

/// The `influxkit` command: subcommands for scripts and pipes; the shell when none is given.
@main
struct InfluxKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "influxkit",
        abstract: "A command-line client for InfluxDB 1.x.",
        discussion: """
            Connection options go after the subcommand; INFLUX_HOST, INFLUX_PORT, INFLUX_USERNAME, \
            INFLUX_PASSWORD, INFLUX_TOKEN and INFLUX_DATABASE are used when a flag is not given, and a \
            profile of ~/.config/influxkit/config.toml (-P NAME, INFLUX_PROFILE, or its default) when \
            neither is; 'influxkit config show' tells which gave what. \
            Exit status: 0 success, 1 server or statement error, 2 server unreachable, 3 lines \
            rejected, 4 authentication or authorization failed, 64 usage error.

            Examples:
              influxkit ping --url https://influx.example:8086
              influxkit query -d metrics 'SHOW MEASUREMENTS'
              gzip -dc points.lp.gz | influxkit write -d metrics
              influxkit db create metrics --if-not-exists --duration 30d
              influxkit user create grafana < password.txt
              influxkit grant add read metrics grafana
              influxkit rp list -d metrics --format json
            """,
        version: Self.version,
        subcommands: [
            ShellSubcommand.self, PingCommand.self, QueryCommand.self, WriteCommand.self, ExportCommand.self, CopyCommand.self, DatabaseCommand.self,
            UserCommand.self, RetentionPolicyCommand.self, GrantCommand.self, ConfigCommand.self,
        ],
        defaultSubcommand: ShellSubcommand.self
    )

    /// The release.
    static let release = "0.1.0"

    /// Each subcommand's `_superCommandName` (ArgumentParser's experimental name of a command
    /// that runs this one): it matters only when the subcommand is the root of a parse, which
    /// it is in `parsedByItsSubcommand()` alone. There it makes the parser skip its check for
    /// `--generate-completion-script`, which reflects over two more commands before every parse
    /// (a seventh of a one-shot query's instructions); such a request is not the subcommand's
    /// own, so the root parser serves it as before.
    static let superCommandName = "influxkit"

    /// What `--version` prints: the release, the commit it was built from and the libcurl in use.
    static var version: String {
        "\(release) (commit \(BuildInfo.commit), libcurl \(InfluxClient.libcurlVersion))"
    }

    /// Runs the command, mapping library errors to the exit codes scripts rely on; output that
    /// could not be written makes a success exit 1.
    static func main() {
        StandardStreams.holdClosed()
        if let typo = CommandTypo.message(for: Array(CommandLine.arguments.dropFirst()), root: Self.self) {
            Diagnostics.error(typo)
            StandardStreams.exit(64)
        }
        do {
            var command = try parsedOneShot(Array(CommandLine.arguments.dropFirst())) ?? parsedByItsSubcommand() ?? parseAsRoot()
            SecretArguments.scrub()
            try command.run()
            StandardStreams.exit(0)
        } catch let error as InfluxError {
            Diagnostics.error(error.messageWithHint)
            StandardStreams.exit(error.exitCode)
        } catch let exit as ExitCode {
            StandardStreams.exit(exit.rawValue)
        } catch let failure as RunFailure {
            Diagnostics.error(failure.description)
            StandardStreams.exit(1)
        } catch let failure as UsageFailure {
            Diagnostics.error(failure.description)
            StandardStreams.exit(64)
        } catch {
            // ArgumentParser's own messages (help, usage errors), written as its `exit(withError:)`
            // writes them, but checked.
            let code = Self.exitCode(for: error).rawValue
            let message = Self.fullMessage(for: error)
            if !message.isEmpty { OutputBuffer.write(message + "\n", to: code == 0 ? STDOUT_FILENO : STDERR_FILENO) }
            StandardStreams.exit(code)
        }
    }

    /// The command that `influxkit NAME ARGUMENTS…` names, parsed by that subcommand alone.
    ///
    /// The root parser builds every candidate's options to decide where arguments go, which is
    /// about a sixth of a one-shot query's instructions. When the subcommand is named first, it
    /// alone can parse the rest. Anything but one of its own commands (help, `--version`, a
    /// usage error) gives `nil`, and the root parser runs, so messages and usage lines stay the
    /// root's.
    static func parsedByItsSubcommand() -> ParsableCommand? {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first,
            let subcommand = configuration.subcommands.first(where: { $0._commandName == name }),
            let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
            isCommand(type(of: command), in: subcommand)
        else { return nil }
        return command
    }

    /// Whether `type` is `tree` or one of its subcommands, at any depth.
    private static func isCommand(_ type: ParsableCommand.Type, in tree: ParsableCommand.Type) -> Bool {
        type == tree || tree.configuration.subcommands.contains { isCommand(type, in: $0) }
    }
}
