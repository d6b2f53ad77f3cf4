import Foundation
import Glibc

/// A deliberately tiny HTTP/1.0 client for 127.0.0.1, built on a plain socket.
///
/// The fixture uses it instead of InfluxKit's own client so that the harness does not depend on
/// the code it tests. HTTP/1.0 keeps the reply simple: no chunked encoding, and the server closes
/// the connection when the body is complete.
enum LoopbackHTTP {
    /// Sends one request to `127.0.0.1:port` and reads the whole response.
    ///
    /// - Parameters:
    ///   - method: `GET` or `POST`.
    ///   - target: the path with its query string, such as `/ping` or `/query?db=x`.
    ///   - headers: extra header fields.
    ///   - body: the request body; `Content-Length` is added when it is not empty.
    ///   - timeout: seconds allowed for connecting, sending and each read.
    static func send(
        _ method: String,
        port: Int,
        target: String,
        headers: [String: String] = [:],
        body: [UInt8] = [],
        timeout: Int = 30
    ) throws -> LoopbackHTTPResponse {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw InfluxServerError.system("socket", errno) }
        defer { close(socket) }

        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))

        var address = LoopbackPort.address(port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw InfluxServerError.connectionFailed(port: port, errno: errno) }

        var head = "\(method) \(target) HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        if !body.isEmpty {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        try writeAll(Array(head.utf8) + body, to: socket)
        return try LoopbackHTTPResponse(parsing: readAll(from: socket))
    }

    private static func writeAll(_ bytes: [UInt8], to socket: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw InfluxServerError.system("write", errno)
            }
            offset += written
        }
    }

    private static func readAll(from socket: Int32) throws -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            if count == 0 { return received }
            if count < 0 {
                if errno == EINTR { continue }
                throw InfluxServerError.system("read", errno)
            }
            received += buffer[..<count]
        }
    }
}

extension LoopbackHTTP {
    /// `application/x-www-form-urlencoded` text for `fields`, every byte but the unreserved
    /// ones percent-encoded.
    static func formEncoded(_ fields: [(String, String)]) -> String {
        fields.map { "\(percentEncoded($0.0))=\(percentEncoded($0.1))" }.joined(separator: "&")
    }

    private static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.append(Character(Unicode.Scalar(byte)))
            default:
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return encoded
    }
}
