import Dispatch
import Glibc
@testable import InfluxKit
import Synchronization
import Testing

/// `cancelCurrentRequest()` cancels the request in progress, not one waiting for its turn (for
/// a free connection of the pool, here of one).
@Suite struct ClientCancellationTests {
    @Test func aRequestWaitingForTheLockIsNotCancelled() throws {
        let transport = BlockingTransport()
        var configuration = ClientConfiguration()
        configuration.poolSize = 1
        let client = try InfluxClient(configuration: configuration, makeTransport: { _ in transport })
        let first = Mutex<Result<String, any Error>?>(nil)
        let second = Mutex<Result<String, any Error>?>(nil)
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) { first.withLock { $0 = Result { try client.ping() } } }
        transport.started.wait()  // the first request holds the client's lock
        let waiting = DispatchSemaphore(value: 0)
        DispatchQueue.global().async(group: done) {
            waiting.signal()
            // Straight to `perform`, which takes the token (`ping` first waits for the lock
            // to read the configuration).
            second.withLock { $0 = Result { try client.send(HTTPRequest(method: .get, path: "/ping")).0.influxDBVersion ?? "" } }
        }
        waiting.wait()
        // Give the second request the time to queue behind the first (the test holds either
        // way once fixed; this wait only lets it fail without the fix).
        Threads.sleep(seconds: 0.2)
        client.cancelCurrentRequest()
        done.wait()
        #expect(throws: InfluxError.cancelled) { try first.withLock { $0 }?.get() }
        #expect(try second.withLock { $0 }?.get() == "1.6.7")
    }
}

/// Its first request waits until cancelled; later ones answer a ping at once (or say they were
/// cancelled).
private final class BlockingTransport: HTTPTransport, @unchecked Sendable {
    let started = DispatchSemaphore(value: 0)
    private let requests = Atomic<Int>(0)

    func perform(
        _ request: HTTPRequest,
        onBody: (HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        let token = try #require(request.cancellation)
        if requests.wrappingAdd(1, ordering: .relaxed).oldValue == 0 {
            started.signal()
            while !token.isCancelled { sched_yield() }
        }
        if token.isCancelled { throw InfluxError.cancelled }
        return HTTPResponseHead(status: 204, headers: ["x-influxdb-version": "1.6.7"])
    }
}
