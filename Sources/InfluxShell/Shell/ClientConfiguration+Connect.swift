import InfluxKit

extension ClientConfiguration {
    /// The configuration `connect ADDRESS` switches to.
    ///
    /// `host` or `host:port` (port 8086 when left out) keeps everything else: the scheme, the
    /// path prefix (unless one follows, `host:port/prefix`), the credentials and the TLS settings. A URL (`https://host:port/prefix`)
    /// sets the scheme and the path prefix too (none when it has no path), and the credentials
    /// when it holds some.
    public func connecting(to address: String) throws -> ClientConfiguration {
        var configuration = self
        guard !address.contains("://") else {
            try configuration.setServerURL(address)
            return configuration
        }
        var url = (usesSSL ? "https://" : "http://") + address
        if !address.contains(":") { url += ":8086" }
        try configuration.setServerURL(url)
        if configuration.pathPrefix.isEmpty { configuration.pathPrefix = pathPrefix }
        return configuration
    }
}
