import ArgumentParser
import InfluxKit

/// `influxkit db`: list, create and drop databases.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", _superCommandName: InfluxKitCommand.superCommandName, abstract: "List, create and drop databases.",
        discussion: """
            Examples:
              influxkit db list --format json
              influxkit db create metrics --if-not-exists --duration 30d --rp-name month
              influxkit db drop scratch --if-exists --dry-run
            """,
        subcommands: [List.self, Create.self, Drop.self])

    /// `influxkit db list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the databases.",
            discussion: """
                Examples:
                  influxkit db list
                  influxkit db list --format csv
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var list: ListOptions

        func run() throws {
            let names = try connection.makeClient().databases()
            list.print(name: "databases", columns: ["name"], rows: names.map { [.string($0)] })
        }
    }

    /// `influxkit db create NAME`.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Create a database, with its default retention policy's settings if given.",
            discussion: """
                Without --if-not-exists, a database that exists already is an error (exit status 1).

                Examples:
                  influxkit db create metrics
                  influxkit db create metrics --if-not-exists --duration 7d --shard-duration 1d --rp-name week
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @Argument(help: "The database's name.")
        var name: String

        @Flag(help: "Succeed without doing anything when the database exists.")
        var ifNotExists = false

        @Option(help: ArgumentHelp("How long the default retention policy keeps data (e.g. 7d, INF).", valueName: "duration"))
        var duration: String?

        @Option(help: ArgumentHelp("Copies of each point kept by the default retention policy.", valueName: "n"))
        var replication: Int?

        @Option(help: ArgumentHelp("Time span of each shard group of the default retention policy.", valueName: "duration"))
        var shardDuration: String?

        @Option(help: ArgumentHelp("Name of the default retention policy (default: autogen).", valueName: "name"))
        var rpName: String?

        func run() throws {
            try statement.run(connection, check: { client in
                if !ifNotExists, try client.databases().contains(name) {
                    throw StatementOptions.failure("database \(InfluxQL.quoteIdentifier(name)) exists already")
                }
            }, statement: { _ in
                try InfluxQL.createDatabase(
                    name, duration: duration, replication: replication, shardDuration: shardDuration, retentionPolicyName: rpName)
            })
        }
    }

    /// `influxkit db drop NAME`.
    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drop", abstract: "Drop a database and all its data.",
            discussion: """
                Without --if-exists, a database that does not exist is an error (exit status 1).

                Examples:
                  influxkit db drop scratch
                  influxkit db drop scratch --if-exists --dry-run
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @Argument(help: "The database's name.")
        var name: String

        @Flag(help: "Succeed without doing anything when the database does not exist.")
        var ifExists = false

        func run() throws {
            try statement.run(connection, check: { client in
                if !ifExists, try !client.databases().contains(name) {
                    throw StatementOptions.failure("database \(InfluxQL.quoteIdentifier(name)) does not exist")
                }
            }, statement: { _ in InfluxQL.dropDatabase(name) })
        }
    }
}
