import Glibc

/// Finds free TCP ports on 127.0.0.1.
enum LoopbackPort {
    /// The ports tried: at or above 20000, and below Linux's usual ephemeral range (32768 and up)
    /// so that outgoing connections do not take them between the check and the server's start.
    static let candidates = 20000...32000

    /// A port `p` such that both `p` and `p + 1` can be bound now, or `nil` after many tries.
    static func freePair() -> Int? {
        for _ in 0..<200 {
            let port = Int.random(in: candidates)
            if isFree(port) && isFree(port + 1) {
                return port
            }
        }
        return nil
    }

    /// A port other than `avoiding` that a UDP socket can bind now, or `nil` after many tries.
    static func freeUDP(avoiding: Set<Int> = []) -> Int? {
        for _ in 0..<200 {
            let port = Int.random(in: candidates)
            if !avoiding.contains(port) && isFree(port, type: SOCK_DGRAM) {
                return port
            }
        }
        return nil
    }

    /// Whether a socket of `type` (TCP by default) could be bound to `127.0.0.1:port` right now.
    static func isFree(_ port: Int, type: __socket_type = SOCK_STREAM) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(type.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = address(port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return bound == 0
    }

    /// The socket address of `127.0.0.1:port`.
    static func address(_ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(port).bigEndian
        address.sin_addr = in_addr(s_addr: in_addr_t(0x7F00_0001).bigEndian)
        return address
    }
}
