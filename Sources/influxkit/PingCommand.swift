import ArgumentParser
import Dispatch
import FoundationEssentials
import Glibc
import InfluxKit
import InfluxShell

/// `influxkit ping`: what the server is, its version and the round-trip time.
struct PingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping", _superCommandName: InfluxKitCommand.superCommandName, abstract: "Check that the server answers; print what it is, its version and the round-trip time.",
        discussion: """
            The server is told apart by its /ping answer: InfluxDB 1.x (OSS, Enterprise), 2.x, \
            3.x (Core, Enterprise, Cloud), or an unknown server that speaks the 1.x write API \
            (VictoriaMetrics names no version). With --verbose the answer's headers are printed too.

            Exit status 2 when the server cannot be reached or is not such a server, 4 when it \
            refuses the credentials (InfluxDB 3.x asks for a token on /ping).

            Examples:
              influxkit ping
              influxkit ping --url https://influx.example/gateway --ca-cert ca.pem
              influxkit ping --url http://localhost:8181 --token "$TOKEN" --verbose
            """)

    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let client = try connection.makeClient()
        let start = DispatchTime.now()
        let info = try client.serverInfo()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        var text = "\(client.configuration.baseURL) \(info) \(DecimalText.tenths(milliseconds)) ms\n"
        if connection.transport.verbose {
            for (name, value) in info.headers.sorted(by: { $0.key < $1.key }) { text += "  \(name): \(value)\n" }
        }
        OutputBuffer.write(text, to: STDOUT_FILENO)
    }
}
