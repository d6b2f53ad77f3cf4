#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with a condition variable, for threads that wait for a state another thread changes.
///
/// Foundation's `NSCondition` would do, but this library links only FoundationEssentials, which
/// keeps the command-line tool small and quick to start.
final class Condition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let variable = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(variable, nil)
    }

    deinit {
        pthread_cond_destroy(variable)
        pthread_mutex_destroy(mutex)
        variable.deallocate()
        mutex.deallocate()
    }

    /// Takes the mutex, waiting for it if another thread holds it.
    func lock() { pthread_mutex_lock(mutex) }

    /// Releases the mutex.
    func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` holding the mutex.
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }

    /// Releases the mutex until another thread signals, then takes it again; call it in a loop
    /// that tests the awaited state, as wake-ups may be spurious.
    func wait() { pthread_cond_wait(variable, mutex) }

    /// Wakes one waiting thread.
    func signal() { pthread_cond_signal(variable) }

    /// Wakes every waiting thread.
    func broadcast() { pthread_cond_broadcast(variable) }
}
