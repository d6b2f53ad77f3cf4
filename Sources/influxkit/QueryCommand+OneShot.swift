extension QueryCommand: OneShotParsable {
    static var oneShotTable: OneShotTable<Self> {
        OneShotTable(
            [
                .optional("file", short: "f") { $0.file = $1 },
                .optional("format") { $0.format = $1 },
                .optional("epoch") { $0.epoch = $1 },
                .optional("width") { $0.width = $1 },
                .optional("height") { $0.height = $1 },
                .optional("tz") { $0.tz = $1 },
                .flag("chunked", default: true, inverted: true) { $0.chunked = $1 },
                .optional("chunk-size") { $0.chunkSize = $1 },
                .repeated("param") { $0.parameters = $1 },
                .flag("timing") { $0.timing = $1 },
                .flag("pretty") { $0.pretty = $1 },
            ],
            positionals: { $0.statements = $1 },
            groups: [.group { $0.connection = $1 }])
    }
}
