import Glibc

/// Starting and pausing threads without Foundation's `Thread`.
enum Threads {
    /// Runs `body` on a new detached thread.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
            body.run()
            return nil
        }, box)
        precondition(status == 0, "cannot start a thread (error \(status))")
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
