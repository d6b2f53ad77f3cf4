import ArgumentParser
import InfluxKit

/// `influxkit rp`: list, create, alter and drop retention policies of a database.
struct RetentionPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rp", _superCommandName: InfluxKitCommand.superCommandName, abstract: "List, create, alter and drop the retention policies of a database (-d).",
        discussion: """
            Examples:
              influxkit rp list -d metrics
              influxkit rp create week -d metrics --duration 7d --shard-duration 1d --default
              influxkit rp alter week -d metrics --duration 14d
            """,
        subcommands: [List.self, Create.self, Alter.self, Drop.self])

    /// `influxkit rp list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the retention policies of a database.",
            discussion: """
                Examples:
                  influxkit rp list -d metrics --format table
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var list: ListOptions

        func run() throws {
            let policies = try connection.makeClient().retentionPolicies()
            list.print(
                name: nil, columns: ["name", "duration", "shardGroupDuration", "replicaN", "default"],
                rows: policies.map {
                    [.string($0.name), .string($0.duration), .string($0.shardGroupDuration), .integer(Int64($0.replication)), .bool($0.isDefault)]
                })
        }
    }

    /// `influxkit rp create NAME`.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Create a retention policy.",
            discussion: """
                Examples:
                  influxkit rp create week -d metrics --duration 7d
                  influxkit rp create forever -d metrics --duration INF --replication 1 --default
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @Argument(help: "The retention policy's name.")
        var name: String

        @Option(help: ArgumentHelp("How long data is kept (e.g. 1h30m, 7d, INF).", valueName: "duration"))
        var duration: String

        @Option(help: ArgumentHelp("Copies of each point.", valueName: "n"))
        var replication = 1

        @Option(help: ArgumentHelp("Time span of each shard group.", valueName: "duration"))
        var shardDuration: String?

        @Flag(name: .customLong("default"), help: "Make it the database's default retention policy.")
        var makeDefault = false

        func run() throws {
            try statement.run(connection) { settings in
                try InfluxQL.createRetentionPolicy(
                    name, on: StatementOptions.database(settings), duration: duration, replication: replication,
                    shardDuration: shardDuration, makeDefault: makeDefault)
            }
        }
    }

    /// `influxkit rp alter NAME`.
    struct Alter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "alter", abstract: "Change the given settings of a retention policy.",
            discussion: """
                At least one of --duration, --replication, --shard-duration and --default is needed.

                Examples:
                  influxkit rp alter week -d metrics --duration 14d --default
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @Argument(help: "The retention policy's name.")
        var name: String

        @Option(help: ArgumentHelp("How long data is kept (e.g. 1h30m, 7d, INF).", valueName: "duration"))
        var duration: String?

        @Option(help: ArgumentHelp("Copies of each point.", valueName: "n"))
        var replication: Int?

        @Option(help: ArgumentHelp("Time span of each shard group.", valueName: "duration"))
        var shardDuration: String?

        @Flag(name: .customLong("default"), help: "Make it the database's default retention policy.")
        var makeDefault = false

        func run() throws {
            try statement.run(connection) { settings in
                try InfluxQL.alterRetentionPolicy(
                    name, on: StatementOptions.database(settings), duration: duration, replication: replication,
                    shardDuration: shardDuration, makeDefault: makeDefault)
            }
        }
    }

    /// `influxkit rp drop NAME`.
    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drop", abstract: "Drop a retention policy and its data.",
            discussion: """
                Examples:
                  influxkit rp drop week -d metrics
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @Argument(help: "The retention policy's name.")
        var name: String

        func run() throws {
            try statement.run(connection) { settings in
                InfluxQL.dropRetentionPolicy(name, on: try StatementOptions.database(settings))
            }
        }
    }
}
