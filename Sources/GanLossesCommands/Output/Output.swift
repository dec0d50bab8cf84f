import LossPlotCairo
import Glibc
import Synchronization

/// Standard output and standard error, written with `write(2)`.
///
/// A failed write to standard output is an error the user hears about: `>/dev/full`, a full disk
/// or a closed descriptor (`>&-`) make ``write(_:)`` throw, and the tool exits 1 with one line on
/// standard error; otherwise a run that lost its data would look like a success.
///
/// The one exception is a reader that went away (EPIPE, as in `gan-losses eval … | head -1`;
/// SIGPIPE is ignored so that it shows up as an error code): the reader has everything it asked
/// for, so further output is dropped quietly and the command goes on to its own exit status — a
/// failing `check | head -1` still exits 1.
public enum Output {
    /// Why standard output could not be written.
    struct Failure: Error, CustomStringConvertible {
        var reason: String
        var description: String { "cannot write to standard output: \(reason)" }
    }

    /// Set once a write met EPIPE; later output is dropped.
    nonisolated(unsafe) private static var readerGone = false

    /// Ignore SIGPIPE for the whole process; call once at start.
    static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Puts /dev/null, opened for reading only, on any of descriptors 0, 1 and 2 that the tool was
    /// started without (`>&-`): a file the tool opens later can then never become its standard
    /// output, and writing there still fails (EBADF), as it should. Call once at start.
    static func occupyClosedStandardDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != fd { dup2(opened, fd); close(opened) }
        }
    }

    /// Writes `text` to standard output, all of it, or throws ``Failure``.
    public static func write(_ text: String) throws {
        try write(bytes: Array(text.utf8))
    }

    /// A path on a line of its own, byte for byte as the file system has it.
    static func write(line path: RawPath) throws {
        try write(bytes: path.bytes + [UInt8(ascii: "\n")])
    }

    /// The text a command writes while ``capture(_:)`` runs in this task, instead of standard
    /// output: how the explorer serves a command's output (`eval`'s JSON) as that command prints it.
    final class Capture: Sendable {
        let bytes = Mutex<[UInt8]>([])
    }

    @TaskLocal private static var capture: Capture?

    /// What `body` writes to standard output, kept instead of written (in this task only; other
    /// tasks and threads still write to standard output).
    static func capture(_ body: () throws -> Void) rethrows -> [UInt8] {
        let kept = Capture()
        try $capture.withValue(kept) { try body() }
        return kept.bytes.withLock { $0 }
    }

    private static func write(bytes: [UInt8]) throws {
        if let capture {
            capture.bytes.withLock { $0 += bytes }
            return
        }
        guard !readerGone else { return }
        switch write(bytes, to: STDOUT_FILENO) {
        case 0: return
        case EPIPE: readerGone = true
        case let code: throw Failure(reason: String(cString: strerror(code)))
        }
    }

    /// One line on standard error (a newline is added if missing, unless `newline` is false).
    /// Errors here are ignored: there is nowhere left to report them.
    public static func error(_ text: String, newline: Bool = true) {
        _ = write(Array((newline && !text.hasSuffix("\n") ? text + "\n" : text).utf8), to: STDERR_FILENO)
    }

    /// Writes every byte to `fd`; 0, or the errno of the write that failed.
    private static func write(_ bytes: [UInt8], to fd: Int32) -> Int32 {
        AtomicFile.writeAll(bytes, to: fd) ?? 0
    }
}
