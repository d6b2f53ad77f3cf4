import Dispatch
import Logging

/// What one request did, gathered while it runs and logged at `.debug` when it ends, with the
/// metadata ``LogMetadataKey`` names.
struct RequestRecord {
    private let method: String
    private let url: String
    private let requestBytes: Int
    private let start = DispatchTime.now().uptimeNanoseconds
    private var status: Int?
    private var responseBytes = 0

    /// Starts the record of `request` to a server at `baseURL`; the URL is kept without secrets.
    init(_ request: HTTPRequest, baseURL: String) {
        method = request.method.rawValue
        url = request.redactedURL(baseURL: baseURL)
        requestBytes = request.body?.count ?? 0
    }

    /// Counts `bytes` more of the answer, whose status is `status`.
    mutating func received(_ bytes: Int, status: Int) {
        self.status = status
        responseBytes += bytes
    }

    /// Logs the request as finished, or failed with `error`:
    /// `POST http://localhost:8086/write?db=metrics -> 204`.
    func log(to logger: Logger, error: (any Error)?) {
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        var metadata: Logger.Metadata = [
            LogMetadataKey.method: .string(method),
            LogMetadataKey.url: .string(url),
            LogMetadataKey.requestBytes: .stringConvertible(requestBytes),
            LogMetadataKey.responseBytes: .stringConvertible(responseBytes),
            LogMetadataKey.milliseconds: .stringConvertible(milliseconds),
        ]
        if let status { metadata[LogMetadataKey.status] = .stringConvertible(status) }
        if let error { metadata[LogMetadataKey.error] = .string("\(error)") }
        logger.debug("\(method) \(url) -> \(status.map { "\($0)" } ?? "failed")", metadata: metadata)
    }
}
