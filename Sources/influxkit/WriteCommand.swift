import ArgumentParser
import InfluxKit

/// `influxkit write`: line protocol (or influxdb-python JSON) from files or standard input.
struct WriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write", abstract: "Write points from files or standard input.")

    @OptionGroup var connection: ConnectionOptions

    func run() throws {}
}
