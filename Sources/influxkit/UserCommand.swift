import ArgumentParser
import InfluxKit

/// `influxkit user`: list, create and drop users, change passwords and administrator rights.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", _superCommandName: InfluxKitCommand.superCommandName, abstract: "List, create and drop users; set passwords and administrator rights.",
        discussion: """
            New passwords are never arguments: they are asked twice without echo when standard input is a \
            terminal, and read from its first line otherwise. --dry-run prints them as ****.

            Examples:
              influxkit user list --format jsonl
              printf '%s\\n' "$NEW_PASSWORD" | influxkit user create reader
              influxkit user grant-admin ops
            """,
        subcommands: [List.self, Create.self, Drop.self, Password.self, GrantAdmin.self, RevokeAdmin.self])

    /// What `--dry-run` shows instead of a new password.
    static let hiddenPassword = "****"

    /// `influxkit user list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the users and whether each is an administrator.",
            discussion: """
                Examples:
                  influxkit user list
                  influxkit user list --format json
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var list: ListOptions

        func run() throws {
            let users = try connection.makeClient().users()
            list.print(name: nil, columns: ["user", "admin"], rows: users.map { [.string($0.name), .bool($0.isAdmin)] })
        }
    }

    /// `influxkit user create NAME`.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Create a user; its password is asked for or read from standard input.",
            discussion: """
                Examples:
                  influxkit user create reader
                  printf '%s\\n' "$NEW_PASSWORD" | influxkit user create ops --admin
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @Argument(help: "The user's name.")
        var name: String

        @Flag(help: "Make the user an administrator.")
        var admin = false

        func run() throws {
            try NewPassword.checkInput(connection)
            let password = statement.dryRun ? UserCommand.hiddenPassword : try NewPassword.read(for: name)
            try statement.run(connection) { _ in InfluxQL.createUser(name, password: password, admin: admin) }
        }
    }

    /// `influxkit user drop NAME`.
    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drop", abstract: "Drop a user.",
            discussion: """
                Examples:
                  influxkit user drop reader
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @Argument(help: "The user's name.")
        var name: String

        func run() throws {
            try statement.run(connection) { _ in InfluxQL.dropUser(name) }
        }
    }

    /// `influxkit user password NAME`.
    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password", abstract: "Set a user's password; it is asked for or read from standard input.",
            discussion: """
                Examples:
                  influxkit user password reader
                  printf '%s\\n' "$NEW_PASSWORD" | influxkit user password reader
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @Argument(help: "The user's name.")
        var name: String

        func run() throws {
            try NewPassword.checkInput(connection)
            let password = statement.dryRun ? UserCommand.hiddenPassword : try NewPassword.read(for: name)
            try statement.run(connection) { _ in InfluxQL.setPassword(password, for: name) }
        }
    }

    /// `influxkit user grant-admin NAME`.
    struct GrantAdmin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grant-admin", abstract: "Make a user an administrator.",
            discussion: """
                Examples:
                  influxkit user grant-admin ops
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @Argument(help: "The user's name.")
        var name: String

        func run() throws {
            try statement.run(connection) { _ in InfluxQL.grantAdmin(to: name) }
        }
    }

    /// `influxkit user revoke-admin NAME`.
    struct RevokeAdmin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-admin", abstract: "Take a user's administrator rights away.",
            discussion: """
                Examples:
                  influxkit user revoke-admin ops
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var statement: StatementOptions

        @Argument(help: "The user's name.")
        var name: String

        func run() throws {
            try statement.run(connection) { _ in InfluxQL.revokeAdmin(from: name) }
        }
    }
}
