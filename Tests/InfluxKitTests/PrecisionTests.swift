import Testing
@testable import InfluxKit
@Test func placeholder() { #expect(Precision(argument: "ms") == .milliseconds) }
