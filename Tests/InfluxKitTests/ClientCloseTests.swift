import Testing
@testable import InfluxKit

@Suite struct ClientCloseTests {
    /// Makes fake transports and remembers them weakly, to see when the client lets go.
    final class Factory {
        struct Weak { weak var transport: FakeTransport? }
        var made: [Weak] = []

        func make(_ configuration: ClientConfiguration) -> any HTTPTransport {
            let transport = FakeTransport([])
            made.append(Weak(transport: transport))
            return transport
        }
    }

    @Test func closeReleasesTheTransportAndTheNextCallOpensANewOne() throws {
        let factory = Factory()
        let client = try InfluxClient(configuration: ClientConfiguration(), makeTransport: factory.make)
        try client.ping()
        #expect(factory.made.count == 1)
        #expect(factory.made[0].transport != nil)

        client.close()
        client.close()
        #expect(factory.made[0].transport == nil)
        #expect(factory.made.count == 1)

        try client.ping()
        #expect(factory.made.count == 2)
        #expect(factory.made[1].transport?.requests.map(\.path) == ["/ping"])
    }

    @Test func releasingTheClientReleasesItsTransport() throws {
        let factory = Factory()
        do {
            let client = try InfluxClient(configuration: ClientConfiguration(), makeTransport: factory.make)
            try client.ping()
        }
        #expect(factory.made.count == 1)
        #expect(factory.made[0].transport == nil)
    }
}
