extension ServerInfo {
    /// What a successful (2xx) `/ping` answer says about the server; throws `.notInfluxDB` when
    /// the answer is evidently something else (an HTML page, a body that is not JSON).
    ///
    /// - `X-Influxdb-Version` names the major version (`1.6.7`, `v2.7.11`, `3.0.1`);
    /// - without it, `X-Influxdb-Build` of `Core`/`Enterprise` means 3.x and `Cloud` 2.x Cloud;
    /// - InfluxDB 3 Cloud answers `GET /ping` with `{"version": "…"}`;
    /// - a 204, or a 200 with an empty body or a JSON one, without any of these is a store that
    ///   speaks the 1.x protocol without naming itself (VictoriaMetrics answers 204).
    static func detect(_ head: HTTPResponseHead, body: [UInt8]) throws -> ServerInfo {
        let version = head.headers["x-influxdb-version"].flatMap { $0.isEmpty ? nil : $0 }
        var build = head.headers["x-influxdb-build"].flatMap { $0.isEmpty ? nil : $0 }
        if let version {
            return ServerInfo(kind: kind(ofVersion: version, build: build), version: version, build: build, headers: head.headers)
        }
        if let build, let kind = kind(ofBuild: build) {
            return ServerInfo(kind: kind, build: build, headers: head.headers)
        }
        let text = body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if head.status == 204 || text.isEmpty {
            return ServerInfo(kind: .other, build: build, headers: head.headers)
        }
        let contentType = head.headers["content-type"]?.lowercased() ?? ""
        guard !contentType.contains("html"), let json = try? JSONReader().parse(Array(text)), case .object = json else {
            throw InfluxError.notInfluxDB(
                status: head.status, reason: "no X-Influxdb-Version header on /ping")
        }
        let named = json["version"]?.stringValue
        build = build ?? json["build"]?.stringValue
        let family = named.map { Self.kind(ofVersion: $0, build: build) } ?? Kind.other
        return ServerInfo(kind: family, version: named, build: build, headers: head.headers)
    }

    /// The family of a version such as `1.8.10`, `v2.7.11` or `3.0.1`, or of the build when the
    /// version says nothing (`unknown`, a commit hash).
    static func kind(ofVersion version: String, build: String?) -> Kind {
        let digits = version.drop { $0 == "v" || $0 == "V" }
        let major = digits.prefix { $0.isNumber }
        let following = digits.dropFirst(major.count).first
        if !major.isEmpty, following == nil || following == "." {
            switch major {
            case "0", "1": return .influxDB1
            case "2": return .influxDB2
            case "3": return .influxDB3
            default: break
            }
        }
        return build.flatMap(kind(ofBuild:)) ?? .other
    }

    /// The family a build name implies, if any (`Core`, `Enterprise` and `Clustered` are 3.x,
    /// `Cloud2` 2.x Cloud).
    static func kind(ofBuild build: String) -> Kind? {
        switch build.lowercased() {
        case "core", "enterprise", "clustered": return .influxDB3
        case "cloud2", "cloud": return .influxDB2
        default: return nil
        }
    }
}
