#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends datagrams to influxd's UDP listener (`[[udp]]` in `influxdb.conf`) over a plain BSD
/// socket.
///
/// The host is resolved on creation, preferring an IPv4 address when it has several; each
/// ``send(_:)`` is one `sendto`. UDP gives no answer:
/// a datagram the listener cannot parse, or one lost on the way, goes unnoticed.
final class UDPTransport {
    /// `udp://host:port`, for error messages.
    let url: String
    private let socket: Int32
    private var address: sockaddr_storage
    private let addressLength: socklen_t

    /// Resolves `host` and opens a socket for `port`.
    init(host: String, port: Int) throws {
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        url = "udp://\(bracketed):\(port)"
        guard (1...65_535).contains(port) else {
            throw InfluxError.invalidArgument("udp port \(port) is not between 1 and 65535")
        }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let status = getaddrinfo(bare, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw InfluxError.connectionFailed(url: url, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        // IPv4 first, as influxdb-python (AF_INET only) and influxd's default listener expect.
        var chosen = first.pointee
        var next = first.pointee.ai_next
        while chosen.ai_family != AF_INET, let candidate = next {
            if candidate.pointee.ai_family == AF_INET { chosen = candidate.pointee }
            next = candidate.pointee.ai_next
        }
        let entry = chosen
        socket = openSocket(entry.ai_family, entry.ai_socktype, entry.ai_protocol)
        guard socket >= 0 else {
            throw InfluxError.connectionFailed(url: url, reason: String(cString: strerror(errno)))
        }
        address = sockaddr_storage()
        addressLength = entry.ai_addrlen
        withUnsafeMutableBytes(of: &address) { storage in
            storage.copyMemory(from: UnsafeRawBufferPointer(start: entry.ai_addr, count: Int(entry.ai_addrlen)))
        }
    }

    deinit {
        close(socket)
    }

    /// Sends one datagram.
    func send(_ datagram: [UInt8]) throws {
        let sent = datagram.withUnsafeBytes { bytes in
            withUnsafePointer(to: &address) { storage in
                storage.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(socket, bytes.baseAddress, bytes.count, 0, $0, addressLength)
                }
            }
        }
        guard sent < 0 else { return }
        let code = errno
        if code == EMSGSIZE {
            throw InfluxError.invalidArgument(
                "a datagram of \(datagram.count) bytes is too large to send to \(url); lower maxDatagramSize")
        }
        throw InfluxError.connectionFailed(url: url, reason: String(cString: strerror(code)))
    }
}

/// The C library's `socket(2)`, named apart from the transport's `socket` property.
private func openSocket(_ family: Int32, _ type: Int32, _ proto: Int32) -> Int32 {
    socket(family, type, proto)
}
