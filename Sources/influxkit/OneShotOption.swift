import ArgumentParser

/// One option of a ``OneShotTable``: how it is spelled, and how it assigns its property from
/// the values given (with the value type's own `ExpressibleByArgument` conversion, as
/// ArgumentParser does).
///
/// Properties are assigned by closures (`{ $0.host = $1 }`), not key paths: writing through a
/// key path reads the property first, and reading a property wrapper that ArgumentParser has
/// not filled traps.
struct OneShotOption<Root> {
    /// Its names and kind.
    let spelling: OneShotSpelling
    /// Assigns the property from the values given, in order (none: its default); false when
    /// a value does not convert.
    let assign: (inout Root, [String]) -> Bool

    /// An option without a default: `nil` until given; given again, the last one counts.
    static func optional<Value: ExpressibleByArgument>(
        _ long: String, short: Character? = nil, _ set: @escaping (inout Root, Value?) -> Void
    ) -> Self {
        Self(spelling: OneShotSpelling(long: long, short: short, kind: .value)) { root, values in
            // ArgumentParser converts every occurrence, the ones that do not count included.
            guard let converted = converted(values, as: Value.self) else { return false }
            set(&root, converted.last)
            return true
        }
    }

    /// An option with a default; given again, the last one counts.
    static func value<Value: ExpressibleByArgument>(
        _ long: String, short: Character? = nil, default initial: Value, _ set: @escaping (inout Root, Value) -> Void
    ) -> Self {
        optional(long, short: short) { root, value in set(&root, value ?? initial) }
    }

    /// An option that may be given many times; empty until given.
    static func repeated<Value: ExpressibleByArgument>(
        _ long: String, short: Character? = nil, _ set: @escaping (inout Root, [Value]) -> Void
    ) -> Self {
        Self(spelling: OneShotSpelling(long: long, short: short, kind: .repeatedValue)) { root, values in
            guard let converted = converted(values, as: Value.self) else { return false }
            set(&root, converted)
            return true
        }
    }

    /// A flag, `inverted` when `--no-NAME` is declared too; given again, the last one counts.
    static func flag(
        _ long: String, short: Character? = nil, default initial: Bool = false, inverted: Bool = false,
        _ set: @escaping (inout Root, Bool) -> Void
    ) -> Self {
        Self(spelling: OneShotSpelling(long: long, short: short, kind: inverted ? .invertibleFlag : .flag)) { root, values in
            set(&root, values.last.map { $0 == OneShotSpelling.on } ?? initial)
            return true
        }
    }

    /// Each of `values` converted, or `nil` when one does not convert.
    private static func converted<Value: ExpressibleByArgument>(_ values: [String], as _: Value.Type) -> [Value]? {
        let converted = values.compactMap(Value.init(argument:))
        return converted.count == values.count ? converted : nil
    }
}
