import FoundationEssentials
import Glibc

/// Standard output and standard error, written with `write(2)`.
///
/// SIGPIPE is ignored (``ignoreBrokenPipe()``), so a reader that goes away early, as in
/// `gan-losses eval … | head -1`, shows up here as EPIPE, and the tool then exits quietly with
/// status 0: the reader has everything it asked for.
enum Output {
    /// Ignore SIGPIPE for the whole process; call once at start.
    static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func write(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// One line on standard error (a newline is added if missing, unless `newline` is false).
    static func error(_ text: String, newline: Bool = true) {
        write(newline && !text.hasSuffix("\n") ? text + "\n" : text, to: STDERR_FILENO)
    }

    private static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n >= 0 { offset += n; continue }
            if errno == EINTR { continue }
            if errno == EPIPE { exit(0) }
            return  // nowhere left to report a failing standard stream
        }
        bytes.removeAll()
    }
}
