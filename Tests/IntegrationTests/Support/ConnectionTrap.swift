import Glibc

/// A listener on `127.0.0.1:port` that hangs up on whoever connects: stands for a server that
/// is down, and tells when a client tried it (so a test knows the client noticed, instead of
/// hoping it tried within some window).
final class ConnectionTrap {
    private let socket: Int32

    /// Listens on `port` (reusing it at once after a killed server); `nil` when it cannot.
    init?(port: Int) {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = LoopbackPort.address(port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socket, 16) == 0 else {
            close(socket)
            return nil
        }
    }

    /// Waits (at most `seconds`) for a connection and hangs up on it at once; whether one came.
    func catchOne(seconds: Int32 = 30) -> Bool {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, seconds * 1000) == 1 else { return false }
        let connection = accept(socket, nil, nil)
        guard connection >= 0 else { return false }
        // An abortive close: the client sees its request fail.
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(connection)
        return true
    }

    deinit {
        close(socket)
    }
}
