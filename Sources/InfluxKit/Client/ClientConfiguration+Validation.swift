extension ClientConfiguration {
    /// Checks what the configuration holds before a client uses it: throws `.invalidArgument`
    /// for a duration that is not a finite number of seconds in range (`--timeout inf` once
    /// trapped when turned into milliseconds), and for credentials or headers with control
    /// characters (a line break in a token would end the `Authorization` header and start one
    /// of the caller's choosing), and for a password holding a NUL (it would be cut short
    /// there). The message names the setting, never its value.
    public func validate() throws {
        if !Seconds.isValid(connectTimeout) {
            throw InfluxError.invalidArgument("connect timeout must be a positive number of seconds up to 100 years")
        }
        if let timeout, !Seconds.isValid(timeout) {
            throw InfluxError.invalidArgument("timeout must be a positive number of seconds up to 100 years")
        }
        if !Seconds.isValid(retryBaseDelay, zeroAllowed: true) || !Seconds.isValid(retryMaxDelay, zeroAllowed: true) {
            throw InfluxError.invalidArgument("retry delays must be finite numbers of seconds, zero or more")
        }
        if retries < 0 { throw InfluxError.invalidArgument("retries must not be negative") }
        if poolSize < 1 { throw InfluxError.invalidArgument("pool size must be at least 1") }
        if let token, Self.hasControlCharacter(token) {
            throw InfluxError.invalidArgument("the token holds a control character (a line break?)")
        }
        if let username, Self.hasControlCharacter(username) {
            throw InfluxError.invalidArgument("the user name holds a control character (a line break?)")
        }
        // A password travels base64-encoded (Basic) or percent-encoded, so any character is
        // safe but NUL, which ends it for libcurl.
        if let password, password.utf8.contains(0) {
            throw InfluxError.invalidArgument("the password holds a NUL character")
        }
        for (name, value) in headers where Self.hasControlCharacter(name) || Self.hasControlCharacter(value)
            || name.isEmpty || name.contains(":") || name.contains(" ") {
            throw InfluxError.invalidArgument("header \(Self.hasControlCharacter(name) ? "name" : name) is not a valid header line")
        }
        if let proxy, Self.hasControlCharacter(proxy) {
            throw InfluxError.invalidArgument("the proxy url holds a control character")
        }
        if Self.hasControlCharacter(userAgent) {
            throw InfluxError.invalidArgument("the user agent holds a control character")
        }
    }

    /// Whether `text` holds a C0 control character or DEL (a tab included: no credential has one).
    static func hasControlCharacter(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F }
    }
}
