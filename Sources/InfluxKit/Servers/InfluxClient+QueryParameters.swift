extension InfluxClient {
    /// The `epoch=` value of a query in the form the server documents: 1.x and 2.x take `u` for
    /// microseconds (and ignore `us`, answering in nanoseconds), 3.x documents `us`
    /// (compat-servers.md, "Precision and epoch"). The server is asked what it is (once) only for
    /// microseconds, the one unit whose spelling differs.
    func epochParameter(_ epoch: Precision) -> String {
        guard epoch == .microseconds else { return epoch.rawValue }
        return serverKind() == .influxDB3 ? "us" : epoch.rawValue
    }

    /// The chunk size parameters of a chunked query: 1.x's `chunk_size`, and for a server known
    /// to be 3.x (a ``serverInfo()`` before) also the `chunked_size` its documentation names
    /// (docs.influxdata.com/influxdb3/cloud-serverless/query-data/execute-queries/v1-http/); a
    /// server ignores the one it does not know. Chunked queries do not ask `/ping` for this.
    func chunkSizeParameters(_ size: Int) -> [(name: String, value: String)] {
        var parameters = [(name: "chunk_size", value: String(size))]
        if learnedServer?.kind == .influxDB3 { parameters.append((name: "chunked_size", value: String(size))) }
        return parameters
    }
}
