import Synchronization
import Testing
@testable import InfluxKit

/// The wake-ups a ``CancellationFlag`` calls: every call running under it when it is raised,
/// none that has returned, and a token of a request without a task's flag registers nothing.
@Suite struct CancellationFlagTests {
    @Test func raisingTheFlagWakesEveryCallRunningUnderIt() {
        let flag = CancellationFlag()
        let woken = Atomic<Int>(0)
        let wake: @Sendable () -> Void = { woken.wrappingAdd(1, ordering: .relaxed) }
        flag.whileRunning(wake: wake) {
            flag.whileRunning(wake: wake) {
                #expect(woken.load(ordering: .relaxed) == 0)
                flag.cancel()
                #expect(woken.load(ordering: .relaxed) == 2)
            }
        }
        #expect(flag.isCancelled)
    }

    @Test func aCallThatReturnedIsNotWoken() throws {
        let flag = CancellationFlag()
        let woken = Atomic<Int>(0)
        flag.whileRunning(wake: { woken.wrappingAdd(1, ordering: .relaxed) }) {}
        #expect(throws: InfluxError.cancelled) {
            try flag.whileRunning(wake: {}) { throw InfluxError.cancelled }
        }
        flag.cancel()
        #expect(woken.load(ordering: .relaxed) == 0)
    }

    /// A flag raised before the call starts wakes nothing (the call checks the flag itself).
    @Test func aFlagRaisedBeforeTheCallWakesNothing() {
        let flag = CancellationFlag()
        flag.cancel()
        let woken = Atomic<Int>(0)
        flag.whileRunning(wake: { woken.wrappingAdd(1, ordering: .relaxed) }) {
            #expect(flag.isCancelled)
        }
        #expect(woken.load(ordering: .relaxed) == 0)
    }

    /// The task's flag of a token wakes; the client-wide cancel, which may run in a signal
    /// handler, does not (it only marks the token cancelled).
    @Test func aTokenWakesOnItsTasksFlagOnly() {
        let source = RequestCancellation()
        let flag = CancellationFlag()
        let woken = Atomic<Int>(0)
        let wake: @Sendable () -> Void = { woken.wrappingAdd(1, ordering: .relaxed) }
        source.token(call: flag).whileRunning(wake: wake) {
            source.cancel()
            #expect(woken.load(ordering: .relaxed) == 0)
            flag.cancel()
            #expect(woken.load(ordering: .relaxed) == 1)
        }
        let plain = source.token()
        plain.whileRunning(wake: wake) { source.cancel() }
        #expect(plain.isCancelled)
        #expect(woken.load(ordering: .relaxed) == 1)
    }
}
