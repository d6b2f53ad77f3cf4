/// How an option of a ``OneShotTable`` is written on the command line.
struct OneShotSpelling {
    /// How an option takes a value.
    enum Kind {
        /// `--name VALUE` (or `=VALUE`).
        case value
        /// `--name VALUE`, collected each time it is given.
        case repeatedValue
        /// `--name`.
        case flag
        /// `--name` or `--no-name`.
        case invertibleFlag
    }

    /// What a flag's occurrences are recorded as: `--name`, and `--no-name`.
    static let on = "true", off = "false"

    /// The long name, without `--`.
    let long: String
    /// The short name, without `-`.
    let short: Character?
    /// How it takes a value.
    let kind: Kind

    /// Whether it is a flag, which takes no value.
    var isFlag: Bool { kind == .flag || kind == .invertibleFlag }
}
