import Glibc

/// A port on 127.0.0.1 where nothing listens, for as long as this value lives: a TCP socket is
/// bound to it and never listens, so a connection is refused at once and no other test or
/// process can start listening there meanwhile (a port merely found free could be taken
/// between the check and its use).
final class DeadPort {
    /// The port.
    let port: Int
    private let socket: Int32

    /// Binds a port of `LoopbackPort.candidates`; `nil` after many tries.
    init?() {
        var socket: Int32 = -1
        let port = LoopbackPort.claim { port in
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { return false }
            var address = LoopbackPort.address(port)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if bound != 0 { close(socket) }
            return bound == 0
        }
        guard let port else { return nil }
        self.port = port
        self.socket = socket
    }

    deinit {
        close(socket)
    }
}
