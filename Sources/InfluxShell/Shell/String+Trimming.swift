extension String {
    /// The text without leading and trailing white space and line breaks.
    func trimmingWhitespace() -> String {
        var view = self[...]
        while view.first?.isWhitespace == true { view.removeFirst() }
        while view.last?.isWhitespace == true { view.removeLast() }
        return String(view)
    }
}
