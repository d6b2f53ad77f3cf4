import Glibc
import InfluxShell

/// Standard output and standard error as the exit status sees them: output that could not be
/// written is a failure, never a silent success.
enum StandardStreams {
    /// Puts a descriptor that refuses writes (`/dev/null` opened read-only) on a closed
    /// standard descriptor (`>&-`), so that writes to it fail with `EBADF` as they would on the
    /// closed one, and no file opened later takes its number and receives the output.
    static func holdClosed() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }

    /// Ends the process with `code`; when some output could not be written, says so on
    /// standard error (if it can) and ends with 1 instead of 0.
    ///
    /// It ends with `_exit`, after flushing C's stdio buffers (our own output is written
    /// straight to the descriptors): the exit handlers `exit` would run only free what the
    /// kernel frees anyway (OpenSSL's tables, 0.65M instructions at every start, 3.5 % of a
    /// one-shot command's), and cannot then race with a thread that is still working.
    static func exit(_ code: Int32) -> Never {
        if fflush(nil) != 0 { OutputFailure.record(descriptor: STDOUT_FILENO, code: errno) }
        if let message = OutputFailure.message {
            Diagnostics.error(message)
            _exit(code == 0 ? 1 : code)
        }
        _exit(code)
    }
}
