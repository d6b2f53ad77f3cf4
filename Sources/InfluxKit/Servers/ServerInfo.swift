/// What a server told about itself on `/ping`: which product speaks the InfluxDB 1.x protocol
/// there, its version and build.
///
/// InfluxDB 1.x and 2.x answer `/ping` with `X-Influxdb-Version` and `X-Influxdb-Build`
/// (`OSS`, `ENT`); 3.x Core and Enterprise send their version and build (`Core`, `Enterprise`)
/// and ask for a token; InfluxDB 3 Cloud answers `GET /ping` with its version in a JSON body;
/// other stores that take line protocol (VictoriaMetrics) answer 204 without these headers.
public struct ServerInfo: Sendable, Equatable, CustomStringConvertible {
    /// The product family, which decides how the client adapts (auth, errors, precision, statements).
    public enum Kind: String, Sendable, Equatable {
        /// InfluxDB 1.x (OSS or Enterprise), the reference.
        case influxDB1 = "1.x"
        /// InfluxDB 2.x (OSS or Cloud) through its 1.x-compatible API.
        case influxDB2 = "2.x"
        /// InfluxDB 3.x (Core, Enterprise, Cloud, Clustered) through its 1.x-compatible API.
        case influxDB3 = "3.x"
        /// A server that answers `/ping` like InfluxDB without saying what it is (VictoriaMetrics…).
        case other
    }

    /// The product family.
    public var kind: Kind
    /// The version the server reports (`X-Influxdb-Version` or the JSON body), `nil` when none.
    public var version: String?
    /// The build or edition the server reports (`X-Influxdb-Build`: `OSS`, `ENT`, `Core`…), `nil` when none.
    public var build: String?
    /// The headers of the `/ping` answer, by lower-cased name (for `--verbose` displays).
    public var headers: [String: String]

    /// Creates a description of a server.
    public init(kind: Kind, version: String? = nil, build: String? = nil, headers: [String: String] = [:]) {
        self.kind = kind
        self.version = version
        self.build = build
        self.headers = headers
    }

    /// The edition in words: `OSS`, `Enterprise`, `Core`, `Cloud`…; `nil` when the server did not say.
    public var edition: String? {
        guard let build, !build.isEmpty else { return nil }
        switch build.lowercased() {
        case "oss": return "OSS"
        case "ent", "enterprise": return "Enterprise"
        case "core": return "Core"
        case "cloud", "cloud2": return "Cloud"
        case "clustered": return "Clustered"
        default: return build
        }
    }

    /// The product's name for messages: `InfluxDB 2.x`, `InfluxDB 3.x (Core)`, `this server`.
    public var productName: String {
        switch kind {
        case .other: return "this server"
        default: return "InfluxDB \(kind.rawValue)" + (edition.map { " (\($0))" } ?? "")
        }
    }

    /// One line such as `InfluxDB 1.6.7 (OSS)`, `InfluxDB 3.x (Core)`,
    /// `unknown server, 1.x write API`, or `unknown server (version unknown, build X), 1.x write
    /// API` when an unknown server said something of itself.
    public var description: String {
        guard kind != .other else {
            let said = [version.map { "version \($0)" }, build.map { "build \($0)" }].compactMap { $0 }
            return said.isEmpty ? "unknown server, 1.x write API" : "unknown server (\(said.joined(separator: ", "))), 1.x write API"
        }
        let shown = version.map(Self.trimmed) ?? kind.rawValue
        return "InfluxDB \(shown)" + (edition.map { " (\($0))" } ?? "")
    }

    private static func trimmed(_ version: String) -> String {
        version.hasPrefix("v") ? String(version.dropFirst()) : version
    }
}
