import Glibc
import InfluxKit
import InfluxShell

/// The text `renderer` prints for `results`, in order, then `finish`.
func rendered(_ renderer: some ResultRenderer, _ results: [ResultSet]) -> String {
    var renderer = renderer
    let sink = open("/dev/null", O_WRONLY)
    defer { close(sink) }
    var out = OutputBuffer(descriptor: sink, blockSize: 1 << 24)
    for result in results {
        renderer.render(result, into: &out)
    }
    renderer.finish(into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
}

/// Two series of `cpu` grouped by host, then a `SHOW DATABASES` result.
enum Sample {
    static let cpu = ResultSet(statementID: 0, series: [
        Series(name: "cpu", tags: ["host": "a", "dc": "eu"], columns: ["time", "usage", "note"], values: [
            [.integer(1), .float(0.5), .string("ok")],
            [.integer(20), .integer(12), .null],
        ]),
        Series(name: "cpu", tags: ["host": "bb"], columns: ["time", "usage", "note"], values: [
            [.integer(3), .float(-1.25), .string("héllo")],
        ]),
    ])
    static let databases = ResultSet(statementID: 1, series: [
        Series(name: "databases", columns: ["name"], values: [[.string("db1")], [.string("metrics")]]),
    ])
}
