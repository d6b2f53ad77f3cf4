import Foundation

extension InfluxServer {
    /// The `influxdb.conf` of a private server: all state under `directory`, HTTP on
    /// `127.0.0.1:port`, the RPC service on `127.0.0.1:port+1`, no other listener, no reporting,
    /// quiet logs. With `udp`, a UDP listener writing into its database is on as well; with
    /// `tls`, the HTTP service speaks HTTPS only, with that certificate.
    static func configuration(
        directory: URL, port: Int, authEnabled: Bool, udp: UDPListener? = nil, tls: TLSFiles? = nil
    ) -> String {
        let root = directory.path
        let https = tls.map {
            "https-enabled = true\n  https-certificate = \"\($0.certificate.path)\"\n  https-private-key = \"\($0.key.path)\""
        } ?? "https-enabled = false"
        return """
            reporting-enabled = false
            bind-address = "127.0.0.1:\(port + 1)"

            [meta]
              dir = "\(root)/meta"
              logging-enabled = false

            [data]
              dir = "\(root)/data"
              wal-dir = "\(root)/wal"
              index-version = "inmem"
              wal-fsync-delay = "0s"
              query-log-enabled = false

            [http]
              enabled = true
              bind-address = "127.0.0.1:\(port)"
              auth-enabled = \(authEnabled)
              log-enabled = false
              pprof-enabled = false
              \(https)
              unix-socket-enabled = false

            [logging]
              level = "warn"
              suppress-logo = true

            [monitor]
              store-enabled = false

            [subscriber]
              enabled = false

            [retention]
              enabled = false

            [shard-precreation]
              enabled = false

            [continuous_queries]
              enabled = false

            [ifql]
              enabled = false

            [[graphite]]
              enabled = false

            [[collectd]]
              enabled = false

            [[opentsdb]]
              enabled = false

            \(udp.map(udpSection) ?? "[[udp]]\n  enabled = false")

            """
    }

    /// The `[[udp]]` section of a listener on `127.0.0.1:port`; its batches are written after
    /// 50 ms at the latest, so tests do not wait for the default second, and its socket asks for
    /// a 4 MiB receive buffer (the kernel caps it at `net.core.rmem_max`) so that a burst is not
    /// dropped while influxd is busy.
    private static func udpSection(_ udp: UDPListener) -> String {
        """
        [[udp]]
          enabled = true
          bind-address = "127.0.0.1:\(udp.port)"
          database = "\(udp.database)"
          batch-size = 1000
          batch-pending = 100
          batch-timeout = "50ms"
          read-buffer = 4194304
        """
    }
}
