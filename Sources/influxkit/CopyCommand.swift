import ArgumentParser
import InfluxKit

/// `influxkit copy`: points from one server into another, resumable and verified.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", _superCommandName: InfluxKitCommand.superCommandName,
        abstract: "Copy points from one server to another, without an intermediate file.",
        discussion: """
            The source is read as `influxkit export` reads it (slice by slice, exact types) while \
            the destination is written as `influxkit write` writes (checked lines, batches sorted \
            by series, retries). Each server is given with --from / --to and credentials of its \
            own; INFLUX_* variables apply to neither. The destination may be InfluxDB 1.x, the \
            1.x API of InfluxDB 2.x/3.x (--to-token; --to-database names the bucket's DBRP \
            mapping), or another store that takes line protocol, such as VictoriaMetrics: there \
            string fields are left out (and counted) unless --include-strings.

            Examples:
              influxkit copy --from http://old:8086 --to http://new:8086 -d metrics --create --verify
              influxkit copy --from http://old:8086 --to http://vm:8428 -d metrics --checkpoint copy.ckpt
              influxkit copy --from http://old:8086 --to https://cloud.example --to-token "$TOKEN" -d metrics --to-database metrics
            """)

    @OptionGroup var endpoints: CopyEndpoints

    @Option(name: .shortAndLong, help: ArgumentHelp("The source database (or the --from DSN's).", valueName: "name"))
    var database: String?

    @Option(help: ArgumentHelp("Only this retention policy of the source.", valueName: "name"))
    var rp: String?

    @OptionGroup var selection: SelectionOptions

    @Option(help: ArgumentHelp("Write into this database (default: the source's name).", valueName: "name"))
    var toDatabase: String?

    @Option(help: ArgumentHelp("Write into this retention policy (default: each slice's own).", valueName: "name"))
    var toRp: String?

    @Flag(help: "Create the destination database and retention policies (same durations) when missing (InfluxDB 1.x).")
    var create = false

    @Flag(help: "Copy string fields to a destination that is not InfluxDB (VictoriaMetrics stores them as 0).")
    var includeStrings = false

    @Option(help: ArgumentHelp("""
        Record the slices the destination has acknowledged; run the same command again after a \
        failure to go on from there. Delete it to start over.
        """, valueName: "file"), completion: .file())
    var checkpoint: String?

    @Flag(help: "Afterwards, compare the values of every field per slice on both sides (count); exit 1 when they differ.")
    var verify = false

    @Flag(help: "Only compare, copy nothing.")
    var verifyOnly = false

    @Option(help: """
        Points per request to the destination, at most. Smaller than write's default: the writer \
        gathers --connections times this many lines before it sends, and reading waits meanwhile.
        """)
    var batchSize = 10_000

    @Option(help: ArgumentHelp("Requests in flight to the destination at most.", valueName: "n"))
    var connections = LineProtocolWriter.Options().connections

    @Option(help: "Progress on standard error (slices read, points, bytes, rate): auto (on a terminal), always or never.")
    var progress: WriteProgress.Mode = .auto

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        guard (1...16).contains(connections) else { throw ValidationError("--connections must be between 1 and 16") }
    }

    func run() throws {
        Interruption.install()
        let job = try CopyJob(command: self)
        if !verifyOnly {
            try job.copy()
        }
        if verify || verifyOnly {
            try job.verify()
        }
        if job.rejected > 0 { throw ExitCode(3) }
    }
}
