import Glibc
import InfluxKit

/// An input of `influxkit write`: a file path, or `-` for standard input. Gzip input (a `.gz`
/// name, or the gzip magic number at the start) is decompressed on the fly.
struct InputFile {
    /// The name used in messages (`-` for standard input).
    let name: String

    /// Calls `body` with consecutive pieces of the (decompressed) input.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var gunzip = name.hasSuffix(".gz") ? try Gunzip() : nil
        var first = true
        try forEachRawChunk { chunk in
            if first {
                first = false
                if gunzip == nil && Gunzip.hasMagic(chunk) { gunzip = try Gunzip() }
            }
            if let gunzip {
                try gunzip.decompress(chunk, into: body)
            } else {
                try body(chunk)
            }
        }
        do {
            try gunzip?.finish()
        } catch let error as InfluxError where error.code == .invalidArgument {
            throw InfluxError.invalidArgument("\(name): \(error.message)")
        }
    }

    /// Calls `body` with consecutive pieces of the input as stored, read in large blocks.
    private func forEachRawChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let descriptor = name == "-" ? STDIN_FILENO : open(name, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw RunFailure("cannot open \(name): \(String(cString: strerror(errno)).lowercased())")
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                // Ctrl-C interrupts a read that waits on idle input: stop, do not wait again.
                if errno == EINTR && !Interruption.requested { continue }
                if errno == EINTR { throw CancellationError() }
                throw RunFailure("cannot read \(name): \(String(cString: strerror(errno)).lowercased())")
            }
            if count == 0 { return }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }

    /// The whole (decompressed) input.
    func readAll() throws -> [UInt8] {
        var bytes = [UInt8]()
        try forEachChunk { bytes.append(contentsOf: $0) }
        return bytes
    }
}
