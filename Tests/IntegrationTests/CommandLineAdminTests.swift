import Foundation
import InfluxKit
import Testing

/// `influxkit db`, `user`, `rp` and `grant`, run as a script would run them, against the real server.
@Suite(.integration)
struct CommandLineAdminTests {
    typealias Run = CommandLineTests.Run

    func influxkit(_ arguments: [String], _ server: InfluxServer, input: String = "") throws -> Run {
        // The administrator's password goes through the environment, so it is in no argument.
        var environment: [String: String] = [:]
        if let admin = server.admin {
            environment = ["INFLUX_USERNAME": admin.username, "INFLUX_PASSWORD": admin.password]
        }
        return try CommandLineTests.influxkit(arguments + CommandLineTests.connection(server), input: input, environment: environment)
    }

    /// The objects of `--format jsonl` output.
    func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func databases(_ server: InfluxServer) throws -> [String] {
        let list = try influxkit(["db", "list", "--format", "jsonl"], server)
        #expect(list.status == 0)
        #expect(list.stderr.isEmpty)
        return try objects(list.stdout).compactMap { $0["name"] as? String }
    }

    func users(_ server: InfluxServer) throws -> [String: Bool] {
        let list = try influxkit(["user", "list", "--format", "jsonl"], server)
        #expect(list.status == 0)
        #expect(list.stderr.isEmpty)
        return Dictionary(try objects(list.stdout).map { ($0["user"] as? String ?? "", $0["admin"] as? Bool ?? false) }) { $1 }
    }

    func grants(_ server: InfluxServer, _ user: String) throws -> String {
        let list = try influxkit(["grant", "list", user, "--format", "csv"], server)
        #expect(list.status == 0)
        #expect(list.stderr.isEmpty)
        return list.stdout
    }

