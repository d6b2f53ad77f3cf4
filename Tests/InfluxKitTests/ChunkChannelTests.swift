import Foundation
import Synchronization
import Testing
@testable import InfluxKit

@Suite(.timeLimit(.minutes(1)))
struct ChunkChannelTests {
    private static func chunk(_ index: Int) -> ResultSet {
        ResultSet(statementID: 0, series: [Series(name: "m", columns: ["v"], values: [[.integer(Int64(index))]])], isPartial: true)
    }

    /// Runs `work` on a thread of its own (the channel's producer blocks).
    private static func onThread(_ work: @escaping @Sendable () -> Void) {
        Thread { work() }.start()
    }

    @Test(arguments: [1, 3])
    func theProducerNeverGetsMoreThanTheCapacityAhead(capacity: Int) async throws {
        let channel = ChunkChannel<ResultSet>(capacity: capacity)
        let sent = Atomic<Int>(0)
        let total = 40
        Self.onThread {
            for index in 0..<total {
                try? channel.send(Self.chunk(index))
                sent.add(1, ordering: .sequentiallyConsistent)
            }
            channel.finish(throwing: nil)
        }
        var received: [ResultSet] = []
        var mostAhead = 0
        while let chunk = try await channel.next() {
            received.append(chunk)
            mostAhead = max(mostAhead, sent.load(ordering: .sequentiallyConsistent) - received.count)
            try await Task.sleep(for: .milliseconds(1))  // a slow consumer
        }
        #expect(received == (0..<total).map(Self.chunk))
        #expect(mostAhead <= capacity)
    }

    @Test func theErrorComesAfterTheBufferedChunksThenTheEnd() async throws {
        let channel = ChunkChannel<ResultSet>(capacity: 4)
        try channel.send(Self.chunk(0))
        try channel.send(Self.chunk(1))
        channel.finish(throwing: InfluxError.malformedResponse(reason: "truncated"))
        #expect(try await channel.next() == Self.chunk(0))
        #expect(try await channel.next() == Self.chunk(1))
        await #expect(throws: InfluxError.malformedResponse(reason: "truncated")) { try await channel.next() }
        #expect(try await channel.next() == nil)
    }

    @Test func cancellingReleasesABlockedProducer() async throws {
        let channel = ChunkChannel<ResultSet>(capacity: 1)
        try channel.send(Self.chunk(0))
        let outcome = Mutex<InfluxError?>(nil)
        let done = DispatchSemaphore(value: 0)
        Self.onThread {
            do {
                try channel.send(Self.chunk(1))  // blocks: the buffer is full
            } catch {
                outcome.withLock { $0 = error as? InfluxError }
            }
            done.signal()
        }
        channel.cancel()
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(outcome.withLock { $0 } == .cancelled)
        #expect(try await channel.next() == nil)
    }

    @Test func aWaitingConsumerGetsTheChunkHandedOver() async throws {
        let channel = ChunkChannel<ResultSet>(capacity: 1)
        Self.onThread {
            try? channel.send(Self.chunk(7))
            channel.finish(throwing: nil)
        }
        #expect(try await channel.next() == Self.chunk(7))
        #expect(try await channel.next() == nil)
    }
}
