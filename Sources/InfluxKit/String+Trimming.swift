extension StringProtocol {
    /// The text without leading and trailing white space and line breaks; for the package's
    /// modules, not part of the library's API.
    package func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
