/// Lines bound for one write request, each with the place it came from.
struct LineBatch: Sendable {
    /// Where one line of the batch came from and where it sits in `bytes`.
    struct Line: Sendable {
        var source: String
        var line: Int
        var range: Range<Int>
    }

    /// The database the lines go to; `nil` for the client's default.
    var database: String?
    /// The retention policy the lines go to; `nil` for the client's default.
    var retentionPolicy: String?
    /// The request body: the lines, each ended by `\n`.
    private(set) var bytes: [UInt8] = []
    /// The lines, in order.
    private(set) var lines: [Line] = []

    init(reservingCapacity capacity: Int = 0, database: String? = nil, retentionPolicy: String? = nil) {
        bytes.reserveCapacity(capacity)
        self.database = database
        self.retentionPolicy = retentionPolicy
    }

    /// Adds one line (without its terminator).
    mutating func append(_ line: ArraySlice<UInt8>, source: String, line number: Int) {
        let start = bytes.count
        bytes.append(contentsOf: line)
        lines.append(Line(source: source, line: number, range: start..<bytes.count))
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The body of the lines `range` only.
    func body(of range: Range<Int>) -> [UInt8] {
        guard range != lines.indices else { return bytes }
        return Array(bytes[lines[range.lowerBound].range.lowerBound...lines[range.upperBound - 1].range.upperBound])
    }

    /// Runs `body` with the bytes of line `index`.
    func withBytes<T>(of index: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        bytes[lines[index].range].withUnsafeBytes(body)
    }

    /// The text of line `index`.
    func text(of index: Int) -> String {
        String(decoding: bytes[lines[index].range], as: UTF8.self)
    }
}
