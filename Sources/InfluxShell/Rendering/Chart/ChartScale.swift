import Glibc

/// A value axis: the range drawn and a few round tick values inside it, labelled in the units of
/// the data (`0.5`, `12k`, `1.2M`).
public struct ChartScale: Equatable, Sendable {
    /// The lowest value drawn.
    public let lower: Double
    /// The highest value drawn.
    public let upper: Double
    /// Round values between `lower` and `upper`, ascending.
    public let ticks: [Double]

    /// A scale for values from `minimum` to `maximum` with about `count` ticks. A constant
    /// series gets a range around its value (so it is drawn in the middle); a range that
    /// crosses zero keeps zero among the ticks.
    public init(minimum: Double, maximum: Double, count: Int = 5) {
        var low = minimum, high = maximum
        if !(high > low) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let step = Self.niceStep((high - low) / Double(max(count - 1, 1)))
        let first = (low / step).rounded(.up)
        var ticks: [Double] = []
        var index = first
        while index * step <= high + step * 1e-9, ticks.count < 50 {
            let value = index * step
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            index += 1
        }
        lower = low
        upper = high
        self.ticks = ticks
    }

    /// Where `value` falls, from 0 (`lower`) to 1 (`upper`).
    public func position(of value: Double) -> Double {
        (value - lower) / (upper - lower)
    }

    /// 1, 2 or 5 times a power of ten, the smallest not below `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let power = pow10(Int(log10(raw).rounded(.down)))
        for factor in [1.0, 2, 5, 10] where factor * power >= raw * (1 - 1e-12) {
            return factor * power
        }
        return 10 * power
    }

    /// `value` short: at most about four significant digits, with k, M, G, T for thousands and
    /// up and plain decimals below one (`0.25`, `0.0001`, `3e-9` for the very small).
    public static func label(_ value: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        for (scale, suffix) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")] where magnitude >= scale {
            return trimmed(value / scale, decimals: 2) + suffix
        }
        if magnitude >= 1e-4 { return trimmed(value, decimals: 4) }
        let exponent = Int(log10(magnitude).rounded(.down))
        return trimmed(value / pow10(exponent), decimals: 2) + "e\(exponent)"
    }

    /// `value` with at most `decimals` decimals, trailing zeros removed.
    private static func trimmed(_ value: Double, decimals: Int) -> String {
        let factor = pow10(decimals)
        let rounded = (value * factor).rounded() / factor
        var text = rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    static func pow10(_ exponent: Int) -> Double {
        pow(10, Double(exponent))
    }
}
