import Glibc
import Synchronization

/// Finds free TCP ports on 127.0.0.1.
enum LoopbackPort {
    /// The ports tried: at or above 20000, and below Linux's usual ephemeral range (32768 and up)
    /// so that outgoing connections do not take them between the check and the server's start.
    static let candidates = 20000...32000

    /// Every port handed out in this process: never handed out again, so a server killed and
    /// restarted on its port (the fault tests) cannot find it taken by another test's server
    /// that was given it while it was down.
    private static let handedOut = Mutex<Set<Int>>([])

    /// A random candidate not handed out before, for which `usable` holds; it is then handed
    /// out (with the port after it when `pair`). `nil` after many tries.
    static func claim(pair: Bool = false, _ usable: (Int) -> Bool) -> Int? {
        for _ in 0..<200 {
            let port = Int.random(in: candidates)
            let taken = handedOut.withLock { $0.contains(port) || (pair && $0.contains(port + 1)) }
            guard !taken, usable(port) else { continue }
            let won = handedOut.withLock { ports in
                guard !ports.contains(port) && !(pair && ports.contains(port + 1)) else { return false }
                ports.insert(port)
                if pair { ports.insert(port + 1) }
                return true
            }
            if won { return port }
        }
        return nil
    }

    /// A port `p` such that both `p` and `p + 1` can be bound now, or `nil` after many tries.
    static func freePair() -> Int? {
        claim(pair: true) { isFree($0) && isFree($0 + 1) }
    }

    /// A port other than `avoiding` that a UDP socket can bind now, or `nil` after many tries.
    static func freeUDP(avoiding: Set<Int> = []) -> Int? {
        claim { !avoiding.contains($0) && isFree($0, type: SOCK_DGRAM) }
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
