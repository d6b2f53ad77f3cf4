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

    @Test func anArrayOfPointsIsConvertedInBoundedMemory() throws {
        let directory = FileManager.default.temporaryDirectory
        let large = directory.appendingPathComponent("\(InfluxServer.leftoverPrefix)\(getpid())-large.json")
        let small = directory.appendingPathComponent("\(InfluxServer.leftoverPrefix)\(getpid())-small.json")
        defer { for file in [large, small] { try? FileManager.default.removeItem(at: file) } }
        let body = String(repeating: "x", count: 2000)
        let points = (0..<40_000).map { #"{"measurement":"doc","tags":{"k":"\#($0 % 50)"},"fields":{"body":"\#(body)"},"time":\#($0)}"# }
        let text = "[" + points.joined(separator: ",\n") + "]"
        try text.write(to: large, atomically: true, encoding: .utf8)
        try #"[{"measurement":"doc","fields":{"body":"x"},"time":1}]"#.write(to: small, atomically: true, encoding: .utf8)

        let arguments = ["write", "--format", "json", "--dry-run", "-d", "db"]
        let baseline = try Self.peakMemory(arguments, input: small)
        let peak = try Self.peakMemory(arguments, input: large)
        let inputKiB = text.utf8.count / 1024
        // Holding the document (and its decoded values) would take several times its size.
        #expect(peak - baseline < inputKiB / 2, "peak \(peak) KiB, baseline \(baseline) KiB, input \(inputKiB) KiB")
    }
}
