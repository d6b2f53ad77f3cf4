import ArgumentParser
import Foundation
import InfluxKit

/// The `influxkit` command: subcommands for scripts and pipes.
@main
struct InfluxKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "influxkit",
        abstract: "A command-line client for InfluxDB 1.x.",
        subcommands: [PingCommand.self, QueryCommand.self, WriteCommand.self]
    )

    /// Runs the command, mapping library errors to the exit codes scripts rely on.
    static func main() {
        do {
            var command = try parseAsRoot()
            SecretArguments.scrub()
            try command.run()
        } catch let error as InfluxError {
            Diagnostics.error(error.description)
            Foundation.exit(error.exitCode)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            Self.exit(withError: error)
        }
    }
}
