import Glibc

/// Bytes on their way to a file descriptor, written in large blocks.
public struct OutputBuffer: ~Copyable {
    /// The bytes not yet written.
    public private(set) var bytes: [UInt8] = []
    private let descriptor: Int32
    private let blockSize: Int

    /// Creates a buffer writing to `descriptor` (standard output by default).
    public init(descriptor: Int32 = STDOUT_FILENO, blockSize: Int = 256 * 1024) {
        self.descriptor = descriptor
        self.blockSize = blockSize
        bytes.reserveCapacity(min(blockSize, 1 << 20) + 4096)
    }

    /// Hands over the bytes not yet written, without writing them (a buffer made with
    /// `blockSize: .max` never writes by itself).
    public mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Appends bytes, writing a block out when the buffer is full.
    public mutating func append(_ more: some Sequence<UInt8>) {
        bytes.append(contentsOf: more)
        if bytes.count >= blockSize { flush() }
    }

    /// Appends one byte.
    public mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends the UTF-8 bytes of `text`.
    public mutating func append(_ text: String) {
        append(text.utf8)
    }

    /// Writes everything buffered. A closed pipe (e.g. `| head`) ends the process quietly.
    public mutating func flush() {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                break
            }
            offset += written
        }
        bytes.removeAll(keepingCapacity: true)
    }

    deinit {
        if !bytes.isEmpty {
            _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
        }
    }
}
