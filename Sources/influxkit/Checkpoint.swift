import ArgumentParser
import FoundationEssentials
import Glibc
import InfluxKit

/// A `--checkpoint` file: what an earlier run finished, as JSON, replaced atomically each time it
/// is saved. `influxkit write` keeps the last input line the server has settled
/// (`{"source":"day1.lp","line":5000}`), `influxkit export` the slices written out.
struct Checkpoint<State: Codable>: Sendable {
    /// The file's path.
    let path: String

    /// The position recorded by an earlier run, `nil` when there is none yet.
    func load() throws -> State? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try InputFile(name: path).readAll()
        } catch let error as InfluxError where error.code == .invalidArgument {
            throw ValidationError("cannot read the checkpoint: \(error.message)")
        }
        guard let position = try? JSONDecoder().decode(State.self, from: Data(bytes)) else {
            throw ValidationError("cannot read the checkpoint \(path): it is not one that influxkit wrote")
        }
        return position
    }

    /// Records `state`: written to a temporary file next to it, then renamed over it, so a
    /// crash leaves the old or the new position, never half of one.
    @Sendable func save(_ state: State) {
        guard let data = try? JSONEncoder().encode(state) else { return }
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            Diagnostics.error("warning: cannot write the checkpoint \(temporary)")
            return
        }
        if rename(temporary, path) != 0 {
            Diagnostics.error("warning: cannot replace the checkpoint \(path)")
        }
    }
}

extension Checkpoint where State == LineProtocolWriter.Position {
    /// The inputs still to read after `position`: the inputs before its source are done, its
    /// source is read from the line after it. Throws when the source is not among `inputs`.
    static func remaining(_ inputs: [String], after position: LineProtocolWriter.Position?) throws -> [(name: String, skipThrough: Int)] {
        guard let position else { return inputs.map { ($0, 0) } }
        guard let index = inputs.firstIndex(of: position.source) else {
            throw ValidationError("the checkpoint is about \(position.source), which is not among the inputs")
        }
        return [(position.source, position.line)] + inputs[(index + 1)...].map { ($0, 0) }
    }
}

