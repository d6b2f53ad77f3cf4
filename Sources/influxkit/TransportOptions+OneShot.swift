extension TransportOptions: OneShotParsable {
    static var oneShotTable: OneShotTable<Self> {
        OneShotTable(
            [
                .flag("unsafe-ssl") { $0.unsafeSsl = $1 },
                .optional("proxy") { $0.proxy = $1 },
                .flag("no-proxy") { $0.noProxy = $1 },
                .optional("timeout") { $0.timeout = $1 },
                .optional("retries") { $0.retries = $1 },
                .flag("gzip") { $0.gzip = $1 },
                .flag("verbose", short: "v") { $0.verbose = $1 },
            ],
            groups: [.group { $0.files = $1 }])
    }
}
