extension ConnectionOptions: OneShotParsable {
    static var oneShotTable: OneShotTable<Self> {
        OneShotTable(
            [
                .optional("host") { $0.host = $1 },
                .optional("port") { $0.port = $1 },
                .optional("url") { $0.url = $1 },
                .optional("dsn") { $0.dsn = $1 },
                .optional("database", short: "d") { $0.database = $1 },
                .optional("rp") { $0.rp = $1 },
                .optional("username", short: "u") { $0.username = $1 },
                .optional("password", short: "p") { $0.password = $1 },
                .flag("password-stdin") { $0.passwordStdin = $1 },
                .optional("token") { $0.token = $1 },
                .optional("auth-scheme") { $0.authScheme = $1 },
                .flag("ssl") { $0.ssl = $1 },
                .optional("profile", short: "P") { $0.profile = $1 },
            ],
            groups: [.group { $0.transport = $1 }])
    }
}
