import Logging

extension ClientConfiguration: CustomStringConvertible, CustomDebugStringConvertible {
    /// Every setting, for logs and debugging, with the secrets masked: the password, the token,
    /// the values of `Authorization`-like headers and a proxy URL's credentials are `***`.
    public var description: String {
        let settings = Mirror(reflecting: self).children.compactMap { child -> String? in
            guard let label = child.label else { return nil }
            return "\(label): \(Self.masked(label, child.value))"
        }
        return "ClientConfiguration(\(settings.joined(separator: ", ")))"
    }

    /// The same as ``description``: secrets stay masked in `debugPrint` and the debugger too.
    public var debugDescription: String { description }

    private static func masked(_ label: String, _ value: Any) -> String {
        switch label {
        case "password", "token":
            return (value as? String?) == .some(nil) ? "nil" : "***"
        case "headers":
            let headers = value as? [String: String] ?? [:]
            let shown = headers.sorted { $0.key < $1.key }.map { name, value in
                let secret = name.lowercased().contains("auth") || name.lowercased().contains("token")
                    || name.lowercased().contains("cookie") || name.lowercased().contains("key")
                return "\"\(name)\": \(secret ? "***" : "\"\(value)\"")"
            }
            return "[\(shown.joined(separator: ", "))]"
        case "proxy":
            guard let proxy = value as? String? , let proxy else { return "nil" }
            return "\"\(maskingUserInfo(proxy))\""
        case "logger":
            // Only the label and level: a handler's own state (its metadata) is not shown.
            guard let logger = value as? Logger else { return "\(type(of: value))" }
            return "Logger(label: \"\(logger.label)\", logLevel: \(logger.logLevel))"
        default:
            if let optional = value as? String? { return optional.map { "\"\($0)\"" } ?? "nil" }
            return "\(value)"
        }
    }

    /// `scheme://user:password@host` as `scheme://***@host`.
    private static func maskingUserInfo(_ url: String) -> String {
        let start = url.firstRange(of: "://")?.upperBound ?? url.startIndex
        guard let at = url[start...].lastIndex(of: "@") else { return url }
        return String(url[..<start]) + "***" + String(url[at...])
    }
}
