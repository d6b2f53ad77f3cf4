import ArgumentParser
import FoundationEssentials
import Glibc
import InfluxKit
import InfluxShell

/// `--dry-run` of the subcommands that change something, and how they run their one statement.
struct StatementOptions: ParsableArguments {
    @Flag(help: "Print the InfluxQL statement that would run, and send nothing.")
    var dryRun = false

    /// Prints the statement on `--dry-run`; otherwise connects, runs `check` (which throws to stop)
    /// and then the statement, throwing `.statement` with the server's reason when it fails.
    /// `statement` gets the connection's settings (for its default database).
    func run(
        _ connection: ConnectionOptions,
        check: (InfluxClient) throws -> Void = { _ in },
        statement: (ClientConfiguration) throws -> String
    ) throws {
        let configuration = try connection.configuration()
        let text = try statement(configuration)
        if dryRun {
            OutputBuffer.write(text + "\n", to: STDOUT_FILENO)
            return
        }
        let client = try connection.makeClient(configuration: configuration)
        try check(client)
        try client.execute(text)
    }

    /// The database of statements that need one: `-d`, the DSN's or `INFLUX_DATABASE`.
    static func database(_ configuration: ClientConfiguration) throws -> String {
        guard let database = configuration.database else {
            throw InfluxError.invalidArgument("give the database with -d/--database (or INFLUX_DATABASE)")
        }
        return database
    }

    /// Reports `message` on standard error; the error to throw for exit status 1.
    static func failure(_ message: String) -> ExitCode {
        Diagnostics.error(message)
        return ExitCode(1)
    }
}
