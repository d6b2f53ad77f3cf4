import InfluxKit
import Testing

/// A configuration printed into a log never shows a secret.
@Suite struct ClientConfigurationDescriptionTests {
    @Test func secretsAreMaskedAndTheRestShown() {
        var configuration = ClientConfiguration(host: "db.example", username: "alice", password: "pw-Secret-1", database: "metrics")
        configuration.token = "tok-Secret-2"
        configuration.headers = ["Authorization": "Bearer hdr-Secret-3", "X-Api-Key": "key-Secret-4", "X-Tenant": "t7"]
        configuration.proxy = "http://proxyuser:px-Secret-5@proxy:3128"
        for text in [configuration.description, configuration.debugDescription, "\(configuration)", String(reflecting: configuration)] {
            for secret in ["pw-Secret-1", "tok-Secret-2", "hdr-Secret-3", "key-Secret-4", "px-Secret-5", "proxyuser"] {
                #expect(!text.contains(secret), "\(secret) in \(text)")
            }
            for shown in ["db.example", "alice", "metrics", "t7", "proxy:3128", "password: ***", "token: ***"] {
                #expect(text.contains(shown), "\(shown) not in \(text)")
            }
        }
    }

    @Test func absentSecretsAreShownAsAbsent() {
        let text = ClientConfiguration().description
        #expect(text.contains("password: nil"))
        #expect(text.contains("token: nil"))
    }
}
