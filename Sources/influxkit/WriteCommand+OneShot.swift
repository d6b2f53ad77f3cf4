import InfluxKit

extension WriteCommand: OneShotParsable {
    static var oneShotTable: OneShotTable<Self> {
        OneShotTable(
            [
                .optional("format") { $0.format = $1 },
                .value("precision", default: Precision.nanoseconds) { $0.precision = $1 },
                .optional("consistency") { $0.consistency = $1 },
                .value("batch-size", default: LineProtocolWriter.Options().batchSize) { $0.batchSize = $1 },
                .value("connections", default: LineProtocolWriter.Options().connections) { $0.connections = $1 },
                .flag("dry-run") { $0.dryRun = $1 },
                .optional("errors-file") { $0.errorsFile = $1 },
                .value("progress", default: WriteProgress.Mode.auto) { $0.progress = $1 },
                .optional("rate-limit") { $0.rateLimit = $1 },
                .flag("server-timestamps") { $0.serverTimestamps = $1 },
                .optional("checkpoint") { $0.checkpoint = $1 },
            ],
            positionals: { $0.files = $1 },
            groups: [.group { $0.connection = $1 }, .group { $0.csv = $1 }])
    }
}
