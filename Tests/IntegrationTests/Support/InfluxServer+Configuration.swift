import Foundation

extension InfluxServer {
    /// The `influxdb.conf` of a private server: all state under `directory`, HTTP on
    /// `127.0.0.1:port`, the RPC service on `127.0.0.1:port+1`, no other listener, no reporting,
    /// quiet logs.
    static func configuration(directory: URL, port: Int, authEnabled: Bool) -> String {
        let root = directory.path
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
              https-enabled = false
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

            [[udp]]
              enabled = false

            """
    }
}
