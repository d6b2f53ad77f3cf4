import Foundation

/// Messages for the user on standard error.
enum Diagnostics {
    /// Prints `influxkit: message` on standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("influxkit: \(message)\n".utf8))
    }

    /// Prints a line as it is on standard error.
    static func line(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
}
