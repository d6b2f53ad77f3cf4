import Glibc

/// The size of a terminal in character cells.
public struct TerminalSize: Equatable {
    /// Lines on the screen.
    public var rows: Int
    /// Characters on a line.
    public var columns: Int

    /// The size of the terminal `descriptor` is; `nil` when it is not a terminal.
    public static func of(_ descriptor: Int32) -> TerminalSize? {
        var size = winsize()
        guard isatty(descriptor) == 1, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else {
            return nil
        }
        return TerminalSize(rows: Int(size.ws_row), columns: Int(size.ws_col))
    }
}
