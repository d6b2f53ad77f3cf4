import Foundation
import Testing

@testable import influxkit

/// ``ProcessEnvironment`` against Foundation's `ProcessInfo`, which it stands in for. (Values
/// with `=` and non-ASCII text are checked through the binary: CommandLineProfileTests.)
@Suite struct ProcessEnvironmentTests {
    @Test func itReadsWhatProcessInfoReads() {
        let read = ProcessEnvironment.read()
        #expect(!read.isEmpty)
        #expect(read == ProcessInfo.processInfo.environment)
    }
}
