import Glibc
import Synchronization

/// The temporary file being written, known to the signal handlers so that SIGTERM, SIGINT or
/// SIGHUP in the middle of a write leaves nothing behind.
///
/// One file is in flight at a time (``AtomicFile`` writes under a lock). Its path is copied into a
/// buffer allocated at start, and an atomic flag says whether the buffer holds a path to remove;
/// the handler only loads the flag, calls `unlink(2)` (async-signal-safe) and then re-raises the
/// signal with its default action, so the process ends as the sender asked (status 128 + signal
/// in a shell). A signal the tool was started with ignored (`nohup` ignores SIGHUP) stays
/// ignored; one it was started with blocked is unblocked (a parent spawning from a Dispatch
/// worker thread passes on that thread's mask, which blocks nearly everything, and the tool would
/// then not stop at all on SIGTERM). SIGKILL cannot be caught: `StaleTemporaries` removes what it leaves, on the next
/// write into that folder. SIGXFSZ (`ulimit -f`) is ignored, so that an oversized write fails
/// with EFBIG and is cleaned up like any other write error.
public enum PendingFile {
    /// The signals that remove the pending file before ending the process.
    static let signals: [Int32] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT]

    private static let capacity = Int(PATH_MAX) + 1
    nonisolated(unsafe) private static let path = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    private static let armed = Atomic<Bool>(false)

    /// Installs the handlers: a program's choice, made once at start, before any thread is made
    /// (a library does not take over a process's signals by itself).
    public static func installHandlers() {
        path.initialize(repeating: 0, count: capacity)
        _ = armed.load(ordering: .relaxed)
        signal(SIGXFSZ, SIG_IGN)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in signals {
            var current = sigaction()
            sigaction(signal, nil, &current)
            if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            sigaddset(&unblock, signal)
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                if PendingFile.armed.load(ordering: .acquiring) { unlink(PendingFile.path) }
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            for other in signals { sigaddset(&action.sa_mask, other) }
            sigaction(signal, &action, nil)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Records `temporary` as the file to remove if a signal comes; false if the path is too long.
    static func arm(_ temporary: RawPath) -> Bool {
        guard temporary.bytes.count < capacity else { return false }
        for (i, byte) in temporary.bytes.enumerated() { path[i] = CChar(bitPattern: byte) }
        path[temporary.bytes.count] = 0
        armed.store(true, ordering: .releasing)
        return true
    }

    /// The file was renamed into place or removed: nothing to remove any more.
    static func disarm() {
        armed.store(false, ordering: .releasing)
    }
}
