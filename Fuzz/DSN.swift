import InfluxKit

/// Fuzzes the DSN parser.
///
/// An error never repeats the password (nor any of the DSN: messages are fixed text); a parsed
/// configuration has a host and a port from 1 to 65535.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDSN(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let configuration = try ClientConfiguration(dsn: text)
        check(!configuration.host.isEmpty, "empty host")
        check((1...65535).contains(configuration.port), "port \(configuration.port)")
    } catch {
        let message = "\(error)"
        check(message.contains("the dsn "), "unexpected error: \(message)")
        if let secret = password(in: text), secret.count >= 4, message.contains(secret) {
            // Only a leak if the message says it for another password too.
            var masked = text
            masked.replaceSubrange(secret.startIndex..<secret.endIndex, with: "xxxx")
            var template = ""
            do { _ = try ClientConfiguration(dsn: masked) } catch { template = "\(error)" }
            check(template.contains(secret), "the error repeats the password: \(message)")
        }
    }
    return 0
}

/// The raw password part of a DSN: between the first `:` after `://` and the last `@` of the
/// authority, when there is one.
func password(in dsn: String) -> Substring? {
    guard let separator = dsn.firstRange(of: "://") else { return nil }
    let authority = dsn[separator.upperBound...].prefix { $0 != "/" }
    guard let at = authority.lastIndex(of: "@") else { return nil }
    let userInfo = authority[..<at]
    guard let colon = userInfo.firstIndex(of: ":") else { return nil }
    let secret = userInfo[userInfo.index(after: colon)...]
    return secret
}
