import ArgumentParser
import Dispatch
import FoundationEssentials
import Glibc
import InfluxKit
import InfluxShell

/// The progress of `influxkit write` on standard error: points read and written, points per
/// second and bytes read, at most twice a second. On a terminal it is one line rewritten in
/// place and erased at the end; elsewhere (`--progress always`) one line each time.
struct WriteProgress {
    /// When to show progress.
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    private let enabled: Bool
    private let terminal: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastShown: UInt64 = 0
    private var shownOnce = false

    init(mode: Mode) {
        terminal = isatty(STDERR_FILENO) == 1
        enabled = mode == .always || (mode == .auto && terminal)
    }

    /// Shows the counts if the last line is old enough.
    mutating func update(_ summary: LineProtocolWriter.Summary, bytes: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastShown >= 500_000_000 else { return }
        lastShown = now
        shownOnce = true
        let seconds = max(Double(now - start) / 1e9, 0.001)
        let rate = Int(Double(summary.written) / seconds)
        let text = "\(summary.records) read, \(summary.written) written, \(rate) points/s, "
            + "\(DecimalText.tenths(Double(bytes) / 1_048_576)) MiB"
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
