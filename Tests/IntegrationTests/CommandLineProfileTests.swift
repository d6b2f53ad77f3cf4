import Foundation
import InfluxKit
import Testing

/// Connection profiles of the config file: precedence (flags > INFLUX_* > profile > defaults),
/// secrets from a command or a 0600 file, `config` editing, and `FILE:LINE` errors — against the
/// real server.
@Suite(.integration)
struct CommandLineProfileTests {
    /// A config directory of its own (XDG_CONFIG_HOME), holding `text` as the config file.
    final class ConfigHome {
        let directory: URL
        var file: URL { directory.appendingPathComponent("influxkit/config.toml") }

        init(_ text: String? = nil) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-xdg-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("influxkit"), withIntermediateDirectories: true)
            if let text { try write(text) }
        }

        func write(_ text: String) throws {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }

        func text() throws -> String {
            try String(contentsOf: file, encoding: .utf8)
        }

        /// A file in the directory with `text` and `mode`.
        func secretFile(_ text: String, mode: Int) throws -> String {
            let path = directory.appendingPathComponent("secret-\(UUID().uuidString.prefix(6))").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            return path
        }

        func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> CommandLineTests.Run {
            try CommandLineTests.influxkit(arguments, input: input, environment: environment.merging(["XDG_CONFIG_HOME": directory.path]) { $1 })
        }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    /// The source column `config show` prints for `setting`.
    func source(of setting: String, in output: String) -> String? {
        let line = output.split(separator: "\n").first { $0.hasPrefix(setting + " ") }
        return line.map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).joined(separator: " ") }
    }

    /// The value column `config show` prints for `setting`.
    func value(of setting: String, in output: String) -> String? {
        let line = output.split(separator: "\n").first { $0.hasPrefix(setting + " ") }
        return line.flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init) }
    }

    @Test func aProfileConnectsAndTheDefaultIsUsedWithoutNamingIt() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        try server.client().write(lines: ["m v=1 1"], database: database, precision: .seconds)
        let home = try ConfigHome("""
            # my servers
            default = "here"

            [here]
            host = "127.0.0.1"
            port = \(server.port)
            database = "\(database)"
            format = "csv"
            precision = "s"
            """)
        let byDefault = try home.run(["query", "SELECT v FROM m"])
        #expect(byDefault.status == 0, "\(byDefault.stderr)")
        #expect(byDefault.stdout == "name,time,v\nm,1,1\n")

        let named = try home.run(["query", "-P", "here", "--format", "json", "--epoch", "ns", "SELECT v FROM m"])
        #expect(named.status == 0)
        #expect(named.stdout.contains("[1000000000,1]"), "flags win over the profile's format and precision: \(named.stdout)")
    }

    @Test func flagsBeatTheEnvironmentWhichBeatsTheProfileForEverySetting() throws {
        let home = try ConfigHome("""
            [p]
            host = "profile-host"
            port = 1111
            username = "profile-user"
            database = "profile-db"
            retention-policy = "profile-rp"
            ca-cert = "/profile/ca.pem"
            client-cert = "/profile/cert.pem"
            client-key = "/profile/key.pem"
            timeout = 7
            retries = 5
            gzip = true
            precision = "ms"
            format = "json"
            """)
        let ca = try home.secretFile("", mode: 0o644), cert = try home.secretFile("", mode: 0o644), key = try home.secretFile("", mode: 0o600)
        // Each setting: the flag that overrides it, and the environment variable that does (if any).
        let settings: [(setting: String, profile: String, variable: String?, flag: [String], flagValue: String)] = [
            ("host", "profile-host", "INFLUX_HOST", ["--host", "flag-host"], "flag-host"),
            ("port", "1111", "INFLUX_PORT", ["--port", "3333"], "3333"),
            ("username", "profile-user", "INFLUX_USERNAME", ["-u", "flag-user"], "flag-user"),
            ("database", "profile-db", "INFLUX_DATABASE", ["-d", "flag-db"], "flag-db"),
            ("retention-policy", "profile-rp", nil, ["--rp", "flag-rp"], "flag-rp"),
            ("ca-cert", "/profile/ca.pem", nil, ["--ca-cert", ca], ca),
            ("client-cert", "/profile/cert.pem", nil, ["--client-cert", cert], cert),
            ("client-key", "/profile/key.pem", nil, ["--client-cert", cert, "--client-key", key], key),
            ("timeout", "7.0", nil, ["--timeout", "9"], "9.0"),
            ("retries", "5", nil, ["--retries", "8"], "8"),
        ]
        let environment = ["INFLUX_HOST": "env-host", "INFLUX_PORT": "2222", "INFLUX_USERNAME": "env-user", "INFLUX_DATABASE": "env-db"]
        let fromProfile = try home.run(["config", "show", "-P", "p"])
        #expect(fromProfile.status == 0, "\(fromProfile.stderr)")
        let withEnvironment = try home.run(["config", "show", "-P", "p"], environment: environment)
        for item in settings {
            #expect(value(of: item.setting, in: fromProfile.stdout) == item.profile, "\(item.setting): \(fromProfile.stdout)")
            #expect(source(of: item.setting, in: fromProfile.stdout) == "profile p", "\(item.setting)")
            if let variable = item.variable {
                #expect(value(of: item.setting, in: withEnvironment.stdout) == environment[variable], "\(item.setting)")
                #expect(source(of: item.setting, in: withEnvironment.stdout) == variable, "\(item.setting)")
            }
            let withFlag = try home.run(["config", "show", "-P", "p"] + item.flag, environment: environment)
            #expect(value(of: item.setting, in: withFlag.stdout) == item.flagValue, "\(item.setting): \(withFlag.stdout)")
            #expect(source(of: item.setting, in: withFlag.stdout)?.hasPrefix("--") == true, "\(item.setting): \(withFlag.stdout)")
        }
        #expect(value(of: "gzip", in: fromProfile.stdout) == "true")
        #expect(value(of: "precision", in: fromProfile.stdout) == "ms")
        #expect(value(of: "format", in: fromProfile.stdout) == "json")
        #expect(value(of: "url", in: withEnvironment.stdout) == "http://env-host:2222")

        // Without a profile, the built-in defaults.
        let none = try home.run(["config", "show"])
        #expect(value(of: "host", in: none.stdout) == "localhost")
        #expect(source(of: "host", in: none.stdout) == "default")
        #expect(value(of: "port", in: none.stdout) == "8086")
        #expect(value(of: "profile", in: none.stdout) == "-")
    }

    /// A value is everything after the variable's first `=`, bytes as they are.
    @Test func anEnvironmentValueKeepsItsEqualsSignsAndItsText() throws {
        let home = try ConfigHome("")
        let database = "a=b==c,grüße,温度"
        let shown = try home.run(["config", "show"], environment: ["INFLUX_DATABASE": database])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(value(of: "database", in: shown.stdout) == database, "\(shown.stdout)")
        #expect(source(of: "database", in: shown.stdout) == "INFLUX_DATABASE")
    }

    @Test func theEnvironmentAndFlagsOverrideAProfileOnTheWire() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        try server.client().write(lines: ["m v=1 1"], database: database, precision: .seconds)
        let deadPort = try #require(DeadPort())
        defer { withExtendedLifetime(deadPort) {} }
        let home = try ConfigHome("""
            [dead]
            url = "http://127.0.0.1:\(deadPort.port)"
            database = "no_such_database"
            retries = 0
            """)
        let profileOnly = try home.run(["ping", "-P", "dead"])
        #expect(profileOnly.status == 2)
        #expect(profileOnly.stderr.contains("127.0.0.1:\(deadPort.port)"))

        let environment = ["INFLUX_PORT": String(server.port), "INFLUX_DATABASE": database]
        let environmentWins = try home.run(["query", "-P", "dead", "--format", "csv", "--epoch", "s", "SELECT v FROM m"], environment: environment)
        #expect(environmentWins.status == 0, "\(environmentWins.stderr)")
        #expect(environmentWins.stdout == "name,time,v\nm,1,1\n")

        let flagWins = try home.run(["ping", "-P", "dead", "--port", String(deadPort.port)], environment: environment)
        #expect(flagWins.status == 2)

        let profileFromEnvironment = try home.run(["ping"], environment: ["INFLUX_PROFILE": "dead"])
        #expect(profileFromEnvironment.status == 2)
    }

    @Test func thePasswordComesFromACommandOrAPrivateFileAndNeverShows() throws {
        let server = try InfluxServer.authenticated()
        let admin = try #require(server.admin)
        let home = try ConfigHome()
        let script = try home.secretFile("#!/bin/sh\necho '\(admin.password)'\necho second-line\n", mode: 0o700)
        let privateFile = try home.secretFile("\(admin.password)\n", mode: 0o600)
        let openFile = try home.secretFile("\(admin.password)\n", mode: 0o644)
        try home.write("""
            [command]
            port = \(server.port)
            host = "127.0.0.1"
            username = "\(admin.username)"
            password-command = "'\(script)' --ignored-argument"

            [file]
            port = \(server.port)
            host = "127.0.0.1"
            username = "\(admin.username)"
            password-file = "\(privateFile)"

            [open]
            port = \(server.port)
            host = "127.0.0.1"
            username = "\(admin.username)"
            password-file = "\(openFile)"

            [failing]
            port = \(server.port)
            host = "127.0.0.1"
            username = "\(admin.username)"
            password-command = "false"
            """)
        for profile in ["command", "file"] {
            let run = try home.run(["query", "-P", profile, "-v", "--format", "csv", "SHOW USERS"])
            #expect(run.status == 0, "\(profile): \(run.stderr)")
            #expect(run.stdout.contains("\n\(admin.username),true\n"))
            #expect(!run.stderr.contains(admin.password), "the password never shows")
            let show = try home.run(["config", "show", "-P", profile])
            #expect(!show.stdout.contains(admin.password))
            #expect(value(of: "password", in: show.stdout) == (profile == "command" ? "(password-command:" : "(password-file:"))
        }
        let open = try home.run(["ping", "-P", "open"])
        #expect(open.status == 64)
        #expect(open.stderr.contains("mode 0644"))
        #expect(open.stderr.contains("chmod 600 \(openFile)"))

        let failing = try home.run(["ping", "-P", "failing"])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("password-command of profile 'failing' failed (exit status 1)"))

        // Another user than the profile's: its password is not sent for them.
        let otherUser = try home.run(["query", "-P", "file", "-u", "somebody", "SHOW USERS"], input: "")
        #expect(otherUser.status == 4)
        // A password of the environment wins over the profile's command.
        let environmentPassword = try home.run(["query", "-P", "command", "SHOW USERS"], environment: ["INFLUX_PASSWORD": "wrong"])
        #expect(environmentPassword.status == 4)
    }

    @Test func aMalformedFileSaysFileAndLineAndExits64() throws {
        let cases: [(text: String, line: Int, says: String)] = [
            ("[a]\nhost = \"x\"\nport = \n", 3, "expected value"),
            ("[a]\nhost = \"x\"\n[a]\n", 3, "redefine"),
            ("# comment\n[a]\nhost = \"x\"\nhots = \"y\"\n", 4, "unknown setting 'hots'"),
            ("[a]\nport = \"8086\"\n", 2, "port must be a number"),
            ("[a]\n\nport = 70000\n", 3, "port must be a number from 1 to 65535"),
            ("[a]\nssl = \"yes\"\n", 2, "ssl must be true or false"),
            ("[a]\npassword = \"secret\"\n", 2, "password-command"),
            ("[a]\ntoken = \"secret\"\n", 2, "password-file"),
            ("default = \"b\"\n[a]\nhost = \"x\"\n", 1, "default names profile 'b'"),
            ("host = \"x\"\n", 1, "outside a profile table"),
            ("[a]\nformat = \"xml\"\n", 2, "format must be one of"),
            ("[a]\nprecision = \"days\"\n", 2, "precision must be one of"),
            ("[a]\nurl = \"ftp://x\"\n", 2, "url:"),
            ("[a]\ntimeout = -1\n", 2, "timeout must be a positive number"),
        ]
        for item in cases {
            let home = try ConfigHome(item.text)
            let run = try home.run(["ping", "--port", "1"])
            #expect(run.status == 64, "\(item.text)")
            let prefix = "influxkit: \(home.file.path):\(item.line): "
            #expect(run.stderr.hasPrefix(prefix), "\(item.text) -> \(run.stderr)")
            #expect(run.stderr.contains(item.says), "\(item.text) -> \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
        let missing = try ConfigHome("[a]\nhost = \"x\"\n")
        let unknown = try missing.run(["ping", "-P", "nope"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no profile 'nope'"))
        let noFile = try CommandLineTests.influxkit(["ping", "-P", "nope"])
        #expect(noFile.status == 64)
        #expect(noFile.stderr.contains("there is no config file"))
    }

    @Test func configAddUseRemoveKeepCommentsAndOtherLines() throws {
        let original = """
            # influxkit profiles, edited by hand
            # second comment line

            [old]   # the old cluster
            # where it lives
            url = "https://old.example:8086"  # trailing comment
            username = "me"

            # comment of the last table
            [last]
            port = 9999

            """
        let home = try ConfigHome(original)
        let add = try home.run(["config", "add", "new one", "--host", "n.example", "--port", "8087", "--ssl", "-d", "metrics", "--password-command", "pass show \"influx/new\""])
        #expect(add.status == 0, "\(add.stderr)")
        let added = original + """

            ["new one"]
            host = "n.example"
            port = 8087
            ssl = true
            database = "metrics"
            password-command = "pass show \\"influx/new\\""

            """
        #expect(try home.text() == added)

        let use = try home.run(["config", "use", "new one"])
        #expect(use.status == 0)
        let used = try home.text()
        #expect(used == added.replacingOccurrences(of: "# second comment line\n\n", with: "# second comment line\ndefault = \"new one\"\n\n"), "\(used)")

        let list = try home.run(["config", "list"])
        #expect(list.stdout == "  last     http://localhost:9999\n* new one  https://n.example:8087\n  old      https://old.example:8086\n", "\(list.stdout)")

        let remove = try home.run(["config", "remove", "old"])
        #expect(remove.status == 0)
        let removed = try home.text()
        #expect(!removed.contains("old.example"))
        #expect(!removed.contains("# where it lives"))
        #expect(removed.contains("# influxkit profiles, edited by hand\n# second comment line\n"))
        #expect(removed.contains("# comment of the last table\n[last]\nport = 9999\n"))

        let removeDefault = try home.run(["config", "remove", "new one"])
        #expect(removeDefault.status == 0)
        #expect(!(try home.text()).contains("default"), "the default line goes with its profile")

        let again = try home.run(["config", "add", "last", "--port", "1"])
        #expect(again.status == 64)
        #expect(again.stderr.contains("profile 'last' exists"))
        let useMissing = try home.run(["config", "use", "nope"])
        #expect(useMissing.status == 64)
    }

    @Test func configAddMakesAPrivateFileAndRefusesAnOpenPasswordFile() throws {
        let home = try ConfigHome()
        try FileManager.default.removeItem(at: home.directory.appendingPathComponent("influxkit"))
        let add = try home.run(["config", "add", "first", "--url", "http://127.0.0.1:8086"])
        #expect(add.status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: home.file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let openFile = try home.secretFile("x\n", mode: 0o640)
        let refused = try home.run(["config", "add", "second", "--password-file", openFile])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("chmod 600"))
        #expect(!(try home.text()).contains("second"))
    }

    @Test func copyTakesProfilesForBothServers() throws {
        let server = try InfluxServer.shared()
        let source = try server.createDatabase("copySource")
        let destination = try server.createDatabase("copyDestination")
        try server.client().write(lines: ["m v=1 1", "m v=2 2"], database: source, precision: .seconds)
        let home = try ConfigHome("""
            [here]
            url = "http://127.0.0.1:\(server.port)"
            """)
        let copy = try home.run(["copy", "--from-profile", "here", "--to-profile", "here", "-d", source, "--to-database", destination])
        #expect(copy.status == 0, "\(copy.stderr)")
        let rows = try server.client().query("SELECT count(v) FROM m", database: destination)
        #expect(rows.first?.series.first?.values.first?.last == .integer(2), "\(rows)")
    }
}
