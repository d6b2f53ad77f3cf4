import CCurl
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTP(S) over one libcurl easy handle, reused across requests so connections stay alive.
///
/// Each transfer runs through a multi handle of its own (the loop `curl_easy_perform` runs
/// inside), so that cancelling the calling task can wake the wait for the network at once
/// (``CurlMulti/wake()``) rather than at libcurl's next progress callback, about a second
/// later while the server is silent.
///
/// The only file of InfluxKit that talks to C. Not thread-safe: the client serialises calls.
final class CurlTransport: HTTPTransport {
    private let handle: UnsafeMutableRawPointer
    private let multi: CurlMulti
    private let configuration: ClientConfiguration
    private let baseURL: String
    /// Where libcurl writes the text of a failure: allocated once, with the handle, because
    /// libcurl keeps the pointer (a Swift array's storage is valid only during a call).
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init(configuration: ClientConfiguration) throws {
        _ = Self.globalInit
        guard let handle = curl_easy_init() else {
            throw InfluxError.libcurl(reason: "could not create a handle")
        }
        self.handle = handle
        guard let multi = CurlMulti() else {
            curl_easy_cleanup(handle)
            throw InfluxError.libcurl(reason: "could not create a multi handle")
        }
        self.multi = multi
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        self.configuration = configuration
        self.baseURL = configuration.baseURL
        try applyConfiguration()
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// The longest wait for the network, in milliseconds, before the loop calls libcurl again
    /// (libcurl's own timers end it sooner): a second, as in `curl_easy_perform`, so that the
    /// progress callback still runs about once a second while the server is silent and sees a
    /// ``InfluxClient/cancelCurrentRequest()``, which wakes nothing (it may run in a signal
    /// handler). Tests raise it to show that a task's cancellation needs no such call.
    var longestWait: Int32 = 1000

    private static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    // MARK: Options set once

    private func applyConfiguration() throws {
        let c = configuration
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try set(CURLOPT_TCP_NODELAY, 1)
        try set(CURLOPT_SSL_VERIFYPEER, c.verifiesCertificates ? 1 : 0)
        try set(CURLOPT_SSL_VERIFYHOST, c.verifiesCertificates ? 2 : 0)
        if let path = c.caFile { try set(CURLOPT_CAINFO, path) }
        if let path = c.clientCertificate { try set(CURLOPT_SSLCERT, path) }
        if let path = c.clientKey { try set(CURLOPT_SSLKEY, path) }
        if let proxy = c.proxy {
            // An explicit proxy is used for every host, whatever NO_PROXY says.
            try set(CURLOPT_PROXY, proxy)
            try set(CURLOPT_NOPROXY, "")
        }
        try set(CURLOPT_CONNECTTIMEOUT_MS, max(Seconds.milliseconds(c.connectTimeout), 1))
        if let idle = c.idleTimeout, idle > 0 {
            // Below one byte a second for `idle` seconds: a silent or trickling peer, cut even
            // when the total time limit is further away.
            try set(CURLOPT_LOW_SPEED_LIMIT, 1)
            try set(CURLOPT_LOW_SPEED_TIME, Int(min(idle, 86_400 * 365).rounded(.up)))
        }
        if c.usesGzip { try set(CURLOPT_ACCEPT_ENCODING, "gzip") }
        try set(CURLOPT_USERAGENT, c.userAgent)
        if case let .basic(user, password) = c.authorization {
            try set(CURLOPT_HTTPAUTH, ik_curlauth_basic)
            try set(CURLOPT_USERNAME, user)
            try set(CURLOPT_PASSWORD, password)
        }
        try check(ik_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(ik_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteCallback))
        try check(ik_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, curlHeaderCallback))
        try check(ik_curl_setopt_progress(handle, CURLOPT_XFERINFOFUNCTION, curlProgressCallback))
        try set(CURLOPT_NOPROGRESS, 0)
    }

    private func set(_ option: CURLoption, _ value: Int) throws {
        try check(ik_curl_setopt_long(handle, option, value))
    }

    private func set(_ option: CURLoption, _ value: String) throws {
        try check(ik_curl_setopt_string(handle, option, value))
    }

    private func check(_ code: CURLcode) throws {
        guard code == CURLE_OK else {
            throw InfluxError.libcurl(reason: "option rejected: \(String(cString: curl_easy_strerror(code)))")
        }
    }

    // MARK: Requests

