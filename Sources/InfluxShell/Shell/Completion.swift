/// What Tab offers for the word at the cursor: the words that may replace it, and what follows
/// the word when there is just one (a space, the closing quote of a tag value, or nothing after
/// a function's `(` or a `db.` prefix).
public struct Completion: Equatable, Sendable {
    /// The candidates, each replacing the whole word.
    public var candidates: [String]
    /// Typed after a single candidate.
    public var suffix: String

    /// Creates a completion.
    public init(_ candidates: [String], suffix: String = " ") {
        self.candidates = candidates
        self.suffix = suffix
    }
}
