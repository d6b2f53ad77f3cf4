extension PingCommand: OneShotParsable {
    static var oneShotTable: OneShotTable<Self> {
        OneShotTable([], groups: [.group { $0.connection = $1 }])
    }
}