    func perform(
        _ request: HTTPRequest,
        onBody: (HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        var headers: [(name: String, value: String)] = [("Expect", "")]
        if case let .header(value) = configuration.authorization { headers.append(("Authorization", value)) }
        headers += configuration.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        headers += request.headers
        var body = request.body ?? []
        if configuration.usesGzip && request.compressible && !body.isEmpty {
            body = try Self.gzip(body)
            headers.append(("Content-Encoding", "gzip"))
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers {
            let line = header.value.isEmpty ? "\(header.name):" : "\(header.name): \(header.value)"
            list = curl_slist_append(list, line)
        }
        defer { curl_slist_free_all(list) }
        // libcurl keeps these pointers after the transfer: point them at nothing before the
        // header list, the transfer state and the body they name are freed (this runs first).
        defer { forgetRequest() }

        try set(CURLOPT_URL, url(for: request))
        let timeout = request.timeLimit?.left ?? configuration.timeout
        try set(CURLOPT_TIMEOUT_MS, timeout.map { max(Seconds.milliseconds($0), 1) } ?? 0)
        try check(ik_curl_setopt_list(handle, CURLOPT_HTTPHEADER, list))

        let state = TransferState()
        return try withoutActuallyEscaping(onBody) { onBody in
            state.onBody = onBody
            let context = Unmanaged.passUnretained(state).toOpaque()
            try check(ik_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
            try check(ik_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
            try check(ik_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context))
            state.cancellation = request.cancellation
            defer { state.onBody = nil }
            let code: CURLcode = try body.withUnsafeBytes { bytes in
                switch request.method {
                case .get:
                    _ = ik_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
                case .post:
                    _ = ik_curl_setopt_long(handle, CURLOPT_POST, 1)
                    _ = ik_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count))
                    _ = ik_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1))
                }
                errorBuffer[0] = 0
                return try withExtendedLifetime(state) { try transfer(cancellation: request.cancellation) }
            }
            if let error = state.error { throw error }
            guard code == CURLE_OK else { throw transferError(code, limit: request.timeLimit) }
            return state.finishHead()
        }
    }

    /// Runs the transfer set up on the easy handle to its end, as `curl_easy_perform` does, and
    /// returns its result; throws `.cancelled` as soon as `cancellation` is, also while waiting
    /// for the network: the task's cancellation wakes the wait. Removing the unfinished transfer
    /// closes its connection.
    private func transfer(cancellation: RequestCancellation.Token?) throws -> CURLcode {
        try checkMulti(curl_multi_add_handle(multi.handle, handle))
        defer { curl_multi_remove_handle(multi.handle, handle) }
        guard let cancellation else { return try runTransfer(cancellation: nil) }
        let multi = self.multi
        return try cancellation.whileRunning(wake: { multi.wake() }) {
            try runTransfer(cancellation: cancellation)
        }
    }

    /// The loop of ``transfer(cancellation:)``.
    private func runTransfer(cancellation: RequestCancellation.Token?) throws -> CURLcode {
        var running: Int32 = 1
        while true {
            try checkMulti(curl_multi_perform(multi.handle, &running))
            if running == 0 { break }
            // Once the flag is raised, either this sees it or the wake-up ends the wait below.
            if cancellation?.isCancelled == true { throw InfluxError.cancelled }
            try checkMulti(curl_multi_poll(multi.handle, nil, 0, longestWait, nil))
        }
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi.handle, &left) {
            if message.pointee.msg == CURLMSG_DONE { return message.pointee.data.result }
        }
        throw InfluxError.libcurl(reason: "the transfer ended without a result")
    }

    private func checkMulti(_ code: CURLMcode) throws {
        guard code == CURLM_OK else {
            throw InfluxError.libcurl(reason: String(cString: curl_multi_strerror(code)))
        }
    }

    /// Clears the options that point into one request's memory: its header list, body and
    /// transfer state.
    private func forgetRequest() {
        _ = ik_curl_setopt_list(handle, CURLOPT_HTTPHEADER, nil)
        _ = ik_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, nil)
        _ = ik_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, nil)
        _ = ik_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, nil)
        _ = ik_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, nil)
    }

    private func url(for request: HTTPRequest) -> String {
        var url = baseURL + request.path
        for (index, item) in request.query.enumerated() {
            url += index == 0 ? "?" : "&"
            url += item.name + "=" + percentEncoded(item.value)
        }
        return url
    }

    private func transferError(_ code: CURLcode, limit: HTTPRequest.TimeLimit?) -> InfluxError {
        let detail = String(cString: errorBuffer)
        var reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        var systemError = 0
        if code == CURLE_COULDNT_CONNECT, ik_curl_getinfo_long(handle, CURLINFO_OS_ERRNO, &systemError) == CURLE_OK, systemError != 0 {
            reason = String(cString: strerror(Int32(systemError))).lowercased()  // "connection refused"
        }
        // With TLS 1.3 a server refusing the client's certificate says so in an alert that
        // arrives only once the request is sent or the answer read.
        let tlsAlert = configuration.usesSSL && reason.contains("alert")
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout(url: baseURL, seconds: expiredTimeout(limit))
        case CURLE_RECV_ERROR where tlsAlert, CURLE_SEND_ERROR where tlsAlert:
            return .tls(url: baseURL, reason: reason)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED:
            return .tls(url: baseURL, reason: reason)
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        default:
            return .connectionFailed(url: baseURL, reason: reason)
        }
    }

    /// The seconds of the timeout that ended the transfer: the connect timeout unless the
    /// connection (TLS included) was established, or a shorter total timeout; once connected,
    /// the total timeout when its time is up, else the idle timeout (the low-speed limit).
    private func expiredTimeout(_ limit: HTTPRequest.TimeLimit?) -> Double {
        let connect = configuration.connectTimeout
        var readyToSend = 0.0
        var elapsed = 0.0
        _ = ik_curl_getinfo_double(handle, CURLINFO_PRETRANSFER_TIME, &readyToSend)
        _ = ik_curl_getinfo_double(handle, CURLINFO_TOTAL_TIME, &elapsed)
        let left = limit?.left ?? configuration.timeout
        let total = limit?.total ?? configuration.timeout
        if readyToSend == 0 { return min(connect, total ?? connect) }
        guard let left, let total else { return configuration.idleTimeout ?? connect }
        // The low-speed limit fired well before the total time limit was up.
        if let idle = configuration.idleTimeout, idle < left, elapsed < left * 0.9 { return idle }
        return total
    }

    /// The version of the libcurl loaded, such as `7.88.1`.
    static var libraryVersion: String {
        String(cString: ik_curl_version())
    }

    // MARK: Gzip

    /// Compresses `input` as a gzip member (what `Content-Encoding: gzip` means).
    static func gzip(_ input: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        var stream = z_stream()
        guard ik_deflate_init_gzip(&stream, level) == Z_OK else {
            throw InfluxError.zlib(reason: "could not start a gzip stream")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))))
        let status: Int32 = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            throw InfluxError.zlib(reason: "could not compress the request body")
        }
        output.removeLast(Int(stream.avail_out))
        return output
    }
}

