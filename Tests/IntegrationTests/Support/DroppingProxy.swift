import Foundation
import Glibc
import Synchronization

/// A TCP proxy on 127.0.0.1 that relays connections to a local port and cuts them at random:
/// while a request is still being sent (the server gets a truncated request and stores nothing),
/// or when the server's answer comes back (the server has done the work, the client never hears
/// of it).
final class DroppingProxy: Sendable {
    /// The port clients connect to.
    let port: Int
    /// How many connections were cut so far.
    var drops: Int { dropped.load(ordering: .relaxed) }

    private let listener: Int32
    private let upstream: Int
    private let dropChance: Double
    private let dropped = Atomic<Int>(0)
    private let closed = Atomic<Bool>(false)
    private let random: Mutex<UInt64>

    /// Relays to `127.0.0.1:upstream`; each read (of up to 64 kB, or one answer) is the last of
    /// its connection with probability `dropChance`.
    init(upstream: Int, dropChance: Double, seed: UInt64 = 1) throws {
        self.upstream = upstream
        self.dropChance = dropChance
        random = Mutex(seed)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw InfluxServerError.system("socket", errno) }
        var address = LoopbackPort.address(0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 64) == 0 else {
            close(socket)
            throw InfluxServerError.system("bind", errno)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        listener = socket
        Thread { [self] in acceptLoop() }.start()
    }

    /// Stops accepting connections.
    func stop() {
        closed.store(true, ordering: .relaxed)
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A number in 0..<1 from the proxy's seeded generator.
    private func nextRandom() -> Double {
        random.withLock { state in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    private func acceptLoop() {
        while !closed.load(ordering: .relaxed) {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            let server = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = LoopbackPort.address(upstream)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else {
                close(server)
                close(client)
                continue
            }
            let connection = Connection(client: client, server: server)
            Thread { [self] in relay(connection, from: client, to: server) }.start()
            Thread { [self] in relay(connection, from: server, to: client) }.start()
        }
    }

    /// The two sockets of one relayed connection, closed once both directions are done.
    private final class Connection: Sendable {
        let client: Int32
        let server: Int32
        private let finished = Atomic<Int>(0)

        init(client: Int32, server: Int32) {
            self.client = client
            self.server = server
        }

        /// Cuts both directions at once, with a reset rather than an orderly end.
        func cut() {
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            shutdown(client, Int32(SHUT_RDWR))
            shutdown(server, Int32(SHUT_RDWR))
        }

        /// Called by each direction when it ends; the second one closes the sockets.
        func directionEnded() {
            if finished.add(1, ordering: .acquiringAndReleasing).newValue == 2 {
                close(client)
                close(server)
            }
        }
    }

    /// Copies bytes from `source` to `destination` until either side ends; before passing on
    /// what one read got, cuts the connection with probability `dropChance`.
    private func relay(_ connection: Connection, from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        defer { connection.directionEnded() }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                shutdown(destination, Int32(SHUT_WR))
                return
            }
            if nextRandom() < dropChance {
                dropped.add(1, ordering: .relaxed)
                connection.cut()
                return
            }
            var offset = 0
            while offset < count {
                let written = buffer[offset..<count].withUnsafeBytes {
                    send(destination, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    connection.cut()
                    return
                }
                offset += written
            }
        }
    }
}
