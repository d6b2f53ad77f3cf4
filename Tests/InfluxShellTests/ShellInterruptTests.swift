import InfluxKit
@testable import InfluxShell
import Testing

/// The client Ctrl-C cancels is held by the handler's side, not borrowed from the shell.
@Suite(.serialized) struct ShellInterruptTests {
    /// `connect` used to drop its old client while the handler still pointed at it, unretained.
    @Test func theTargetStaysAliveUntilAnotherTakesItsPlace() throws {
        weak var first: InfluxClient?
        do {
            let client = try InfluxClient(configuration: ClientConfiguration())
            first = client
            ShellInterrupt.target(client)
        }
        #expect(first != nil, "the shell let go of its client: the handler must still hold it")
        let before = ShellInterrupt.current
        ShellInterrupt.interrupt()
        #expect(ShellInterrupt.current == before + 1)

        let second = try InfluxClient(configuration: ClientConfiguration())
        ShellInterrupt.target(second)
        #expect(first == nil, "the replaced client is released")
        ShellInterrupt.target(second)
        ShellInterrupt.interrupt()
    }
}
