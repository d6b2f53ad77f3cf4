#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The line protocol of one slice, held until the slices before it are written out: in memory
/// up to a limit, beyond it in an anonymous temporary file (removed when closed), so memory stays
/// bounded whatever a slice holds.
final class SliceBuffer {
    private var memory: [UInt8] = []
    private var file: UnsafeMutablePointer<FILE>?
    private let memoryLimit: Int

    /// Creates an empty buffer that keeps up to `memoryLimit` bytes in memory.
    init(memoryLimit: Int) {
        self.memoryLimit = memoryLimit
    }

    deinit {
        if let file { fclose(file) }
    }

    /// Adds `bytes` at the end.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        if file == nil, memory.count + bytes.count <= memoryLimit {
            memory.append(contentsOf: bytes)
            return
        }
        let file = try spill()
        guard bytes.isEmpty || fwrite(bytes.baseAddress, 1, bytes.count, file) == bytes.count else {
            throw InfluxError.invalidArgument("cannot write a temporary file: \(String(cString: strerror(errno)))")
        }
    }

    /// Empties the buffer (a slice read again starts from nothing).
    func removeAll() throws {
        memory.removeAll(keepingCapacity: true)
        if let file {
            rewind(file)
            guard ftruncate(fileno(file), 0) == 0 else {
                throw InfluxError.invalidArgument("cannot truncate a temporary file: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Hands everything added, in order, to `body` in pieces.
    func forEachPiece(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if !memory.isEmpty { try memory.withUnsafeBytes(body) }
        guard let file else { return }
        guard fflush(file) == 0, fseek(file, 0, SEEK_SET) == 0 else {
            throw InfluxError.invalidArgument("cannot read a temporary file: \(String(cString: strerror(errno)))")
        }
        var piece = [UInt8](repeating: 0, count: 1 << 18)
        while true {
            let count = piece.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { try piece.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) } }
            if count < piece.count {
                guard ferror(file) == 0 else {
                    throw InfluxError.invalidArgument("cannot read a temporary file: \(String(cString: strerror(errno)))")
                }
                return
            }
        }
    }

    private func spill() throws -> UnsafeMutablePointer<FILE> {
        if let file { return file }
        guard let created = tmpfile() else {
            throw InfluxError.invalidArgument("cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        file = created
        return created
    }
}
