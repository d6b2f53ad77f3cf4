import Foundation
import InfluxKit
import Testing

/// `--format json` prints one JSON document for all statements, in one-shot queries and in
/// piped scripts: what influxd answers unchunked for the same statements, whatever the chunks.
@Suite(.integration)
struct CommandLineJSONDocumentTests {
    /// Four statements: 10 rows in two series (5 chunks of 2 rows when chunked), a result
    /// without tags, one more select, and one that fails. Last: influxd 1.6.7 stops at a failed
    /// statement, and then answers differently chunked (the error, then `not executed` under
    /// the same statement id) and unchunked (`not executed` alone).
    static let statements = [
        "SELECT * FROM cpu GROUP BY *",
        "SHOW MEASUREMENTS",
        "SELECT usage FROM cpu WHERE host = 'b' AND time >= 3s",
        "SELECT * FROM nowhere_db..cpu",
    ]

    static func makeDatabase(_ server: InfluxServer) throws -> String {
        let database = try server.createDatabase()
        let client = try InfluxClient(host: "127.0.0.1", port: server.port, database: database)
        try client.write(lines: (1...5).flatMap { ["cpu,host=a usage=\($0).5,note=\"n\\\"\($0)\" \($0)000000000", "cpu,host=b usage=\($0) \($0)000000000"] })
        try client.write(lines: ["mem free=1i 1000000000"])
        return database
    }

    static func parsed(_ text: String) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject, "not one JSON document: \(text)")
    }

    /// Runs python3 with `arguments` on `input`; its status and standard output.
    static func python(_ arguments: [String], input: String) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = stdin.fileHandleForWriting
        Thread {
            handle.feed(Data(input.utf8))
            try? handle.close()
        }.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    @Test func aQueryOfSeveralStatementsInChunksIsTheServersUnchunkedDocument() throws {
        let server = try InfluxServer.shared()
        let database = try Self.makeDatabase(server)
        let text = Self.statements.joined(separator: "; ")
        let answer = try server.query(text, database: database)
        #expect(answer.status == 200)
        let expected = try Self.parsed(answer.text)
        for options in [["--chunk-size", "2"], ["--chunk-size", "1"], ["--no-chunked"], ["--chunk-size", "2", "--pretty"]] {
            let run = try CommandLineTests.influxkit(
                ["query", "-d", database, "--format", "json"] + options + CommandLineTests.connection(server) + [text])
            #expect(run.status == 1, "statement 4 failed: \(run.stderr)")
            #expect(run.stderr.contains("statement 4: database not found: nowhere_db"), "\(run.stderr)")
            #expect(try Self.parsed(run.stdout) == expected, "\(options): \(run.stdout)")
            #expect(try Self.python(["-m", "json.tool"], input: run.stdout).status == 0, "json.tool reads it")
        }
    }

    /// Go's `json.MarshalIndent`, which the Go shell's `-pretty` prints, and Python's
    /// `json.tool --indent 4` lay JSON out the same way.
    @Test func prettyIsIndentedAsPythonsJSONToolIndentsIt() throws {
        let server = try InfluxServer.shared()
        let database = try Self.makeDatabase(server)
        let arguments = ["query", "-d", database, "--format", "json", "--chunk-size", "3"] + CommandLineTests.connection(server)
            + [Self.statements[0], Self.statements[1]]
        let compact = try CommandLineTests.influxkit(arguments)
        let pretty = try CommandLineTests.influxkit(arguments + ["--pretty"])
        #expect(compact.status == 0 && pretty.status == 0)
        #expect(compact.stdout.split(separator: "\n").count == 1)
        let indented = try Self.python(["-m", "json.tool", "--indent", "4", "--no-ensure-ascii"], input: compact.stdout)
        #expect(indented.status == 0)
        #expect(pretty.stdout == indented.stdout)
    }

    @Test func aPipedScriptIsOneDocument() throws {
        let server = try InfluxServer.shared()
        let database = try Self.makeDatabase(server)
        let expected = try Self.parsed(try server.query(Self.statements.joined(separator: "; "), database: database).text)
        let script = "chunk size 2\nuse \(database)\n" + Self.statements.joined(separator: "\n") + "\n"
        for options in [[], ["--pretty"]] {
            let run = try CommandLineTests.influxkit(CommandLineTests.connection(server) + ["--format", "json"] + options, input: script)
            #expect(run.status == 1, "a statement failed: \(run.stderr)")
            #expect(run.stderr.contains("database not found: nowhere_db"))
            #expect(try Self.parsed(run.stdout) == expected, "\(run.stdout)")
            #expect(try Self.python(["-m", "json.tool"], input: run.stdout).status == 0, "json.tool reads it")
        }
    }
}
