#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting and pausing threads without Foundation's `Thread`.
enum Threads {
    /// Runs `body` on a new detached thread, with every signal blocked in it, so that signals
    /// sent to the process (Ctrl-C) reach the caller's threads, which wait for them, rather
    /// than a thread busy with a request. Throws `.invalidArgument` when the system cannot
    /// start one (too many threads, no memory), and `body` is then never run.
    static func start(_ body: @escaping @Sendable () -> Void) throws {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        // A new thread starts with its creator's mask: block all for it, then restore ours.
        var all = sigset_t(), saved = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        let status = pthread_create(&thread, nil, { context in
            let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
            body.run()
            return nil
        }, box)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            let reason = String(cString: strerror(status)).lowercased()
            throw InfluxError.invalidArgument("cannot start a thread: \(reason)")
        }
        pthread_detach(thread)
    }

    /// Blocks the calling thread for `seconds` (nothing for zero, less or NaN; at most
    /// ``Seconds/longest``).
    static func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        var left = Seconds.timespec(seconds)
        var request = timespec()
        repeat {
            request = left
        } while nanosleep(&request, &left) == -1 && errno == EINTR
    }

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
