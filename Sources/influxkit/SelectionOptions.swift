import ArgumentParser
import InfluxKit

/// What `export` and `copy` read: measurements, time range, tag filter, slices.
struct SelectionOptions: ParsableArguments {
    @Option(name: .customLong("measurement"), help: ArgumentHelp("Only this measurement (repeatable); default: all.", valueName: "name"))
    var measurements: [String] = []

    @Option(help: ArgumentHelp("Only the measurements whose names match this regular expression.", valueName: "regex"))
    var measurementRegex: String?

    @Option(help: ArgumentHelp("First instant: RFC 3339 or epoch with a unit (1714521600s).", valueName: "time"))
    var start: TimeArgument?

    @Option(help: ArgumentHelp("Instant after the last one (same forms as --start).", valueName: "time"))
    var end: TimeArgument?

    @Option(name: .customLong("where"), help: ArgumentHelp("An InfluxQL condition on tags, e.g. \"host = 'web1'\".", valueName: "condition"))
    var tagPredicate: String?

    @Option(help: ArgumentHelp("Longest time range one query reads (e.g. 1d, 6h); default: one shard group.", valueName: "duration"))
    var slice: DurationArgument?

    @Option(help: ArgumentHelp("Slices read at once, each on its own connection (the output is the same).", valueName: "n"))
    var parallel = 1

    func validate() throws {
        guard (1...16).contains(parallel) else { throw ValidationError("--parallel must be between 1 and 16") }
        if let start, let end, start.nanoseconds >= end.nanoseconds {
            throw ValidationError("--start must be before --end")
        }
    }

    /// The selection of `database`, in `retentionPolicy` only when one is given.
    func selection(of database: String, retentionPolicy: String?) -> ExportSelection {
        ExportSelection(
            database: database, retentionPolicies: retentionPolicy.map { [$0] } ?? [], measurements: measurements,
            measurementPattern: measurementRegex, start: start?.nanoseconds, end: end?.nanoseconds,
            tagPredicate: tagPredicate, sliceDuration: slice?.nanoseconds)
    }
}
