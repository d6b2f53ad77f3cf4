import InfluxKit
import Synchronization

/// The last input line the server has settled during `influxkit write`, so that the summary can
/// say where the lines not sent begin. Passes each position on to `next` (the checkpoint).
final class SettledPosition: Sendable {
    private let last = Mutex<LineProtocolWriter.Position?>(nil)
    private let next: (@Sendable (LineProtocolWriter.Position) -> Void)?

    init(then next: (@Sendable (LineProtocolWriter.Position) -> Void)?) {
        self.next = next
    }

    /// The last position settled, if any.
    var position: LineProtocolWriter.Position? { last.withLock { $0 } }

    /// Records a settled position (the writer's `onSettled`).
    @Sendable func settle(_ position: LineProtocolWriter.Position) {
        last.withLock { $0 = position }
        next?(position)
    }
}
