@testable import InfluxKit
import Testing

/// What a client refuses to be configured with, before any request is sent.
@Suite struct ClientConfigurationValidationTests {
    private static func refusal(_ change: (inout ClientConfiguration) -> Void) -> String? {
        var configuration = ClientConfiguration(database: "db")
        change(&configuration)
        let transport = FakeTransport([])
        do {
            _ = try InfluxClient(configuration: configuration, makeTransport: { _ in transport })
        } catch let error as InfluxError where error.code == .invalidArgument {
            #expect(transport.requests.isEmpty)
            return error.message
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    @Test func durationsMustBeFiniteAndInRange() {
        #expect(Self.refusal { $0.timeout = .infinity }?.contains("timeout") == true)
        #expect(Self.refusal { $0.timeout = .nan } != nil)
        #expect(Self.refusal { $0.timeout = 0 } != nil)
        #expect(Self.refusal { $0.timeout = 1e300 } != nil)
        #expect(Self.refusal { $0.connectTimeout = .infinity }?.contains("connect timeout") == true)
        #expect(Self.refusal { $0.retryBaseDelay = -1 } != nil)
        #expect(Self.refusal { $0.retryMaxDelay = .infinity } != nil)
        #expect(Self.refusal { $0.timeout = 5; $0.connectTimeout = 0.5; $0.retryBaseDelay = 0 } == nil)
    }

    @Test func credentialsWithControlCharactersAreRefusedWithoutBeingRepeated() throws {
        let token = Self.refusal { $0.token = "Tok-9\r\nX-Injected: 1" }
        #expect(token?.contains("token") == true)
        let user = Self.refusal { $0.username = "bob\nX-Injected: 1" }
        #expect(user?.contains("user name") == true)
        let password = Self.refusal { $0.username = "bob"; $0.password = "Pw\0rest" }
        #expect(password?.contains("password") == true)
        #expect(Self.refusal { $0.headers = ["X-Ok": "a\r\nX-Injected: 1"] } != nil)
        #expect(Self.refusal { $0.headers = ["X-Injected: 1\r\nX": "a"] } != nil)
        for message in [token, user, password].compactMap({ $0 }) {
            #expect(!message.contains("Tok-9") && !message.contains("X-Injected") && !message.contains("Pw"))
        }
        #expect(Self.refusal { $0.username = "bøb"; $0.password = "p w\t!\n'"; $0.token = "t.ok=" } == nil)
    }

    @Test func switchingToABadUserIsRefused() throws {
        let transport = FakeTransport([])
        let client = try InfluxClient.fake(transport)
        #expect(throws: InfluxError.self) { try client.switchUser("bob\r\nX: 1", password: "x") }
        #expect(client.configuration.username == "alice")
    }

    @Test func conversionsOfSecondsNeverTrap() {
        #expect(Seconds.milliseconds(.infinity) == Int(Seconds.longest * 1000))
        #expect(Seconds.milliseconds(.nan) == 0)
        #expect(Seconds.milliseconds(-5) == 0)
        #expect(Seconds.milliseconds(1.5) == 1500)
        #expect(Seconds.nanoseconds(.greatestFiniteMagnitude) == UInt64(Seconds.longest * 1e9))
        #expect(Seconds.timespec(.infinity).tv_sec == Int(Seconds.longest))
        #expect(Seconds.timespec(2.25).tv_nsec == 250_000_000)
        Threads.sleep(seconds: .nan)
        Threads.sleep(seconds: -.infinity)
        #expect(InfluxError.timeout(url: "http://h", seconds: .infinity, attempts: 1).description.contains("inf"))
        #expect(InfluxError.timeout(url: "http://h", seconds: 1e300, attempts: 1).description.contains("1e+300"))
    }
}
