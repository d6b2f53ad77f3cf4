/// One record (row) of a CSV input: its fields as UTF-8 bytes, and the line it starts on.
///
/// The fields of a record are stored end to end in one buffer that the parser reuses, so a
/// record handed to a callback is only valid during the call; copy it to keep it.
package struct CSVRecord: Sendable {
    /// The line (counting from 1) on which the record starts; a quoted field can hold line
    /// breaks, so the record may go on over later lines.
    package internal(set) var line = 1
    /// What is wrong with the record's quoting (a quote not closed, text after a closing
    /// quote), or `nil`. The fields are still split as well as they can be.
    package internal(set) var problem: String?
    var bytes: [UInt8] = []
    var ends: [Int] = []

    /// The number of fields.
    package var count: Int { ends.count }

    /// The text of field `index`.
    package subscript(index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether field `index` is empty.
    package func isEmpty(_ index: Int) -> Bool {
        ends[index] == (index == 0 ? 0 : ends[index - 1])
    }

    /// Calls `body` with the UTF-8 bytes of field `index`.
    package func withField<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let start = index == 0 ? 0 : ends[index - 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
    }

    /// The texts of all fields.
    package var fields: [String] { (0..<count).map { self[$0] } }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        problem = nil
    }
}
