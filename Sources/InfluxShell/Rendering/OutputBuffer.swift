import Glibc
import InfluxKit

/// Bytes on their way to a file descriptor, written in large blocks.
///
/// The bytes live in memory the buffer owns, so that appending is a capacity check and a copy,
/// and numbers are written straight into it. A write that fails is recorded in
/// ``OutputFailure`` and the buffer drops everything after it (see ``failed``).
public struct OutputBuffer: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private let descriptor: Int32
    private let blockSize: Int

    /// Whether a write to the descriptor failed; what is appended afterwards is dropped.
    public private(set) var failed = false

    /// The bytes not yet written.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// Creates a buffer writing to `descriptor` (standard output by default).
    public init(descriptor: Int32 = STDOUT_FILENO, blockSize: Int = 256 * 1024) {
        self.descriptor = descriptor
        self.blockSize = blockSize
        capacity = min(blockSize, 1 << 20) + 4096
        storage = .allocate(capacity: capacity)
    }

    /// Hands over the bytes not yet written, without writing them (a buffer made with
    /// `blockSize: .max` never writes by itself).
    public mutating func take() -> [UInt8] {
        defer { count = 0 }
        return bytes
    }

    /// Appends bytes, writing a block out when the buffer is full.
    public mutating func append(_ more: some Sequence<UInt8>) {
        if more.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        for byte in more { append(byte) }
        if count >= blockSize { flush() }
    }

    /// Appends bytes from memory, writing a block out when the buffer is full.
    @inline(__always)
    public mutating func append(_ more: UnsafeBufferPointer<UInt8>) {
        guard let source = more.baseAddress else { return }
        reserve(more.count)
        if more.count <= 16 {
            Self.copyShort(from: source, to: storage + count, count: more.count)
        } else {
            (storage + count).initialize(from: source, count: more.count)
        }
        count += more.count
        if count >= blockSize { flush() }
    }

    /// Copies up to 16 bytes with two overlapping word loads and stores, which costs less than
    /// calling `memcpy` for the short values most cells are. Reads and writes only
    /// `source[0..<count]` and `target[0..<count]`.
    @inline(__always)
    private static func copyShort(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        if count >= 8 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            for index in 0..<count { target[index] = source[index] }
        }
    }

    /// Appends one byte.
    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Appends the UTF-8 bytes of `text`.
    public mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends `byte` `count` times (nothing when `count` is not positive).
    public mutating func append(_ byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats)
        (storage + count).initialize(repeating: byte, count: repeats)
        count += repeats
        if count >= blockSize { flush() }
    }

    /// Appends `number` in decimal.
    public mutating func append(_ number: Int64) {
        reserve(DecimalText.maximumLength)
        count += DecimalText.write(number, to: storage + count)
    }

    /// Appends `number` in decimal.
    public mutating func append(_ number: UInt64) {
        reserve(DecimalText.maximumLength)
        count += DecimalText.write(number, to: storage + count)
    }

    /// Appends `number` as its `description` reads (`2.0`, `0.25`, `1e+20`).
    public mutating func append(_ number: Double) {
        reserve(DecimalText.maximumLength)
        count += DecimalText.write(number, to: storage + count)
    }

    /// Writes `text` to `descriptor` at once (a message on standard error, say); returns false
    /// (and records it in ``OutputFailure``) when it could not be written.
    @discardableResult
    public static func write(_ text: String, to descriptor: Int32) -> Bool {
        var buffer = OutputBuffer(descriptor: descriptor, blockSize: text.utf8.count)
        buffer.append(text)
        buffer.flush()
        return !buffer.failed
    }

    /// Writes everything buffered. A write that fails (`ENOSPC`, `EBADF`, `EPIPE` when SIGPIPE
    /// is ignored — otherwise a closed pipe ends the process quietly) is recorded in
    /// ``OutputFailure``, sets ``failed`` and drops the bytes.
    public mutating func flush() {
        if count > 0 && !failed { failed = !Self.writeAll(storage, count: count, to: descriptor) }
        count = 0
    }

    /// Writes `count` bytes to `descriptor`; false, recorded in ``OutputFailure``, when it fails.
    private static func writeAll(_ bytes: UnsafePointer<UInt8>, count: Int, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < count {
            let written = Glibc.write(descriptor, bytes + offset, count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                OutputFailure.record(descriptor: descriptor, code: written < 0 ? errno : EIO)
                return false
            }
            offset += written
        }
        return true
    }

    /// Makes room for `more` bytes after the ones held.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: storage, count: count)
        storage.deallocate()
        storage = moved
        capacity = larger
    }

    deinit {
        if count > 0 && !failed { _ = Self.writeAll(storage, count: count, to: descriptor) }
        storage.deallocate()
    }
}
