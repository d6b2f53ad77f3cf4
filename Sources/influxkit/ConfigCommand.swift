import ArgumentParser
import FoundationEssentials
import Glibc
import InfluxKit
import InfluxShell

/// `influxkit config`: the connection profiles of the config file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", _superCommandName: InfluxKitCommand.superCommandName, abstract: "Show the resolved connection; list, add, remove and choose connection profiles.",
        discussion: """
            Profiles live in $XDG_CONFIG_HOME/influxkit/config.toml (~/.config/influxkit/config.toml), one \
            table each; 'default = "NAME"' names the one used when neither --profile nor INFLUX_PROFILE does. \
            Precedence, setting by setting: flags, then INFLUX_* variables, then the profile, then the defaults. \
            A profile holds no password: give password-command (run without a shell; its first output line is \
            the password) or password-file (mode 0600). add, remove and use keep the file's other lines and \
            comments as they are.

            Examples:
              influxkit config add prod --url https://influx.example:8086 -u grafana -d metrics --password-command 'pass show influx/prod'
              influxkit config use prod
              influxkit config show
              influxkit query -P staging 'SHOW DATABASES'
            """,
        subcommands: [Show.self, List.self, Add.self, Remove.self, Use.self])

    /// `influxkit config show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print each connection setting, its value and where it came from (secrets masked).",
            discussion: """
                Takes every connection option, so 'influxkit config show -P prod --host other' shows what \
                'influxkit query -P prod --host other' would use. Runs no password command and reads no input.
                """)

        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let resolved = try connection.resolved(fetchingSecrets: false)
            let rows = ConnectionReport(resolved, passwordStdin: connection.passwordStdin).rows
            let width = rows.map(\.setting.count).max() ?? 0
            let valueWidth = rows.map(\.value.count).max() ?? 0
            var out = OutputBuffer()
            for row in rows {
                let setting = row.setting.padding(to: width)
                out.append(row.source.isEmpty ? "\(setting)  \(row.value)\n" : "\(setting)  \(row.value.padding(to: valueWidth))  \(row.source)\n")
            }
            out.flush()
        }
    }

    /// `influxkit config list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the profiles: name and server, the default marked with *.")

        func run() throws {
            let path = try ConfigCommand.path()
            guard let file = try ConfigFile.load(path: path) else {
                Diagnostics.error("no config file \(path) (influxkit config add NAME … makes one)")
                return
            }
            var out = OutputBuffer()
            let width = file.profiles.map(\.name.count).max() ?? 0
            for profile in file.profiles {
                let mark = profile.name == file.defaultProfile ? "*" : " "
                out.append("\(mark) \(profile.name.padding(to: width))  \(profile.server)\n")
            }
            out.flush()
        }
    }

    /// `influxkit config add NAME [options]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a profile to the config file (made if missing, mode 0600).",
            discussion: """
                Examples:
                  influxkit config add local --port 8086 -d metrics
                  influxkit config add prod --url https://influx.example:8086/influx -u grafana --password-file ~/.influx-prod --ca-cert /etc/ssl/corp.pem
                """)

        @Argument(help: "The profile's name.")
        var name: String

        @OptionGroup var settings: ProfileOptions

        func validate() throws {
            if name.isEmpty { throw ValidationError("a profile needs a name") }
            try settings.check()
        }

        func run() throws {
            try ConfigCommand.edit { editor in
                try editor.add(name, settings: settings.lines)
                return "added profile \(name) to \(editor.path)"
            }
        }
    }

    /// `influxkit config remove NAME`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove a profile from the config file (and the default line when it named it).")

        @Argument(help: "The profile's name.")
        var name: String

        func run() throws {
            try ConfigCommand.edit { editor in
                try editor.remove(name)
                return "removed profile \(name) from \(editor.path)"
            }
        }
    }

    /// `influxkit config use NAME`.
    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "use", abstract: "Make a profile the default (default = \"NAME\" in the config file).")

        @Argument(help: "The profile's name.")
        var name: String

        func run() throws {
            try ConfigCommand.edit { editor in
                _ = try editor.parsed().profile(name)
                editor.setDefault(name)
                return "default profile: \(name) (\(editor.path))"
            }
        }
    }

    /// Opens the config file, lets `change` edit it, saves it, and prints the line `change`
    /// returns.
    static func edit(_ change: (inout ConfigFileEditor) throws -> String) throws {
        var editor = try ConfigFileEditor(path: try path())
        let message = try change(&editor)
        try editor.save()
        OutputBuffer.write(message + "\n", to: STDOUT_FILENO)
    }

    /// The config file's path, or a usage error without HOME and XDG_CONFIG_HOME.
    static func path() throws -> String {
        guard let path = ConfigFile.path(environment: ProcessEnvironment.read()) else {
            throw UsageFailure("no config file: set HOME or XDG_CONFIG_HOME")
        }
        return path
    }
}

extension String {
    /// The text with spaces after it up to `width` characters.
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
