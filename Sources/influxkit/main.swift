import ArgumentParser
import InfluxKit

struct InfluxKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "influxkit")
    func run() throws {}
}
InfluxKitCommand.main()
