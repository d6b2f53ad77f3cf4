import ArgumentParser
import InfluxKit

/// An instant given on the command line: RFC 3339 (`2024-05-01T00:00:00Z`) or a number of
/// units since the epoch (`1714521600s`, `1714521600000ms`; nanoseconds without a unit).
struct TimeArgument: ExpressibleByArgument {
    /// Nanoseconds since the epoch.
    let nanoseconds: Int64

    init?(argument: String) {
        if let time = try? RFC3339.nanoseconds(from: argument) {
            nanoseconds = time
        } else if let time = DurationArgument.scaled(argument, units: DurationArgument.epochUnits) {
            nanoseconds = time
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// A length of time: an InfluxQL duration such as `1d`, `12h`, `1h30m` or `500ms`.
struct DurationArgument: ExpressibleByArgument {
    /// Nanoseconds.
    let nanoseconds: Int64

    init?(argument: String) {
        guard let value = Self.scaled(argument, units: Self.durationUnits), value > 0 else { return nil }
        nanoseconds = value
    }

    static let epochUnits: [String: Int64] = [
        "": 1, "ns": 1, "u": 1_000, "us": 1_000, "µs": 1_000, "ms": 1_000_000, "s": 1_000_000_000,
    ]
    static let durationUnits: [String: Int64] = [
        "ns": 1, "u": 1_000, "us": 1_000, "µ": 1_000, "µs": 1_000, "ms": 1_000_000, "s": 1_000_000_000,
        "m": 60_000_000_000, "h": 3_600_000_000_000, "d": 86_400_000_000_000, "w": 604_800_000_000_000,
    ]

    /// `text` as numbers each followed by a unit of `units` (`1h30m`; an optional leading `-`),
    /// added up in nanoseconds; `nil` when it is not that or does not fit 64 bits.
    static func scaled(_ text: String, units: [String: Int64]) -> Int64? {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            let unit = rest.prefix { !($0.isASCII && $0.isNumber) }
            rest = rest.dropFirst(unit.count)
            guard let number = Int64(digits), let scale = units[String(unit)] else { return nil }
            let (product, overflow) = number.multipliedReportingOverflow(by: scale)
            let (sum, overflowAgain) = total.addingReportingOverflow(product)
            guard !overflow, !overflowAgain else { return nil }
            total = sum
            if unit.isEmpty && !rest.isEmpty { return nil }
        }
        return negative ? -total : total
    }
}
