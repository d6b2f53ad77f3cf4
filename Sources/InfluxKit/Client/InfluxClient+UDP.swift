/// Writing through influxd's UDP listener, as influxdb-python's `send_packet` and `use_udp`.
///
/// The listener (`[[udp]]` in `influxdb.conf`) has its own database, retention policy and
/// timestamp precision, set in the server's configuration: what is sent here carries none of
/// them. Timestamps must therefore be in the listener's `precision` (nanoseconds unless
/// configured otherwise). Lines go to `host`:`udpPort` packed into datagrams of at most
/// `maxDatagramSize` bytes, never splitting a line. UDP has no answer: lines the server
/// cannot parse and datagrams lost on the way are not reported.
extension InfluxClient {
    /// Sends line protocol (one point per line, `\n`-separated) to the UDP listener,
    /// influxdb-python's `send_packet(packet, protocol='line')`.
    ///
    /// Empty lines are skipped and a `\r` ending a line is removed. A line longer than `maxDatagramSize` is not sent; every other
    /// line still is, and then the first such line is thrown as `.invalidLine` (counting lines
    /// from 1) with its size and the limit.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func sendPacket(lineProtocol lines: [UInt8]) throws {
        let settings = configuration
        let limit = try Self.datagramLimit(settings)
        let transport = try UDPTransport(host: settings.host, port: settings.udpPort)
        var packer = DatagramPacker(limit: limit)
        var tooLong: [(line: Int, size: Int)] = []
        var number = 0
        for var line in lines.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if !packer.add(line) { tooLong.append((number, line.count)) }
            for datagram in packer.take() { try transport.send(datagram) }
        }
        for datagram in packer.take(flush: true) { try transport.send(datagram) }
        if let first = tooLong.first {
            let more = tooLong.count > 1 ? " (and \(tooLong.count - 1) more lines not sent)" : ""
            throw InfluxError.invalidLine(
                line: first.line, reason: Self.tooLongReason(size: first.size, limit: limit) + more)
        }
    }

    /// Sends line protocol given as text (one string with lines, or several lines) to the UDP
    /// listener; see ``sendPacket(lineProtocol:)``.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func sendPacket(_ lines: [String]) throws {
        var bytes = [UInt8]()
        for line in lines {
            bytes += line.utf8
            if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        }
        try sendPacket(lineProtocol: bytes)
    }

    /// Encodes points and sends them to the UDP listener, influxdb-python's
    /// `send_packet(packet, protocol='json')`; `writePoints` does this when `usesUDP` is set.
    ///
    /// `precision` must be the listener's configured precision. `tags` are merged under each
    /// point's own tags. A point that cannot be written faithfully, or whose line is longer than
    /// `maxDatagramSize`, is left out; every other point is still sent, and then the first
    /// refusal is thrown as `.invalidPoint` naming the point's index.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func sendPacket(
        _ points: some Sequence<Point>,
        precision: Precision = .nanoseconds,
        tags: [String: String] = [:]
    ) throws {
        let settings = configuration
        let limit = try Self.datagramLimit(settings)
        let transport = try UDPTransport(host: settings.host, port: settings.udpPort)
        var packer = DatagramPacker(limit: limit)
        var encoder = LineProtocolEncoder(precision: precision)
        var refused: [(index: Int, reason: String)] = []
        for (index, point) in points.enumerated() {
            encoder.removeAll()
            do {
                try encoder.append(point, globalTags: tags)
            } catch let error as InfluxError {
                guard error.code == .invalidPoint else { throw error }
                refused.append((index, error.message))
                continue
            }
            let line = encoder.bytes.dropLast()
            if !packer.add(line) {
                refused.append((index, Self.tooLongReason(size: line.count, limit: limit)))
            }
            for datagram in packer.take() { try transport.send(datagram) }
        }
        for datagram in packer.take(flush: true) { try transport.send(datagram) }
        if let first = refused.first {
            let more = refused.count > 1 ? " (and \(refused.count - 1) more refused)" : ""
            throw InfluxError.invalidPoint(reason: "point \(first.index): \(first.reason)\(more)")
        }
    }

    /// The configured datagram size, checked.
    private static func datagramLimit(_ settings: ClientConfiguration) throws -> Int {
        guard settings.maxDatagramSize > 0 else {
            throw InfluxError.invalidArgument("maxDatagramSize must be positive, not \(settings.maxDatagramSize)")
        }
        return settings.maxDatagramSize
    }

    private static func tooLongReason(size: Int, limit: Int) -> String {
        "line of \(size) bytes is longer than the largest datagram (\(limit) bytes), not sent"
    }
}
