extension TLSFileOptions: OneShotParsable {
    static var oneShotTable: OneShotTable<Self> {
        OneShotTable([
            .optional("ca-cert") { $0.caCert = $1 },
            .optional("client-cert") { $0.clientCert = $1 },
            .optional("client-key") { $0.clientKey = $1 },
        ])
    }
}
