import Glibc

/// Starting and pausing threads without Foundation's `Thread`.
enum Threads {
    /// Runs `body` on a new detached thread, with every signal blocked in it, so that signals
    /// sent to the process (Ctrl-C) reach the caller's threads, which wait for them, rather
    /// than a thread busy with a request.
    static func start(_ body: @escaping @Sendable () -> Void) {
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
        precondition(status == 0, "cannot start a thread (error \(status))")
        pthread_detach(thread)
    }

    /// Blocks the calling thread for `seconds` (nothing for zero or less).
    static func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        let whole = seconds.rounded(.down)
        var left = timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1e9))
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
