/// A grid of terminal cells drawn with Unicode braille, 2×4 dots a cell, each cell in the
/// colour of the last dot set in it.
public struct BrailleCanvas: Sendable {
    /// Cells across.
    public let columns: Int
    /// Cells down.
    public let rows: Int
    private var dots: [UInt8]
    private var colours: [Int]

    /// Dots across (two a cell).
    public var dotColumns: Int { columns * 2 }
    /// Dots down (four a cell).
    public var dotRows: Int { rows * 4 }

    /// An empty canvas of `columns` × `rows` cells.
    public init(columns: Int, rows: Int) {
        self.columns = max(columns, 1)
        self.rows = max(rows, 1)
        dots = Array(repeating: 0, count: self.columns * self.rows)
        colours = Array(repeating: -1, count: self.columns * self.rows)
    }

    /// Sets the dot at (`x`, `y`), `y` counted from the top, in colour `colour`; dots outside
    /// are ignored.
    public mutating func set(x: Int, y: Int, colour: Int) {
        guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
        let cell = (y / 4) * columns + x / 2
        let bit: UInt8 = y % 4 == 3 ? (x % 2 == 0 ? 0x40 : 0x80) : UInt8(1) << UInt8((x % 2) * 3 + y % 4)
        dots[cell] |= bit
        colours[cell] = colour
    }

    /// Sets the dots from `from` to `to` in column `x` (inclusive, either order).
    public mutating func vertical(x: Int, from: Int, to: Int, colour: Int) {
        for y in min(from, to)...max(from, to) { set(x: x, y: y, colour: colour) }
    }

    /// Sets the dots of a straight line between two dots.
    public mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), colour: Int) {
        let steps = max(abs(end.x - start.x), abs(end.y - start.y), 1)
        for step in 0...steps {
            let x = start.x + (end.x - start.x) * step / steps
            let y = start.y + (end.y - start.y) * step / steps
            set(x: x, y: y, colour: colour)
        }
    }

    /// The character of the cell at (`column`, `row`): a braille pattern, or a space.
    public func character(column: Int, row: Int) -> Character {
        let mask = dots[row * columns + column]
        return mask == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(mask))!)
    }

    /// The colour of the cell at (`column`, `row`), `-1` when empty.
    public func colour(column: Int, row: Int) -> Int {
        colours[row * columns + column]
    }
}
