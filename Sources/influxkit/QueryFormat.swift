import ArgumentParser
import InfluxShell

/// The `--format` of `influxkit query`: every format the shell renders, and `lp`, line protocol
/// that writes the rows back (see ``LineProtocolPrinter``).
struct QueryFormat: ExpressibleByArgument, Equatable {
    /// The renderer's format; `nil` for line protocol.
    let output: OutputFormat?

    init(_ output: OutputFormat?) {
        self.output = output
    }

    init?(argument: String) {
        if argument == "lp" {
            output = nil
        } else if let format = OutputFormat(rawValue: argument) {
            output = format
        } else {
            return nil
        }
    }

    var defaultValueDescription: String { output?.rawValue ?? "lp" }

    static var allValueStrings: [String] { OutputFormat.allValueStrings + ["lp"] }
}
