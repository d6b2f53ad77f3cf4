import ArgumentParser
import InfluxKit

extension Privilege: ExpressibleByArgument {
    /// Reads `read`, `write` or `all` in any case.
    public init?(argument: String) {
        self.init(name: argument)
    }

    /// The names `--help` and completions offer.
    public static var allValueStrings: [String] { ["read", "write", "all"] }
}

/// `influxkit grant`: list, add and revoke a user's privileges on databases.
struct GrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant", _superCommandName: InfluxKitCommand.superCommandName, abstract: "List, add and revoke a user's privileges on databases.",
        discussion: """
            Examples:
              influxkit grant list reader
              influxkit grant add read metrics reader
              influxkit grant revoke write metrics reader --dry-run
            """,
        subcommands: [List.self, Add.self, Revoke.self])

    /// `influxkit grant list USER`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List a user's privileges, one row per database.",
            discussion: """
                Examples:
                  influxkit grant list reader --format csv
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var list: ListOptions

        @Argument(help: "The user's name.")
        var user: String

        func run() throws {
            let grants = try connection.makeClient().grants(for: user)
            list.print(name: nil, columns: ["database", "privilege"], rows: grants.map { [.string($0.database), .string($0.privilege.rawValue)] })
        }
    }

    /// `influxkit grant add PRIVILEGE DB USER`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Grant read, write or all privileges on a database to a user.",
            discussion: """
                Examples:
                  influxkit grant add read metrics reader
                  influxkit grant add all metrics ops
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @OptionGroup var target: PrivilegeArguments

        func run() throws {
            try statement.run(connection) { _ in InfluxQL.grant(target.privilege, on: target.database, to: target.user) }
        }
    }

    /// `influxkit grant revoke PRIVILEGE DB USER`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke read, write or all privileges on a database from a user.",
            discussion: """
                Revoking read from a user with all privileges leaves write.

                Examples:
                  influxkit grant revoke write metrics reader
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @OptionGroup var target: PrivilegeArguments

        func run() throws {
            try statement.run(connection) { _ in InfluxQL.revoke(target.privilege, on: target.database, from: target.user) }
        }
    }
}

/// The `PRIVILEGE DB USER` arguments of `grant add` and `grant revoke`.
struct PrivilegeArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("read, write or all.", valueName: "privilege"))
    var privilege: Privilege

    @Argument(help: ArgumentHelp("The database.", valueName: "db"))
    var database: String

    @Argument(help: "The user's name.")
    var user: String
}
