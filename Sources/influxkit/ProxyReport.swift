import InfluxKit

/// Which proxy a connection goes through, as libcurl chooses it: `--proxy`, none with
/// `--no-proxy`, otherwise the environment (`http_proxy` for http — libcurl ignores
/// `HTTP_PROXY` —, `https_proxy`/`HTTPS_PROXY` for https, then `all_proxy`/`ALL_PROXY`,
/// unless `no_proxy`/`NO_PROXY` lists the host). Told on standard error with `--verbose`, as
/// a proxy in the environment is otherwise used silently, and sees the credentials of a plain
/// http connection.
enum ProxyReport {
    /// The line `--verbose` prints for `configuration` in `environment`, or `nil` when the
    /// connection goes straight to the server and no setting says so.
    static func line(for configuration: ClientConfiguration, environment: [String: String]) -> String? {
        if let proxy = configuration.proxy {
            return proxy.isEmpty
                ? "no proxy (--no-proxy)"
                : "proxy \(ClientConfiguration.redactingUserInfo(proxy)) (--proxy)"
        }
        let names = configuration.usesSSL
            ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
            : ["http_proxy", "all_proxy", "ALL_PROXY"]
        guard let name = names.first(where: { !(environment[$0] ?? "").isEmpty }), let proxy = environment[name] else {
            return nil
        }
        let bypass = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
        if bypasses(bypass, host: configuration.host) {
            return "no proxy: \(configuration.host) is in no_proxy (\(name) is set)"
        }
        var line = "proxy \(ClientConfiguration.redactingUserInfo(proxy)) (from \(name); --no-proxy to connect directly)"
        if !configuration.usesSSL && (configuration.username != nil || configuration.token != nil) {
            line += "; the proxy sees the credentials of this plain http connection"
        }
        return line
    }

    /// Whether a `no_proxy` list (`host,.domain,*`) names `host`, as libcurl matches it.
    static func bypasses(_ list: String, host: String) -> Bool {
        let host = host.lowercased()
        for entry in list.split(separator: ",") {
            var name = String(entry.filter { $0 != " " && $0 != "\t" }).lowercased()
            if name == "*" { return true }
            if name.hasPrefix(".") { name.removeFirst() }
            guard !name.isEmpty else { continue }
            if host == name || host.hasSuffix("." + name) { return true }
        }
        return false
    }
}
