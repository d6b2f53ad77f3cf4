import Glibc

/// How charts are drawn: their size, the unit of integer times, the time zone of the axis
/// labels and the colours.
public struct ChartOptions: Sendable {
    /// The size of one chart: characters and lines for `chart`, pixels for `svg`; `nil` for the
    /// defaults (80 × 22, and 800 × 300).
    public var size: (columns: Int, rows: Int)?
    /// Nanoseconds in the unit of integer times (1 for `epoch=ns`).
    public var timeUnit: Int64 = 1
    /// The time zone of the labels.
    public var timeZone = ChartTimeZone.utc
    /// Whether the terminal shows 256 colours (its `TERM` says so).
    public var colours256 = false

    /// Options with the defaults: 80 × 22 (800 × 300 pixels), nanoseconds, UTC, 16 colours.
    public init() {}
}

/// A time zone for axis labels: UTC or a fixed offset from it.
public struct ChartTimeZone: Sendable, Equatable {
    /// Seconds east of UTC.
    public var offset: Int
    /// What the labels say it is: `UTC`, `+02:00`.
    public var name: String

    /// Coordinated Universal Time.
    public static let utc = ChartTimeZone(offset: 0, name: "UTC")

    /// A zone `offset` seconds east of UTC, named `+HH:MM` (UTC for 0).
    public init(offset: Int, name: String? = nil) {
        self.offset = offset
        let minutes = abs(offset) / 60
        let hours = String(minutes / 60), rest = String(minutes % 60)
        self.name = name ?? (offset == 0 ? "UTC" : (offset < 0 ? "-" : "+")
            + String(repeating: "0", count: 2 - hours.count) + hours + ":" + String(repeating: "0", count: 2 - rest.count) + rest)
    }

    /// `UTC`, `local` (the machine's offset now) or an offset `+HH:MM`, `-HH:MM`, `+HH`.
    public init?(argument: String) {
        switch argument.uppercased() {
        case "UTC", "Z", "GMT": self = .utc
        case "LOCAL":
            var now = time(nil), parts = tm()
            guard localtime_r(&now, &parts) != nil else { return nil }
            self.init(offset: parts.tm_gmtoff)
        default:
            guard let sign = argument.first, sign == "+" || sign == "-" else { return nil }
            let fields = argument.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
            guard (1...2).contains(fields.count), let hours = Int(fields[0]), (0...14).contains(hours) else { return nil }
            let minutes = fields.count == 2 ? Int(fields[1]) : 0
            guard let minutes, (0..<60).contains(minutes) else { return nil }
            self.init(offset: (sign == "-" ? -1 : 1) * (hours * 3_600 + minutes * 60))
        }
    }
}
