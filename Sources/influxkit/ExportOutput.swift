import Glibc
import InfluxKit

/// Where `influxkit export` writes: a file or standard output, gzip-compressed or not.
///
/// Bytes are gathered and written with checked `write(2)` calls; every failure (a full disk, a
/// closed pipe) is an error. For a file, ``offset`` is where the next slice starts, and
/// ``cut(to:)`` takes the file back to such an offset, so a slice read again, or left
/// unfinished, leaves nothing behind. With gzip every slice is a gzip member of its own, so any
/// slice boundary is also a valid end of the compressed file.
final class ExportOutput {
    /// Where the output goes, for messages.
    let name: String
    /// Whether the output is a regular file that can be cut back.
    let isSeekable: Bool
    private let descriptor: Int32
    private let gzip: Gzip?
    private var pending: [UInt8] = []
    /// Bytes of the output so far (compressed, for gzip), flushed or not.
    private(set) var offset = 0

    /// Opens standard output, or the file `path`, keeping its first `keeping` bytes (a resumed
    /// export) or emptying it.
    init(path: String?, compressed: Bool, keeping: Int = 0) throws {
        gzip = compressed ? try Gzip() : nil
        guard let path else {
            name = "standard output"
            descriptor = STDOUT_FILENO
            isSeekable = false
            return
        }
        name = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure("cannot open \(path)") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.failure("cannot open \(path)") }
        // A device or a pipe named with -o is written like standard output.
        isSeekable = status.st_mode & S_IFMT == S_IFREG
        guard isSeekable else {
            guard keeping == 0 else { throw RunFailure("cannot resume into \(path): it is not a regular file") }
            return
        }
        guard keeping <= Int(status.st_size) else {
            throw RunFailure("\(path) is shorter (\(status.st_size) bytes) than the checkpoint says (\(keeping)): it is not the file that export wrote; delete the checkpoint to start over")
        }
        offset = keeping
        try cut(to: keeping)
    }

    deinit {
        if descriptor != STDOUT_FILENO { close(descriptor) }
    }

    /// Adds `bytes` to the output.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if let gzip {
            try gzip.compress(bytes) { try buffer($0) }
        } else {
            try buffer(bytes)
        }
    }

    /// Adds `text` to the output.
    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Ends a slice: closes its gzip member and writes everything out.
    func endSlice() throws {
        try gzip?.finishMember { try buffer($0) }
        try flush()
    }

    /// Takes a file back to `offset` (an earlier slice boundary), dropping what came after.
    func cut(to offset: Int) throws {
        guard isSeekable else { throw RunFailure("cannot take back what was written to \(name)") }
        pending.removeAll(keepingCapacity: true)
        gzip?.discardMember()
        guard ftruncate(descriptor, off_t(offset)) == 0, lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
            throw Self.failure("cannot truncate \(name)")
        }
        self.offset = offset
    }

    /// Writes out what is gathered.
    func flush() throws {
        var written = 0
        try pending.withUnsafeBytes { bytes in
            while written < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Self.failure("cannot write to \(name)")
                }
                written += count
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func buffer(_ bytes: UnsafeRawBufferPointer) throws {
        pending.append(contentsOf: bytes)
        offset += bytes.count
        if pending.count >= 1 << 20 { try flush() }
    }

    private static func failure(_ what: String) -> RunFailure {
        RunFailure("\(what): \(String(cString: strerror(errno)))")
    }
}
