import ArgumentParser
import InfluxKit
import InfluxShell

/// One run of `influxkit copy`: the two clients, the plan, what the destination is, and the
/// steps (create, copy, verify) with their messages.
final class CopyJob {
    private let command: CopyCommand
    private let source: InfluxClient
    private let destination: InfluxClient
    private let plan: ExportPlan
    /// Whether the destination is InfluxDB (its `/ping` says which), not another store such as
    /// VictoriaMetrics that takes line protocol.
    private let destinationIsInfluxDB: Bool
    private let targetDatabase: String
    /// Lines the destination rejected.
    private(set) var rejected = 0

    init(command: CopyCommand) throws {
        self.command = command
        let sourceConfiguration = try command.endpoints.source()
        let destinationConfiguration = try command.endpoints.destination()
        if command.endpoints.transport.unsafeSsl {
            Diagnostics.error("warning: --unsafe-ssl: the servers' certificates are not verified")
        }
        source = try InfluxClient(configuration: sourceConfiguration)
        destination = try InfluxClient(configuration: destinationConfiguration)
        guard let database = command.database ?? sourceConfiguration.database else {
            throw ValidationError("give the database to copy with -d/--database")
        }
        targetDatabase = command.toDatabase ?? destinationConfiguration.database ?? database
        plan = try source.exportPlan(for: command.selection.selection(of: database, retentionPolicy: command.rp))
        for warning in plan.warnings { Diagnostics.error("warning: \(warning)") }
        destinationIsInfluxDB = try destination.serverInfo().kind != .other
    }

    /// Whether string fields are left out: for a destination that is not InfluxDB.
    private var omitsStrings: Bool { !destinationIsInfluxDB && !command.includeStrings }

    /// Copies the plan, resuming from the checkpoint, and prints the summary.
    func copy() throws {
        if command.create { try createTargets() }
        let checkpoint = command.checkpoint.map { Checkpoint<CopyCheckpoint>(path: $0) }
        let saved = try checkpoint?.load()
        if let saved, saved.database != plan.database || saved.destination != targetDatabase {
            throw ValidationError("the checkpoint is about copying \(saved.database) to \(saved.destination), not this copy")
        }
        let rejections = try RejectionSink(path: nil)
        var options = Copier.Options()
        options.database = targetDatabase
        options.retentionPolicy = command.toRp
        options.export = Exporter.Options(parallel: command.selection.parallel, omitsStringFields: omitsStrings)
        options.write.batchSize = command.batchSize
        options.write.connections = command.connections
        let (database, target) = (plan.database, targetDatabase)
        let copier = try Copier(
            source: source.configuration, destination: destination, plan: plan, options: options,
            onRejection: rejections.report,
            onAcknowledged: { finished in
                checkpoint?.save(CopyCheckpoint(database: database, destination: target, finished: finished))
            })
        let resume = command.checkpoint == nil ? "" : "; run the same command again to go on"
        var progress = ExportProgress(mode: command.progress, total: plan.slices.count)
        defer { progress.finish() }
        let summary = try Interruption.cancelling(copier.cancel, message: "interrupted\(resume)") {
            try copier.run(skipping: Set(saved?.finished ?? [])) { event in
                switch event {
                case let .lines(bytes): progress.add(bytes: bytes.count)
                case let .sliceFinished(slice, statistics): progress.finished(slice, points: statistics.points)
                default: break
                }
            }
        }
        rejected = summary.write.rejected
        Diagnostics.line(describe(summary))
    }

    /// Compares per slice and field how many values both sides hold; throws exit status 1 when
    /// they differ or cannot be compared.
    func verify() throws {
        guard destinationIsInfluxDB else {
            Diagnostics.error("not verified: the destination does not answer InfluxQL (it is not InfluxDB)")
            throw ExitCode(1)
        }
        let differences = try plan.countDifferences(
            source: source, destination: destination, database: targetDatabase, retentionPolicy: command.toRp,
            omittingStrings: omitsStrings)
        guard !differences.isEmpty else {
            Diagnostics.line("verified: every field of \(plan.slices.count) slices holds as many values on both sides")
            return
        }
        var out = OutputBuffer()
        var renderer = TableRenderer(unicode: false)
        renderer.render(Self.table(of: differences), into: &out)
        renderer.finish(into: &out)
        out.flush()
        Diagnostics.error("verification failed: \(differences.count) field counts differ")
        throw ExitCode(1)
    }

    /// Creates the destination database and the retention policies it lacks, with the
    /// source's durations (a renamed policy takes those of the default one).
    private func createTargets() throws {
        guard destinationIsInfluxDB else {
            Diagnostics.error("warning: --create: the destination is not InfluxDB; nothing created")
            return
        }
        let existing = (try? destination.retentionPolicies(database: targetDatabase)) ?? []
        if existing.isEmpty { try destination.execute("CREATE DATABASE \(InfluxQL.quoteIdentifier(targetDatabase))") }
        let names = Set((try destination.retentionPolicies(database: targetDatabase)).map(\.name))
        var wanted = plan.retentionPolicies
        if let name = command.toRp, let model = plan.retentionPolicies.first(where: \.isDefault) ?? plan.retentionPolicies.first {
            wanted = [RetentionPolicy(
                name: name, duration: model.duration, shardGroupDuration: model.shardGroupDuration,
                replication: model.replication, isDefault: false)]
        }
        for policy in wanted where !names.contains(policy.name) {
            try destination.execute(
                "CREATE RETENTION POLICY \(InfluxQL.quoteIdentifier(policy.name)) ON \(InfluxQL.quoteIdentifier(targetDatabase))"
                    + " DURATION \(policy.duration) REPLICATION \(policy.replication) SHARD DURATION \(policy.shardGroupDuration)")
        }
    }

    private func describe(_ summary: Copier.Summary) -> String {
        var line = ExportCommand.describe(summary.export).replacingPrefix("exported", with: "read")
        line += "; wrote \(summary.write.written) points, rejected \(summary.write.rejected) lines"
            + ", retried \(summary.write.retriedBatches) batches"
        if summary.export.omittedStrings > 0 {
            line += "; left out \(summary.export.omittedStrings) string values"
            if summary.export.omittedPoints > 0 { line += " (\(summary.export.omittedPoints) points had nothing else)" }
            line += ": the destination is not InfluxDB and would store them as numbers; --include-strings copies them"
        }
        return line
    }

    private static func table(of differences: [CountDifference]) -> ResultSet {
        let rows: [[JSONValue]] = differences.map { difference in
            let slice = difference.slice
            return [
                .string(slice.retentionPolicy), .string(slice.measurement),
                .string(RFC3339.string(fromNanoseconds: slice.start)), .string(RFC3339.string(fromNanoseconds: slice.end)),
                .string(difference.field), .integer(difference.source), .integer(difference.destination),
            ]
        }
        let series = Series(
            name: "differences",
            columns: ["retention policy", "measurement", "start", "end", "field", "source", "destination"], values: rows)
        return ResultSet(statementID: 0, series: [series])
    }
}

private extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
