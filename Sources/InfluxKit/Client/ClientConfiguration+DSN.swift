extension ClientConfiguration {
    /// Creates a configuration from a DSN, the forms of influxdb-python's `from_dsn`:
    /// `influxdb://[user[:password]@]host[:port][/database]`, and `https+influxdb://…` for HTTPS.
    /// `http://` and `https://` are accepted as synonyms. User, password and database may be
    /// percent-encoded; of a comma-separated list of hosts only the first is used. The port
    /// defaults to 8086. `udp+influxdb://` is refused: this client does not write over UDP.
    public init(dsn: String) throws {
        let url = try ServerURL(dsn)
        self.init()
        switch url.scheme {
        case "influxdb", "http": ssl = false
        case "https+influxdb", "https": ssl = true
        case "udp+influxdb": throw InfluxError.invalidArgument("udp dsns are not supported")
        default: throw InfluxError.invalidArgument("unknown dsn scheme \(url.scheme)")
        }
        host = url.host
        port = url.port ?? 8086
        username = url.username
        password = url.password
        if !url.path.isEmpty { database = url.path }
    }
}