/// Streaming gunzip: decompresses gzip input (RFC 1952, several members one after the other
/// as `cat a.gz b.gz` makes) piece by piece, in constant memory.
///
/// Feed the compressed bytes with ``decompress(_:into:)`` as they arrive, then call
/// ``finish()``, which throws when the input ended inside a member.
package final class Gunzip {
    private var stream = z_stream()
    private var insideMember = false
    private var output = [UInt8](repeating: 0, count: 256 << 10)

    /// Creates a decompressor.
    package init() throws {
        guard ik_inflate_init_gzip(&stream) == Z_OK else {
            throw InfluxError.zlib(reason: "could not start a gunzip stream")
        }
    }

    deinit {
        inflateEnd(&stream)
    }

    /// Whether `bytes` start with the gzip magic number (`1f 8b`).
    package static func hasMagic(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Decompresses the next piece of input, handing the decompressed bytes to `body` in
    /// pieces; throws `.invalidArgument` when the input is not valid gzip.
    package func decompress(_ input: UnsafeRawBufferPointer, into body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        defer { stream.next_in = nil }
        while stream.avail_in > 0 {
            insideMember = true
            let (status, produced) = output.withUnsafeMutableBytes { buffer -> (Int32, Int) in
                stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(buffer.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(stream.avail_out))
            }
            if produced > 0 {
                try output.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<produced])) }
            }
            switch status {
            case Z_OK:
                continue
            case Z_BUF_ERROR where produced > 0:
                continue
            case Z_STREAM_END:
                insideMember = false
                inflateReset(&stream)
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw InfluxError.invalidArgument("not valid gzip: \(reason)")
            }
        }
    }

    /// Checks that the input did not end inside a member.
    package func finish() throws {
        guard !insideMember else { throw InfluxError.invalidArgument("gzip input is truncated") }
    }
}

