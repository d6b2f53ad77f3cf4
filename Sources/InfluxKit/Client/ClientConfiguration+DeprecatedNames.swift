/// The names settings had before they got Swift names (influxdb-python's), kept as deprecated
/// aliases so that code written with them (and the mapping table in
/// `docs/influxdb-python.md`) still works.
extension ClientConfiguration {
    /// influxdb-python's `ssl`.
    @available(*, deprecated, renamed: "usesSSL")
    public var ssl: Bool {
        get { usesSSL }
        set { usesSSL = newValue }
    }

    /// influxdb-python's `verify_ssl` (which there defaults to false).
    @available(*, deprecated, renamed: "verifiesCertificates")
    public var verifySSL: Bool {
        get { verifiesCertificates }
        set { verifiesCertificates = newValue }
    }

    /// influxdb-python's `gzip`.
    @available(*, deprecated, renamed: "usesGzip")
    public var gzip: Bool {
        get { usesGzip }
        set { usesGzip = newValue }
    }

    /// influxdb-python's `use_udp`.
    @available(*, deprecated, renamed: "usesUDP")
    public var useUDP: Bool {
        get { usesUDP }
        set { usesUDP = newValue }
    }

    /// Creates a configuration with influxdb-python's `ssl` label.
    @available(*, deprecated, renamed: "init(host:port:usesSSL:username:password:database:)")
    public init(
        host: String = "localhost",
        port: Int = 8086,
        ssl: Bool,
        username: String? = nil,
        password: String? = nil,
        database: String? = nil
    ) {
        self.init(host: host, port: port, usesSSL: ssl, username: username, password: password, database: database)
    }
}
