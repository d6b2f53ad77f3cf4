import Testing
import InfluxKit
@Test func placeholderIntegration() { #expect(Precision(argument: "h") == .hours) }
