extension ClientConfiguration {
    /// `url` without its user information (`http://…@proxy:3128`), for messages and logs.
    public static func redactingUserInfo(_ url: String) -> String {
        ServerURL.safe(url)
    }

    /// Points the configuration at `url`: `http://` or `https://`, a host, an optional port
    /// (default 80 or 443) and an optional path prefix, e.g. `https://gateway.example/influx`.
    /// User and password in the URL (`https://user:password@host`) are taken too.
    public mutating func setServerURL(_ url: String) throws {
        let parts = try ServerURL(url)
        switch parts.scheme {
        case "http": usesSSL = false
        case "https": usesSSL = true
        default: throw InfluxError.invalidArgument("\(ServerURL.safe(url)) is not an http or https url")
        }
        host = parts.host
        port = parts.port ?? (usesSSL ? 443 : 80)
        pathPrefix = parts.path.isEmpty ? "" : "/" + parts.path
        if let user = parts.username { username = user }
        if let secret = parts.password { password = secret }
    }
}
