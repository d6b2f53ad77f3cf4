import Configuration
import Foundation
import ServiceLifecycle
import Testing

@testable import App

/// The service itself, started for one test: the application built from `reader` runs in a
/// `ServiceGroup` on a loopback port the system chooses, and is shut down gracefully (HTTP server
/// first, then the shared client) when `body` returns or throws.
enum RunningService {
    struct DidNotStart: Error, CustomStringConvertible {
        var description: String { "the service stopped before it listened on a port" }
    }

    static func with<T>(reader: ConfigReader, _ body: (ServiceCaller) async throws -> T) async throws -> T {
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(reader: reader) { channel in
            if let port = channel.localAddress?.port { listening.yield(port) }
            listening.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: app.logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                // Ends the wait for the port below if the service never starts listening.
                defer { listening.finish() }
                try await group.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await tasks.waitForAll()
                throw DidNotStart()
            }
            let result: Result<T, any Error>
            do {
                result = .success(try await body(ServiceCaller(port: port)))
            } catch {
                result = .failure(error)
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }
}
