import ArgumentParser
import Dispatch
import FoundationEssentials
import Glibc
import InfluxKit
import InfluxShell

/// `influxkit ping`: the server's version and the round-trip time.
struct PingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping", abstract: "Check that the server answers; print its version and the round-trip time.",
        discussion: """
            Exit status 2 when the server cannot be reached.

            Examples:
              influxkit ping
              influxkit ping --url https://influx.example/gateway --ca-cert ca.pem
            """)

    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let client = try connection.makeClient()
        let start = DispatchTime.now()
        let version = try client.ping()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        OutputBuffer.write("\(client.configuration.baseURL) influxdb \(version) \(DecimalText.tenths(milliseconds)) ms\n", to: STDOUT_FILENO)
    }
}
