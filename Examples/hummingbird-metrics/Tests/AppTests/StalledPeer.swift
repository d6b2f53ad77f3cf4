import NIOCore
import NIOPosix
import Testing

/// A TCP peer that reads what it is sent and never answers: an InfluxDB whose query stalls.
/// ``events`` tells when a request arrives and when the other side hangs up.
struct StalledPeer {
    enum Event: Sendable, Equatable {
        case request, hungUp
    }

    let port: Int
    let events: AsyncStream<Event>
    private let channel: any Channel

    init() async throws {
        let (events, continuation) = AsyncStream.makeStream(of: Event.self)
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(Recorder(continuation: continuation))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = try #require(channel.localAddress?.port)
        self.events = events
    }

    func stop() async throws {
        try await channel.close()
    }

    private final class Recorder: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let continuation: AsyncStream<Event>.Continuation

        init(continuation: AsyncStream<Event>.Continuation) {
            self.continuation = continuation
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            continuation.yield(.request)
        }

        func channelInactive(context: ChannelHandlerContext) {
            continuation.yield(.hungUp)
        }
    }
}

/// A caller of the service that sends a request and hangs up without waiting for the answer.
enum ImpatientCaller {
    static func send(_ request: String, toPort port: Int) async throws -> any Channel {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "localhost", port: port).get()
        try await channel.writeAndFlush(ByteBuffer(string: request))
        return channel
    }
}
