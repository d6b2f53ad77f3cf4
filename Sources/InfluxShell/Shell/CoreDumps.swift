import Glibc

/// Keeps secrets out of core dumps: once the process holds a password or token, a crash must
/// not write its memory to a file that may outlive it or be read by others.
public enum CoreDumps {
    /// Lowers the process's core file size limit, soft and hard, to zero (a core is then never
    /// written, and the limit cannot be raised again). Safe to call more than once.
    public static func disable() {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
    }
}
