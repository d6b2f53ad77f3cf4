/// Rows held back until their column widths are known: the first `limit` rows of a block fix
/// the widths, and later rows are laid out with those widths (a longer value overflows its
/// column). Memory stays bounded whatever the size of the result.
struct WidthWindow {
    /// Rows that fix the widths.
    let limit: Int
    /// The rows not yet printed, as cell texts.
    private(set) var pending: [[String]] = []
    /// The widths, once fixed.
    private(set) var widths: [Int]?

    init(limit: Int) {
        self.limit = limit
    }

    /// Adds a row; returns true when the rows held should now be printed (the widths are fixed).
    mutating func add(_ row: [String]) -> Bool {
        guard widths == nil else {
            pending.append(row)
            return true
        }
        pending.append(row)
        if pending.count >= limit { fix() }
        return widths != nil
    }

    /// Fixes the widths from the rows held.
    mutating func fix() {
        guard widths == nil else { return }
        var result: [Int] = []
        for row in pending {
            for (index, cell) in row.enumerated() {
                let width = ValueText.width(cell)
                if index < result.count { result[index] = max(result[index], width) } else { result.append(width) }
            }
        }
        widths = result
    }

    /// Hands over the rows held and forgets them.
    mutating func take() -> [[String]] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }
}
