import Foundation
import Glibc

extension FileHandle {
    /// Writes `data` to the pipe into a program's standard input. A program that exits before it
    /// reads everything (a usage error, a write that stops at its first point) closes the pipe;
    /// the rest is then dropped, as a shell's pipe would drop it, instead of SIGPIPE ending the
    /// whole test process. SIGPIPE is held back on this thread for the write only, and one it
    /// raised is taken before the thread's signals are restored.
    func feed(_ data: Data) {
        var pipeSignal = sigset_t(), previous = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var now = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&pipeSignal, nil, &now)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
