import Foundation
import Testing

extension Trait where Self == ConditionTrait {
    /// Marks a suite or test that needs a real `influxd`.
    ///
    /// Such tests run by default and fail, saying how to install InfluxDB, when `influxd` is
    /// missing. They are skipped only when `INFLUXKIT_SKIP_INTEGRATION=1` is set explicitly.
    static var integration: Self {
        .disabled(
            if: ProcessInfo.processInfo.environment["INFLUXKIT_SKIP_INTEGRATION"] == "1",
            "INFLUXKIT_SKIP_INTEGRATION=1 is set"
        )
    }
}
