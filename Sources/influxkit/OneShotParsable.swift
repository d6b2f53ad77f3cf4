import ArgumentParser

/// A command or option group whose plain forms ``OneShotTable/parse(_:)`` parses from a table.
protocol OneShotParsable: ParsableArguments {
    /// Every option, the nested groups' included; a test checks it against `--help`.
    static var oneShotTable: OneShotTable<Self> { get }
}