/// Streaming gzip: compresses input piece by piece into gzip members (RFC 1952), in constant
/// memory. ``finishMember(into:)`` closes the current member; input after it starts a new one,
/// so a file can be cut back to the end of any member and still be valid gzip.
package final class Gzip {
    private var stream = z_stream()
    private var output = [UInt8](repeating: 0, count: 256 << 10)
    private var memberOpen = false

    /// Creates a compressor at zlib `level` (1, the fastest, to 9, the smallest).
    package init(level: Int32 = 1) throws {
        guard ik_deflate_init_gzip(&stream, level) == Z_OK else {
            throw InfluxError.zlib(reason: "could not start a gzip stream")
        }
    }

    deinit {
        deflateEnd(&stream)
    }

    /// Compresses `input`, handing compressed bytes to `body` in pieces as they are made.
    package func compress(_ input: UnsafeRawBufferPointer, into body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        memberOpen = true
        stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        defer { stream.next_in = nil }
        try run(Z_NO_FLUSH, into: body)
    }

    /// Ends the current member (if any input went into it), handing its last bytes to `body`.
    package func finishMember(into body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard memberOpen else { return }
        try run(Z_FINISH, into: body)
        deflateReset(&stream)
        memberOpen = false
    }

    /// Drops the member being written: input after this starts a new one.
    package func discardMember() {
        deflateReset(&stream)
        memberOpen = false
    }

    private func run(_ flush: Int32, into body: (UnsafeRawBufferPointer) throws -> Void) throws {
        while true {
            let (status, produced) = output.withUnsafeMutableBytes { buffer -> (Int32, Int) in
                stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(buffer.count)
                let status = deflate(&stream, flush)
                return (status, buffer.count - Int(stream.avail_out))
            }
            if produced > 0 {
                try output.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<produced])) }
            }
            switch status {
            case Z_STREAM_END: return
            case Z_OK, Z_BUF_ERROR:
                if flush == Z_NO_FLUSH && stream.avail_in == 0 && produced < output.count { return }
            default:
                throw InfluxError.zlib(reason: "could not compress: error \(status)")
            }
        }
    }
}

/// A libcurl multi handle: runs one transfer at a time, and can be woken from another thread.
private final class CurlMulti: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    init?() {
        guard let handle = curl_multi_init() else { return nil }
        self.handle = handle
    }

    deinit {
        curl_multi_cleanup(handle)
    }

    /// Ends the current or next `curl_multi_poll` at once; callable from any thread.
    func wake() {
        _ = curl_multi_wakeup(handle)
    }
}

/// What the libcurl callbacks of one transfer share with `perform`.
private final class TransferState {
    var onBody: ((HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void)?
    var status = 0
    var headers: [String: String] = [:]
    var head: HTTPResponseHead?
    var error: Error?
    var cancellation: RequestCancellation.Token?

    var isCancelled: Bool { cancellation?.isCancelled ?? false }

    func header(_ line: UnsafeRawBufferPointer) {
        var text = String(decoding: line, as: UTF8.self)
        while text.last?.isNewline == true { text.removeLast() }
        if text.hasPrefix("HTTP/") {
            let parts = text.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = [:]
            head = nil
        } else if let colon = text.firstIndex(of: ":") {
            let name = text[..<colon].lowercased()
            let value = text[text.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers[name] = String(value)
        }
    }

    func body(_ bytes: UnsafeRawBufferPointer) throws {
        try onBody?(finishHead(), bytes)
    }

    func finishHead() -> HTTPResponseHead {
        if let head { return head }
        let made = HTTPResponseHead(status: status, headers: headers)
        head = made
        return made
    }
}

private let curlWriteCallback: ik_curl_data_callback = { data, size, count, context in
    // No request in progress (its state is forgotten after each one): refuse the bytes.
    guard let context else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    do {
        if state.isCancelled { throw InfluxError.cancelled }
        try state.body(UnsafeRawBufferPointer(start: data, count: length))
        return length
    } catch {
        state.error = error
        return 0
    }
}

/// Aborts the transfer (`CURLE_ABORTED_BY_CALLBACK`) once the request is cancelled.
private let curlProgressCallback: ik_curl_progress_callback = { context, _, _, _, _ in
    guard let context else { return 1 }
    let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
    return state.isCancelled ? 1 : 0
}

private let curlHeaderCallback: ik_curl_data_callback = { data, size, count, context in
    guard let context else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    state.header(UnsafeRawBufferPointer(start: data, count: length))
    return length
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
func percentEncoded(_ value: String) -> String {
    var out = [UInt8]()
    out.reserveCapacity(value.utf8.count)
    let hex = Array("0123456789ABCDEF".utf8)
    for byte in value.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"):
            out.append(byte)
        default:
            out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        }
    }
    return String(decoding: out, as: UTF8.self)
}
