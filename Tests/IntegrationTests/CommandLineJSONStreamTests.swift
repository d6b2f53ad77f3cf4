import Foundation
import Testing

/// `influxkit write --format json` converts points as it reads them: its memory does not grow
/// with the input.
@Suite(.integration)
struct CommandLineJSONStreamTests {
    /// The peak resident memory, in KiB, of `influxkit arguments` reading `input`, measured by
    /// the kernel for the child of a small Python program.
    static func peakMemory(_ arguments: [String], input: URL) throws -> Int {
        let script = """
            import resource, subprocess, sys
            subprocess.run(sys.argv[2:], stdin=open(sys.argv[1], "rb"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, input.path, CommandLineTests.binary.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max
    }

    /// An array of points, and from a file the object form whose points come last.
    @Test(arguments: [false, true])
    func pointsAreConvertedInBoundedMemory(objectForm: Bool) throws {
        // Both cases run at once in this process: each has files of its own.
        let directory = FileManager.default.temporaryDirectory
        let name = "\(InfluxServer.leftoverPrefix)\(getpid())-\(objectForm ? "object" : "array")"
        let large = directory.appendingPathComponent("\(name)-large.json")
        let small = directory.appendingPathComponent("\(name)-small.json")
        defer { for file in [large, small] { try? FileManager.default.removeItem(at: file) } }
        let body = String(repeating: "x", count: 2000)
        let points = (0..<40_000).map { #"{"measurement":"doc","tags":{"k":"\#($0 % 50)"},"fields":{"body":"\#(body)"},"time":\#($0)}"# }
        let array = "[" + points.joined(separator: ",\n") + "]"
        let text = objectForm ? #"{"tags":{"dc":"west"},"points":"# + array + "}" : array
        try text.write(to: large, atomically: true, encoding: .utf8)
        try #"[{"measurement":"doc","fields":{"body":"x"},"time":1}]"#.write(to: small, atomically: true, encoding: .utf8)

        let arguments = ["write", "--format", "json", "--dry-run", "-d", "db"]
        let baseline = try Self.peakMemory(arguments, input: small)
        let peak = try Self.peakMemory(arguments + [large.path], input: small)
        let inputKiB = text.utf8.count / 1024
        // Holding the document (and its decoded values) would take several times its size.
        #expect(peak - baseline < inputKiB / 2, "peak \(peak) KiB, baseline \(baseline) KiB, input \(inputKiB) KiB")
    }

    /// Tags given after the points apply to them all the same, from a file or standard input.
    @Test func tagsAfterThePointsApplyToThem() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(InfluxServer.leftoverPrefix)\(getpid())-late.json")
        defer { try? FileManager.default.removeItem(at: file) }
        let document = #"{"points":[{"fields":{"v":1},"time":1},{"fields":{"v":2},"time":2}],"measurement":"m","tags":{"dc":"west"}}"#
        try document.write(to: file, atomically: true, encoding: .utf8)
        let arguments = ["write", "--format", "json", "--dry-run", "-d", "db", "--precision", "s"]
        for run in [try CommandLineTests.influxkit(arguments + [file.path]), try CommandLineTests.influxkit(arguments, input: document)] {
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasSuffix("m,dc=west v=1i 1\nm,dc=west v=2i 2\n"), "\(run.stdout)")
        }
    }
}
