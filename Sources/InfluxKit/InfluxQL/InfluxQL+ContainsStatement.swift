extension InfluxQL {
    /// Whether `query` holds a statement: anything but white space, `;` and comments (`-- …`
    /// to the end of the line, `/* … */`). The server answers a query without one with no
    /// result at all (an empty body when chunked).
    public static func containsStatement(_ query: String) -> Bool {
        var found = false
        var scanner = InfluxQLScanner()
        scanner.scan(query) { _, character, part in
            switch part {
            case .code: if !character.isWhitespace && character != ";" { found = true }
            case .quoted, .regex: found = true
            case .comment: break
            }
        }
        return found
    }
}
