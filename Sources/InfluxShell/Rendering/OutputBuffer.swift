import Glibc
import InfluxKit

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
        bytes.reserveCapacity(blockSize + 4096)
    }

    /// Appends bytes, writing a block out when the buffer is full.
    public mutating func append(_ more: some Sequence<UInt8>) {
        bytes.append(contentsOf: more)
        if bytes.count >= blockSize { flush() }
    }

    /// Appends bytes from memory, writing a block out when the buffer is full.
    public mutating func append(_ more: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: more)
        if bytes.count >= blockSize { flush() }
    }

    /// Appends one byte.
    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends the UTF-8 bytes of `text`.
    public mutating func append(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ append($0) }) { return done }
        append(text.utf8)
    }

    /// Appends `number` in decimal.
    public mutating func append(_ number: Int64) {
        DecimalText.append(number, to: &bytes)
    }

    /// Appends `number` in decimal.
    public mutating func append(_ number: UInt64) {
        DecimalText.append(number, to: &bytes)
    }

    /// Appends `number` as its `description` reads (`2.0`, `0.25`, `1e+20`).
    public mutating func append(_ number: Double) {
        DecimalText.append(number, to: &bytes)
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
