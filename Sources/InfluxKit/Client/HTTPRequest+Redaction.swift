extension HTTPRequest {
    /// The query parameters whose values are never logged.
    static let secretParameters: Set<String> = ["u", "p", "token", "password"]

    /// The URL of this request under `baseURL`, with the values of secret parameters replaced
    /// by `REDACTED`: what logs show.
    func redactedURL(baseURL: String) -> String {
        guard !query.isEmpty else { return baseURL + path }
        let parameters = query.map { parameter in
            let value = Self.secretParameters.contains(parameter.name) ? "REDACTED" : percentEncoded(parameter.value)
            return "\(parameter.name)=\(value)"
        }
        return baseURL + path + "?" + parameters.joined(separator: "&")
    }
}
