import Foundation
import InfluxKit
import Testing

struct RetryPolicyTests {
    @Test(arguments: [429, 500, 502, 503, 504])
    func transientStatuses(status: Int) {
        #expect(RetryPolicy.isTransient(status: status))
    }

    @Test(arguments: [200, 204, 400, 401, 403, 404, 413])
    func finalStatuses(status: Int) {
        #expect(!RetryPolicy.isTransient(status: status))
    }

    @Test func connectErrorsAndTimeoutsAreTransientOthersAreNot() {
        #expect(RetryPolicy.isTransient(InfluxError.connectionFailed(url: "u", reason: "refused")))
        #expect(RetryPolicy.isTransient(InfluxError.timeout(url: "u", seconds: 1)))
        #expect(!RetryPolicy.isTransient(InfluxError.tls(url: "u", reason: "bad certificate")))
        #expect(!RetryPolicy.isTransient(InfluxError.authentication(message: "x")))
        #expect(!RetryPolicy.isTransient(InfluxError.cancelled))
    }

    @Test func theBackoffDoublesUpToTheLongestWaitWithJitterBetweenHalfAndAll() {
        let policy = RetryPolicy(retries: 10, baseDelay: 0.5, maxDelay: 3)
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, elapsed: 0, jitter: 1) == 0.5)
        #expect(policy.delay(beforeRetry: 2, retryAfter: nil, elapsed: 0, jitter: 1) == 1)
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil, elapsed: 0, jitter: 1) == 2)
        #expect(policy.delay(beforeRetry: 4, retryAfter: nil, elapsed: 0, jitter: 1) == 3)
        #expect(policy.delay(beforeRetry: 10, retryAfter: nil, elapsed: 0, jitter: 0) == 1.5)
        #expect(policy.delay(beforeRetry: 2, retryAfter: nil, elapsed: 0, jitter: 0) == 0.5)
    }

    @Test func noMoreThanTheConfiguredRetries() {
        let policy = RetryPolicy(retries: 2)
        #expect(policy.delay(beforeRetry: 2, retryAfter: nil, elapsed: 0, jitter: 0.5) != nil)
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil, elapsed: 0, jitter: 0.5) == nil)
        #expect(RetryPolicy(retries: 0).delay(beforeRetry: 1, retryAfter: nil, elapsed: 0, jitter: 0.5) == nil)
    }

    @Test func retryAfterIsNeverCutShortAndEndsRetriesWhenTooLong() {
        let policy = RetryPolicy(retries: 3, baseDelay: 0.1, maxDelay: 10)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 4, elapsed: 0, jitter: 1) == 4)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 11, elapsed: 0, jitter: 1) == nil)
    }

    @Test func theTimeoutBoundsAllTriesTogether() {
        let policy = RetryPolicy(retries: 3, baseDelay: 1, maxDelay: 10, timeout: 5)
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, elapsed: 3, jitter: 1) == 1)
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, elapsed: 4.5, jitter: 1) == nil)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 3, elapsed: 2.5, jitter: 1) == nil)
    }

    @Test func retryAfterValues() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryPolicy.retryAfter("7", now: now) == 7)
        #expect(RetryPolicy.retryAfter(" 0 ", now: now) == 0)
        #expect(RetryPolicy.retryAfter(nil, now: now) == nil)
        #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
        // 1_700_000_000 is Tue, 14 Nov 2023 22:13:20 GMT.
        #expect(RetryPolicy.retryAfter("Tue, 14 Nov 2023 22:13:50 GMT", now: now) == 30)
        #expect(RetryPolicy.retryAfter("Tue, 14 Nov 2023 22:00:00 GMT", now: now) == 0)
    }

    @Test func httpDatesAreReadInTheirPreferredFormOnly() {
        // 784111777 is Sun, 06 Nov 1994 08:49:37 GMT, the example of RFC 9110.
        let before = Date(timeIntervalSince1970: 784_111_777 - 5)
        #expect(RetryPolicy.retryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now: before) == 5)
        // 1709164800 is 2024-02-29T00:00:00Z.
        #expect(RetryPolicy.retryAfter("Thu, 29 Feb 2024 00:00:09 GMT", now: Date(timeIntervalSince1970: 1_709_164_800)) == 9)
        for text in [
            "Fri, 29 Feb 2023 00:00:00 GMT", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 -1:00:00 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
        ] {
            #expect(RetryPolicy.retryAfter(text, now: before) == nil, "\(text)")
        }
    }
}
