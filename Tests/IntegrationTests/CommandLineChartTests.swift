import Foundation
import InfluxKit
import Testing

/// Charts from a real influxd: drawn on a real 80×24 terminal (tmux), in the shell, and as an
/// SVG file that a real SVG renderer (librsvg) draws into a picture that is not blank.
@Suite(.integration)
struct CommandLineChartTests {
    /// A database with three waves over 100 minutes, one with a spike, and a string field.
    func waves(_ server: InfluxServer) throws -> String {
        let database = try server.createDatabase()
        let start: Int64 = 1_700_000_000_000_000_000
        var lines: [String] = []
        for index in 0..<600 {
            for host in 0..<3 {
                let value = 50 + 30 * sin(Double(index) / 40 + Double(host)) + (index == 300 && host == 0 ? 200 : 0)
                lines.append("cpu,host=web\(host) usage=\(value),state=\"ok\" \(start + Int64(index) * 10_000_000_000)")
            }
        }
        try server.client().write(lines: lines, database: database)
        return database
    }

    @Test func aChartFillsAnEightyColumnTerminal() throws {
        let server = try InfluxServer.shared()
        let database = try waves(server)
        let session = try TerminalSession(
            CommandLineTests.binary.path,
            arguments: ["query", "--host", "127.0.0.1", "--port", String(server.port), "-d", database, "--format", "chart",
                        "SELECT usage, state FROM cpu GROUP BY host"],
            environment: ["NO_COLOR": "1"], width: 80, height: 24)
        defer { session.close() }
        let (screen, matched) = session.wait(for: "not drawn (not numbers): state")
        #expect(matched, "\(screen)")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("usage") })
        #expect(lines.contains { $0.contains("┤") && $0.contains("200") })
        #expect(lines.contains { $0.contains("2023-11-14 22:1") })
        #expect(lines.contains { $0.contains("a: host=web0") && $0.contains("c: host=web2") })
        #expect(lines.allSatisfy { $0.count <= 80 })
        // The plot rows hold braille, the spike reaches the top row.
        let plot = lines.filter { $0.contains("┤") || $0.contains("│") }
        #expect(plot.count >= 15, "\(screen)")
        #expect(plot.first?.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } == true, "\(screen)")
    }

    @Test func theShellDrawsChartsToo() throws {
        let server = try InfluxServer.shared()
        let database = try waves(server)
        let home = try ShellTerminalTests.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let session = try ShellTerminalTests.shell(port: server.port, home: home, ["-d", database], environment: ["NO_COLOR": "1"], width: 80, height: 30)
        defer { session.close() }
        #expect(session.wait(for: "> ").matched)
        try session.type("format chart")
        try session.press("Enter")
        try session.type("SELECT max(usage) FROM cpu GROUP BY time(10m)")
        try session.press("Enter")
        let (screen, matched) = session.wait(for: "a: cpu")
        #expect(matched, "\(screen)")
        #expect(screen.contains("max"))
    }

    @Test func theSVGIsWellFormedAndDrawsSomething() throws {
        let server = try InfluxServer.shared()
        let database = try waves(server)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-\(UUID().uuidString.prefix(8)).svg")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try CommandLineTests.influxkit(
            ["query", "-d", database, "--format", "svg", "SELECT usage, state FROM cpu GROUP BY host"] + CommandLineTests.connection(server))
        #expect(run.status == 0, "\(run.stderr)")
        try run.stdout.write(to: file, atomically: true, encoding: .utf8)
        #expect(try Self.python("import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1]); print('ok')", file.path) == "ok")
        #expect(run.stdout.components(separatedBy: "<path ").count - 1 == 3)
        #expect(run.stdout.contains("not drawn (not numbers): state"))

        // librsvg draws it; the picture has a good share of coloured pixels.
        let picture = file.deletingPathExtension().appendingPathExtension("png")
        defer { try? FileManager.default.removeItem(at: picture) }
        let render = Process()
        render.executableURL = URL(fileURLWithPath: "/usr/bin/rsvg-convert")
        render.arguments = ["-o", picture.path, file.path]
        try render.run()
        render.waitUntilExit()
        #expect(render.terminationStatus == 0, "rsvg-convert (librsvg2-bin) must be installed: scripts/bootstrap")
        let coloured = Int(try Self.python(Self.colouredPixels, picture.path)) ?? 0
        #expect(coloured > 1_000, "\(coloured) coloured pixels")
    }

    /// What python3 prints running `script` with `argument`, trimmed.
    static func python(_ script: String, _ argument: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, argument]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Counts the pixels of an 8-bit RGB or RGBA PNG that are clearly coloured (not grey or
    /// white), with the standard library only.
    static let colouredPixels = #"""
        import struct, sys, zlib
        data = open(sys.argv[1], "rb").read()
        width, height, depth, kind = struct.unpack(">IIBB", data[16:26])
        assert depth == 8 and kind in (2, 6), (depth, kind)
        size = 4 if kind == 6 else 3
        chunks, at = b"", 8
        while at < len(data):
            length, name = struct.unpack(">I4s", data[at:at + 8])
            if name == b"IDAT": chunks += data[at + 8:at + 8 + length]
            at += 12 + length
        raw, stride, previous, count = zlib.decompress(chunks), width * size, bytearray(width * size), 0
        for row in range(height):
            filter, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
            for i in range(stride):
                left = line[i - size] if i >= size else 0
                up, corner = previous[i], previous[i - size] if i >= size else 0
                if filter == 1: line[i] = (line[i] + left) & 255
                elif filter == 2: line[i] = (line[i] + up) & 255
                elif filter == 3: line[i] = (line[i] + (left + up) // 2) & 255
                elif filter == 4:
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
            for x in range(width):
                r, g, b = line[x * size:x * size + 3]
                a = line[x * size + 3] if size == 4 else 255
                if a > 128 and max(r, g, b) - min(r, g, b) > 60: count += 1
            previous = line
        print(count)
        """#
}
