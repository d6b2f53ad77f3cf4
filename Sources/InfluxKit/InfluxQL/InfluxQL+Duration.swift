extension InfluxQL {
    /// Whether `text` is a duration literal InfluxQL accepts: one or more whole numbers each
    /// followed by a unit (`ns`, `u` or `µ`, `ms`, `s`, `m`, `h`, `d`, `w`), such as `90m`, `7d`
    /// or `1h30m`; or, when `allowingInfinite`, `INF` in any case (influxd takes `INF` only as
    /// the duration of a retention policy, not as a shard duration or a resample interval).
    public static func isDuration(_ text: String, allowingInfinite: Bool = true) -> Bool {
        if text.lowercased() == "inf" { return allowingInfinite }
        var scalars = Substring(text).unicodeScalars[...]
        guard !scalars.isEmpty else { return false }
        while !scalars.isEmpty {
            let digits = scalars.prefix { ("0"..."9").contains($0) }
            guard !digits.isEmpty else { return false }
            scalars = scalars.dropFirst(digits.count)
            guard let unit = durationUnits.first(where: { scalars.starts(with: $0.unicodeScalars) }) else {
                return false
            }
            scalars = scalars.dropFirst(unit.unicodeScalars.count)
        }
        return true
    }

    /// Units, two-letter ones first so that `ms` is not read as `m` followed by `s`.
    private static let durationUnits = ["ns", "ms", "u", "µ", "s", "m", "h", "d", "w"]

    /// `text` when it is a duration literal, else an `.invalidArgument` naming `what`.
    static func duration(_ text: String, for what: String, allowingInfinite: Bool = false) throws -> String {
        guard isDuration(text, allowingInfinite: allowingInfinite) else {
            let examples = allowingInfinite ? "1h, 90m, 7d, 4w, 1h30m or INF" : "1h, 90m, 7d, 4w or 1h30m"
            throw InfluxError.invalidArgument("\(what) \(quoteLiteral(text)) is not a duration such as \(examples)")
        }
        return text
    }
}