    static let awkwardNames = [#"quo"te"#, "it's", "with space", "a,b", "k=v", #"x"; DROP DATABASE "victim"#, #"all, "of" = them'"#]

    @Test(arguments: awkwardNames)
    func databasesWithAwkwardNamesAreCreatedAndDroppedExactly(suffix: String) throws {
        let server = try InfluxServer.shared()
        let victim = try server.createDatabase()
        let name = server.makeDatabaseName() + " " + suffix

        let created = try influxkit(["db", "create", name], server)
        #expect(created.status == 0)
        #expect(created.stdout.isEmpty)
        #expect(created.stderr.isEmpty)
        var names = try databases(server)
        #expect(names.contains(name))
        #expect(names.contains(victim))
        #expect(!names.contains { $0 != name && $0.hasPrefix(name.prefix { $0 != " " }) }, "no other database")

        let again = try influxkit(["db", "create", name], server)
        #expect(again.status == 1)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr == "influxkit: database \(InfluxQL.quoteIdentifier(name)) exists already\n")
        let tolerated = try influxkit(["db", "create", name, "--if-not-exists"], server)
        #expect(tolerated.status == 0)
        #expect(tolerated.stderr.isEmpty)

        let dropped = try influxkit(["db", "drop", name], server)
        #expect(dropped.status == 0)
        #expect(dropped.stdout.isEmpty)
        #expect(dropped.stderr.isEmpty)
        names = try databases(server)
        #expect(!names.contains(name))
        #expect(names.contains(victim))

        let missing = try influxkit(["db", "drop", name], server)
        #expect(missing.status == 1)
        #expect(missing.stderr == "influxkit: database \(InfluxQL.quoteIdentifier(name)) does not exist\n")
        #expect(try influxkit(["db", "drop", name, "--if-exists"], server).status == 0)
    }

    @Test(arguments: [#"back\slash"#, "sla/sh"])
    func influxdsRefusalOfANameIsPassedOn(suffix: String) throws {
        let server = try InfluxServer.shared()
        let name = server.makeDatabaseName() + suffix
        let run = try influxkit(["db", "create", name], server)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("influxkit: "))
        #expect(run.stderr.contains("invalid name"))
        #expect(!(try databases(server)).contains(name))
    }

    @Test func aDatabaseCanBeCreatedWithItsDefaultRetentionPolicy() throws {
        let server = try InfluxServer.shared()
        let name = server.makeDatabaseName()
        let created = try influxkit(
            ["db", "create", name, "--duration", "7d", "--shard-duration", "1d", "--replication", "1", "--rp-name", "week"], server)
        #expect(created.status == 0)
        #expect(created.stderr.isEmpty)
        let policies = try influxkit(["rp", "list", "-d", name, "--format", "csv"], server)
        #expect(policies.status == 0)
        #expect(policies.stdout == "name,duration,shardGroupDuration,replicaN,default\nweek,168h0m0s,24h0m0s,1,true\n")
        #expect(policies.stderr.isEmpty)
    }

    @Test func dryRunsPrintTheStatementAndChangeNothing() throws {
        let server = try InfluxServer.shared()
        let name = server.makeDatabaseName()
        let existing = try server.createDatabase()
        let runs: [([String], String)] = [
            (["db", "create", name, "--duration", "1h", "--rp-name", "r \"1\""],
             #"CREATE DATABASE "\#(name)" WITH DURATION 1h NAME "r \"1\"""#),
            (["db", "drop", existing], #"DROP DATABASE "\#(existing)""#),
            (["user", "create", #"u\"x"#, "--admin"], #"CREATE USER "u\\\"x" WITH PASSWORD '****' WITH ALL PRIVILEGES"#),
            (["user", "password", "admin"], #"SET PASSWORD FOR "admin" = '****'"#),
            (["user", "drop", "admin"], #"DROP USER "admin""#),
            (["user", "grant-admin", "someone"], #"GRANT ALL PRIVILEGES TO "someone""#),
            (["user", "revoke-admin", "someone"], #"REVOKE ALL PRIVILEGES FROM "someone""#),
            (["rp", "create", "week", "-d", existing, "--duration", "7d", "--default"],
             #"CREATE RETENTION POLICY "week" ON "\#(existing)" DURATION 7d REPLICATION 1 DEFAULT"#),
            (["rp", "alter", "autogen", "-d", existing, "--duration", "2h"], #"ALTER RETENTION POLICY "autogen" ON "\#(existing)" DURATION 2h"#),
            (["rp", "drop", "autogen", "-d", existing], #"DROP RETENTION POLICY "autogen" ON "\#(existing)""#),
            (["grant", "add", "read", existing, "someone"], #"GRANT READ ON "\#(existing)" TO "someone""#),
            (["grant", "revoke", "ALL", existing, "someone"], #"REVOKE ALL ON "\#(existing)" FROM "someone""#),
        ]
        for (arguments, statement) in runs {
            let run = try influxkit(arguments + ["--dry-run", "-v"], server, input: "not-read\n")
            #expect(run.status == 0, "\(arguments)")
            #expect(run.stdout == statement + "\n")
            #expect(run.stderr.isEmpty, "nothing sent, so nothing logged: \(arguments)")
        }
        let names = try databases(server)
        #expect(!names.contains(name))
        #expect(names.contains(existing))
        let policies = try influxkit(["rp", "list", "-d", existing, "--format", "csv"], server)
        #expect(policies.stdout == "name,duration,shardGroupDuration,replicaN,default\nautogen,0s,168h0m0s,1,true\n")
    }

    @Test func usersWithAwkwardNamesGetExactlyTheirPasswordsAndRights() throws {
        let server = try InfluxServer.authenticated()
        let suffix = server.makeDatabaseName()
        let name = #"it's a "back\slash", k=v \#(suffix)"#
        let password = #"Pw-'q"\ ,=-\#(suffix)"#
        let before = try users(server)

        let created = try influxkit(["user", "create", name, "-v"], server, input: password + "\n")
        #expect(created.status == 0)
        #expect(created.stdout.isEmpty)
        #expect(created.stderr.contains("POST http://127.0.0.1:\(server.port)/query"), "the request is logged")
        #expect(!created.stderr.contains(password))
        var after = try users(server)
        #expect(after[name] == false)
        #expect(after.filter { before[$0.key] == nil } .count == 1, "one user added")

        func canLogIn(_ password: String) throws -> Int32 {
            try CommandLineTests.influxkit(
                ["query", "SHOW DATABASES"] + CommandLineTests.connection(server),
                environment: ["INFLUX_USERNAME": name, "INFLUX_PASSWORD": password]).status
        }
        #expect(try canLogIn(password) == 0)
        #expect(try canLogIn("wrong") == 4)

        // influxd accepts a second CREATE USER with the same password; with another it refuses.
        let duplicate = try influxkit(["user", "create", name], server, input: "Other-\(password)\n")
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("user already exists"))
        #expect(!duplicate.stderr.contains("Other-"))

        let changed = try influxkit(["user", "password", name], server, input: "New-\(password)\n")
        #expect(changed.status == 0)
        #expect(changed.stdout.isEmpty)
        #expect(changed.stderr.isEmpty)
        #expect(try canLogIn(password) == 4)
        #expect(try canLogIn("New-\(password)") == 0)

        #expect(try influxkit(["user", "grant-admin", name], server).status == 0)
        #expect(try users(server)[name] == true)
        #expect(try influxkit(["user", "revoke-admin", name], server).status == 0)
        #expect(try users(server)[name] == false)

        let dropped = try influxkit(["user", "drop", name], server)
        #expect(dropped.status == 0)
        #expect(dropped.stderr.isEmpty)
        after = try users(server)
        #expect(after[name] == nil)
        #expect(try canLogIn("New-\(password)") == 4)

        let unknown = try influxkit(["user", "password", name], server, input: "Other-\(password)\n")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("user not found"))
        #expect(!unknown.stderr.contains(password))
    }

    @Test func theNewPasswordIsNeverAnArgumentNorSharedWithPasswordStdin() throws {
        let server = try InfluxServer.shared()
        let name = server.makeDatabaseName()

        let asArgument = try influxkit(["user", "create", name, "Secret-Arg-1"], server)
        #expect(asArgument.status == 64)
        #expect(asArgument.stdout.isEmpty)

        let combined = try influxkit(["user", "create", name, "-u", "admin", "--password-stdin"], server, input: "a\nb\n")
        #expect(combined.status == 64)
        #expect(combined.stderr == "influxkit: invalid argument: --password-stdin and the new password cannot both come from standard input\n")

        let empty = try influxkit(["user", "create", name], server, input: "\n")
        #expect(empty.status == 64)
        #expect(empty.stderr == "influxkit: invalid argument: the new password is empty\n")
        #expect(try users(server)[name] == nil)
    }

    @Test func privilegesOfAnAwkwardUserOnAnAwkwardDatabase() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName() + #" "db", k=v"#
        let user = #"g\"rant"ee, x=y "# + server.makeDatabaseName()
        #expect(try influxkit(["db", "create", database], server).status == 0)
        #expect(try influxkit(["user", "create", user], server, input: "pw\n").status == 0)
        let quotedDatabase = "\"" + database.replacingOccurrences(of: "\"", with: "\"\"") + "\""

        #expect(try grants(server, user) == "database,privilege\n")
        let read = try influxkit(["grant", "add", "read", database, user], server)
        #expect(read.status == 0)
        #expect(read.stdout.isEmpty)
        #expect(read.stderr.isEmpty)
        #expect(try grants(server, user) == "database,privilege\n\(quotedDatabase),READ\n")
        #expect(try influxkit(["grant", "add", "write", database, user], server).status == 0)
        #expect(try grants(server, user) == "database,privilege\n\(quotedDatabase),WRITE\n", "influxd replaces, not adds")
        #expect(try influxkit(["grant", "add", "all", database, user], server).status == 0)
        #expect(try grants(server, user) == "database,privilege\n\(quotedDatabase),ALL\n")
        #expect(try influxkit(["grant", "revoke", "read", database, user], server).status == 0)
        #expect(try grants(server, user) == "database,privilege\n\(quotedDatabase),WRITE\n")
        #expect(try influxkit(["grant", "revoke", "all", database, user], server).status == 0)
        #expect(try grants(server, user) == "database,privilege\n")

        let bad = try influxkit(["grant", "add", "admin", database, user], server)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("'read', 'write' or 'all'"))
        let nobody = try influxkit(["grant", "add", "read", database, "nobody-\(user)"], server)
        #expect(nobody.status == 1)
        #expect(nobody.stderr.contains("user not found"))

        #expect(try influxkit(["user", "drop", user], server).status == 0)
        #expect(try influxkit(["db", "drop", database], server).status == 0)
    }

    @Test func retentionPoliciesAreCreatedAlteredAndDropped() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let header = "name,duration,shardGroupDuration,replicaN,default\n"
        let autogen = "autogen,0s,168h0m0s,1,"

        let created = try influxkit(["rp", "create", "two hours", "-d", database, "--duration", "2h", "--shard-duration", "1h"], server)
        #expect(created.status == 0)
        #expect(created.stdout.isEmpty)
        #expect(created.stderr.isEmpty)
        var list = try influxkit(["rp", "list", "-d", database, "--format", "csv"], server)
        #expect(list.stdout == header + autogen + "true\ntwo hours,2h0m0s,1h0m0s,1,false\n")

        #expect(try influxkit(["rp", "alter", "two hours", "-d", database, "--duration", "3h", "--default"], server).status == 0)
        list = try influxkit(["rp", "list", "--format", "csv"], server, input: "")
        #expect(list.status == 64, "no database")
        #expect(list.stdout.isEmpty)
        list = try CommandLineTests.influxkit(
            ["rp", "list", "--format", "csv"] + CommandLineTests.connection(server), environment: ["INFLUX_DATABASE": database])
        #expect(list.stdout == header + autogen + "false\ntwo hours,3h0m0s,1h0m0s,1,true\n")

        let unchanged = try influxkit(["rp", "alter", "two hours", "-d", database], server)
        #expect(unchanged.status == 64)
        #expect(unchanged.stderr.contains("needs a duration"))
        let badDuration = try influxkit(["rp", "create", "x", "-d", database, "--duration", "7 days"], server)
        #expect(badDuration.status == 64)
        #expect(badDuration.stderr.contains("7 days"))
        let tooShort = try influxkit(["rp", "create", "x", "-d", database, "--duration", "1m"], server)
        #expect(tooShort.status == 1)
        #expect(tooShort.stderr.contains("retention policy duration must be at least"))

        let dropped = try influxkit(["rp", "drop", "two hours", "-d", database], server)
        #expect(dropped.status == 0)
        #expect(dropped.stderr.isEmpty)
        list = try influxkit(["rp", "list", "-d", database, "--format", "csv"], server)
        #expect(list.stdout == header + autogen + "false\n")
    }

    @Test(arguments: ["column", "table", "csv", "json", "jsonl", "vertical"])
    func listsTakeEveryFormat(format: String) throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let list = try influxkit(["rp", "list", "-d", database, "--format", format], server)
        #expect(list.status == 0)
        #expect(list.stderr.isEmpty)
        let expected = [
            "column": "name    duration shardGroupDuration replicaN default\n----    -------- ------------------ -------- -------\nautogen 0s       168h0m0s           1        true\n",
            "table": "+---------+----------+--------------------+----------+---------+\n| name    | duration | shardGroupDuration | replicaN | default |\n+---------+----------+--------------------+----------+---------+\n| autogen | 0s       | 168h0m0s           |        1 | true    |\n+---------+----------+--------------------+----------+---------+\n",
            "csv": "name,duration,shardGroupDuration,replicaN,default\nautogen,0s,168h0m0s,1,true\n",
            "json": #"{"results":[{"statement_id":0,"series":[{"columns":["name","duration","shardGroupDuration","replicaN","default"],"values":[["autogen","0s","168h0m0s",1,true]]}]}]}"# + "\n",
            "jsonl": "",  // compared as an object below
            "vertical": "*************************** 1. row ***************************\n              name: autogen\n          duration: 0s\nshardGroupDuration: 168h0m0s\n          replicaN: 1\n           default: true\n",
        ]
        if format == "jsonl" {
            let row = try #require(try objects(list.stdout).first)
            #expect(row.count == 6)
            #expect(row["name"] as? String == "autogen")
            #expect((row["tags"] as? [String: Any])?.isEmpty == true)
            #expect(row["duration"] as? String == "0s")
            #expect(row["shardGroupDuration"] as? String == "168h0m0s")
            #expect(row["replicaN"] as? Int == 1)
            #expect(row["default"] as? Bool == true)
            #expect(list.stdout.hasSuffix("}\n"))
        } else {
            #expect(list.stdout == expected[format])
        }
    }

    @Test func everyNewSubcommandsHelpShowsAnExample() throws {
        let commands = [
            ["db", "list"], ["db", "create"], ["db", "drop"],
            ["user", "list"], ["user", "create"], ["user", "drop"], ["user", "password"], ["user", "grant-admin"], ["user", "revoke-admin"],
            ["rp", "list"], ["rp", "create"], ["rp", "alter"], ["rp", "drop"],
            ["grant", "list"], ["grant", "add"], ["grant", "revoke"],
        ]
        for command in commands {
            let help = try CommandLineTests.influxkit(command + ["--help"])
            #expect(help.status == 0)
            let examples = try #require(help.stdout.range(of: "Examples:\n"), "\(command)")
            #expect(help.stdout[examples.upperBound...].contains("influxkit \(command.joined(separator: " ")) "), "\(command)")
        }
    }
}
