import Glibc
import Synchronization

/// The first output that could not be written (a full disk, a closed descriptor, a reader that
/// went away while SIGPIPE is ignored), so that a command that lost output does not report
/// success. Recorded by ``OutputBuffer`` and by anyone else who writes a stream; safe from any
/// thread.
public enum OutputFailure {
    private static let first = Mutex<(name: String, code: Int32)?>(nil)

    /// Notes that writing to `name` (`standard output`, a file's path) failed with `errno`
    /// `code`; only the first failure is kept.
    public static func record(_ name: String, code: Int32) {
        first.withLock { if $0 == nil { $0 = (name, code) } }
    }

    /// Notes that writing to `descriptor` failed with `errno` `code`.
    public static func record(descriptor: Int32, code: Int32) {
        record(name(of: descriptor), code: code)
    }

    /// What failed first, as `cannot write standard output: no space left on device`; `nil`
    /// when every write so far succeeded.
    public static var message: String? {
        first.withLock { failure in
            failure.map { "cannot write \($0.name): \(String(cString: strerror($0.code)).lowercased())" }
        }
    }

    /// The name of a descriptor in messages.
    static func name(of descriptor: Int32) -> String {
        switch descriptor {
        case STDOUT_FILENO: return "standard output"
        case STDERR_FILENO: return "standard error"
        default: return "descriptor \(descriptor)"
        }
    }
}
