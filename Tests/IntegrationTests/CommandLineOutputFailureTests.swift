import Foundation
import Glibc
import Testing

/// Output that cannot be written is a failure: a full disk, a closed standard output, a reader
/// that went away while SIGPIPE is ignored, an `--errors-file` that cannot take the lines. The
/// command says so on standard error and does not exit 0.
@Suite(.integration)
struct CommandLineOutputFailureTests {
    static let users = #"{"results":[{"statement_id":0,"series":[{"columns":["user","admin"],"values":[["bob",true],["eve",false]]}]}]}"#

    /// Runs `influxkit arguments` through `/bin/sh -c "script"`, where `script` runs it as
    /// `"$0" "$@"`; standard output is `output` (a pipe nobody reads when `nil`).
    static func run(_ arguments: [String], script: String, output: FileHandle? = nil, input: String = "") throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, CommandLineTests.binary.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("INFLUX_") }
        var ends: [Int32] = [0, 0]
        if output == nil {
            // The read end is closed at once: a pipe without a reader.
            guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
            close(ends[0])
            _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        }
        let stdin = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = output ?? FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.feed(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let signalled = process.terminationReason == .uncaughtSignal
        return CommandLineTests.Run(status: signalled ? 128 + process.terminationStatus : process.terminationStatus,
                                    stdout: "", stderr: String(decoding: errors, as: UTF8.self))
    }

    static var full: FileHandle { FileHandle(forWritingAtPath: "/dev/full")! }

    @Test(arguments: ["csv", "json", "column"])
    func queryToAFullDisk(format: String) throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.users])
        let run = try Self.run(["query", "--url", peer.url, "--format", format, "SHOW USERS"], script: #"exec "$0" "$@""#, output: Self.full)
        #expect(run.status == 1)
        #expect(run.stderr.contains("influxkit: cannot write standard output: no space left on device"), "\(run.stderr)")
    }

    @Test func queryWithStandardOutputClosed() throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.users])
        let run = try Self.run(["query", "--url", peer.url, "--format", "csv", "SHOW USERS"], script: #"exec "$0" "$@" >&-"#, output: Self.full)
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write standard output: bad file descriptor"), "\(run.stderr)")
    }

    @Test func queryIntoAPipeWithoutReaderWhileSIGPIPEIsIgnored() throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.users])
        let run = try Self.run(["query", "--url", peer.url, "--format", "csv", "SHOW USERS"], script: #"trap '' PIPE; exec "$0" "$@""#)
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write standard output: broken pipe"), "\(run.stderr)")
    }

    /// With SIGPIPE as it usually is, a reader that went away (`| head`) ends the process by
    /// that signal, quietly — or, when the row is written while libcurl holds SIGPIPE ignored
    /// (it does during a transfer, and rows stream from inside it), as a failed write: exit 1
    /// and the reason. Never a success.
    @Test func aPipeWithoutReaderEndsTheProcessBySIGPIPE() throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.users])
        let run = try Self.run(["query", "--url", peer.url, "--format", "csv", "SHOW USERS"], script: #"trap - PIPE; exec "$0" "$@""#)
        if run.status == 128 + SIGPIPE {
            #expect(run.stderr.isEmpty, "\(run.stderr)")
        } else {
            #expect(run.status == 1)
            #expect(run.stderr.contains("cannot write standard output: broken pipe"), "\(run.stderr)")
        }
    }

    @Test func userListToAFullDisk() throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [Self.users])
        let run = try Self.run(["user", "list", "--url", peer.url], script: #"exec "$0" "$@""#, output: Self.full)
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write standard output"), "\(run.stderr)")
    }

    @Test func pingAndDryRunStatementsToAFullDisk() throws {
        let peer = try HTTPPeer(.influxdb)
        for arguments in [["ping", "--url", peer.url], ["db", "create", "x", "--dry-run"]] {
            let run = try Self.run(arguments, script: #"exec "$0" "$@""#, output: Self.full)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("cannot write standard output"), "\(arguments): \(run.stderr)")
        }
    }

    @Test func helpToAFullDisk() throws {
        let run = try Self.run(["query", "--help"], script: #"exec "$0" "$@""#, output: Self.full)
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write standard output: no space left on device"), "\(run.stderr)")
    }

    @Test func writeDryRunToAFullDisk() throws {
        let run = try Self.run(["write", "-d", "db", "--dry-run"], script: #"exec "$0" "$@""#, output: Self.full, input: "m v=1 1\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("would write 1 point"), "\(run.stderr)")
        #expect(run.stderr.contains("cannot write standard output: no space left on device"), "\(run.stderr)")
    }

    @Test func rejectedLinesThatCannotBeWrittenToTheErrorsFile() throws {
        let run = try Self.run(["write", "-d", "db", "--dry-run", "--errors-file", "/dev/full"], script: #"exec "$0" "$@" >/dev/null"#,
                               output: Self.full, input: "m v=1 1\nm v=oops 2\n")
        #expect(run.status == 3)
        #expect(run.stderr.contains("cannot write /dev/full: no space left on device"), "\(run.stderr)")
    }
}

extension CommandLineOutputFailureTests {
    /// The summary of `write` goes to standard error; when that is closed, the exit status is
    /// all that can tell.
    @Test func writeSummaryWithStandardErrorClosed() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", #"exec "$0" "$@" 2>&-"#, CommandLineTests.binary.path, "write", "-d", "db", "--dry-run"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
    }
}
