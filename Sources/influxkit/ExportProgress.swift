import Dispatch
import Glibc
import InfluxKit
import InfluxShell

/// The progress of `influxkit export` on standard error: slices done of all, points, bytes,
/// points per second and the time reached, at most twice a second; one line rewritten in place
/// on a terminal, erased at the end.
struct ExportProgress {
    private let enabled: Bool
    private let terminal: Bool
    private let total: Int
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastShown: UInt64 = 0
    private var shownOnce = false
    private var slices = 0
    private var points = 0
    private var bytes = 0
    private var reached: Int64?

    init(mode: WriteProgress.Mode, total: Int) {
        terminal = isatty(STDERR_FILENO) == 1
        enabled = mode == .always || (mode == .auto && terminal)
        self.total = total
    }

    mutating func add(bytes count: Int) {
        bytes += count
        show()
    }

    mutating func finished(_ slice: ExportSlice, points count: Int) {
        slices += 1
        points += count
        reached = slice.end
        show()
    }

    private mutating func show() {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastShown >= 500_000_000 else { return }
        lastShown = now
        shownOnce = true
        let seconds = max(Double(now - start) / 1e9, 0.001)
        var text = "\(slices)/\(total) slices, \(points) points, \(DecimalText.tenths(Double(bytes) / 1_048_576)) MiB, "
            + "\(Int(Double(points) / seconds)) points/s"
        if let reached, reached < Int64.max { text += ", up to \(RFC3339.string(fromNanoseconds: reached))" }
        if terminal {
            LiveLine.show(text)
        } else {
            LiveLine.writing { OutputBuffer.write(text + "\n", to: STDERR_FILENO) }
        }
    }

    /// Erases the live line.
    func finish() {
        guard enabled, terminal, shownOnce else { return }
        LiveLine.clear()
    }
}
