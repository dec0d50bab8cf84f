internal import Glibc
import Synchronization

/// Writing a file so that a failure never leaves a partial file: the bytes go to a
/// temporary file in the target folder, which is then renamed into place (atomic on POSIX).
///
/// The temporary name is short and fixed in length (`StaleTemporaries.name(random:)`), so any
/// legal target name, up to 255 bytes, can be written. While it exists, a signal removes it
/// (``PendingFile``); one killed by SIGKILL is removed by the next write into its folder.
public enum AtomicFile {
    /// Why a file cannot be written; each description is one line.
    public enum Failure: Error, CustomStringConvertible {
        /// The folder that would hold the file does not exist.
        case folderMissing(RawPath)
        /// The path names a folder, not a file.
        case isFolder(RawPath)
        /// The folder is append-only or immutable, so no file can be renamed into it.
        case appendOnly(RawPath, folder: RawPath)
        /// The file cannot be written, for the reason given (the system's words, or a limit).
        case cannotWrite(RawPath, String)

        /// The problem in one line, with what to do where there is something to do.
        public var description: String {
            switch self {
            case .folderMissing(let f): "the folder \(f) does not exist; create it or choose another path"
            case .isFolder(let p): "\(p) is a folder; give a file name such as \(p)/figure.png"
            case .appendOnly(let p, let folder):
                "cannot write \(p): the folder \(folder) is append-only or immutable (chattr +a or +i), so no file can be renamed into it; choose another folder"
            case .cannotWrite(let p, let why): "cannot write \(p): \(why)"
            }
        }
    }

    /// One write at a time, so that ``PendingFile`` has one file to remove.
    private static let lock = Mutex(())
    /// The folders already cleared of stale temporaries by this process.
    private static let cleared = Mutex(Set<RawPath>())

    /// Checks that `path` can be written before any work is done.
    public static func checkWritable(_ path: RawPath) throws {
        if path.kind == .folder { throw Failure.isFolder(path) }
        if path.fileName.count > Int(NAME_MAX) {
            throw Failure.cannotWrite(path, "the file name has \(path.fileName.count) bytes, more than the \(NAME_MAX) a name may have")
        }
        let folder = path.folder
        guard folder.kind == .folder else { throw Failure.folderMissing(folder) }
        guard folder.isWritableFolder else { throw Failure.cannotWrite(path, "the folder \(folder) is not writable") }
        if isAppendOnly(folder) { throw Failure.appendOnly(path, folder: folder) }
    }

    /// Writes `bytes` to a temporary file in the folder of `path`, synced, then renamed to `path`.
    public static func write(_ bytes: [UInt8], to path: RawPath) throws {
        try replace(path) { _, fd in
            var failure = writeAll(bytes, to: fd)
            if failure == nil && fsync(fd) != 0 { failure = errno }
            if close(fd) != 0 && failure == nil { failure = errno }
            return failure
        }
    }

    /// Has `produce` write the file at a temporary path in the folder of `path` (made empty
    /// beforehand, removed if a signal comes), then syncs it and renames it to `path`; if
    /// `produce` throws, the temporary is removed and the error passed on. For a file another
    /// program writes, such as a video encoder: a failure leaves no partial file either.
    public static func write(to path: RawPath, producing produce: (_ temporary: RawPath) throws -> Void) throws {
        try replace(path) { temporary, made in
            close(made)
            try produce(temporary)
            let fd = temporary.withCString { open($0, O_RDONLY | O_CLOEXEC) }
            var failure: Int32? = fd < 0 ? errno : nil
            if fd >= 0 {
                if fsync(fd) != 0 { failure = errno }
                close(fd)
            }
            return failure
        }
    }

    /// What both writes share: under the lock, in the folder of `path` (refused when append-only,
    /// its stale temporaries cleared the first time), a new temporary file, made exclusively and
    /// removed if a signal comes; `fill` gets its path and a descriptor open for writing (which it
    /// closes) and returns the errno of a failure, or nil. Then the temporary is renamed to `path`,
    /// or, on a failure or an error thrown, removed.
    private static func replace(_ path: RawPath, filling fill: (_ temporary: RawPath, _ fd: Int32) throws -> Int32?) throws {
        try lock.withLock { _ in
            let folder = path.folder
            if isAppendOnly(folder) { throw Failure.appendOnly(path, folder: folder) }
            if cleared.withLock({ $0.insert(folder).inserted }) { StaleTemporaries.remove(in: folder) }
            let temporary = folder.appending(StaleTemporaries.name(random: UInt32.random(in: 0...UInt32.max)))
            guard PendingFile.arm(temporary) else { throw Failure.cannotWrite(path, String(cString: strerror(ENAMETOOLONG))) }
            defer { PendingFile.disarm() }
            let fd = temporary.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
            guard fd >= 0 else { throw Failure.cannotWrite(path, String(cString: strerror(errno))) }
            var failure: Int32?
            do {
                failure = try fill(temporary, fd)
            } catch {
                _ = temporary.withCString { unlink($0) }
                throw error
            }
            if failure == nil && temporary.withCString({ from in path.withCString { rename(from, $0) } }) != 0 { failure = errno }
            if let failure {
                _ = temporary.withCString { unlink($0) }
                throw Failure.cannotWrite(path, String(cString: strerror(failure)))
            }
        }
    }

    /// Writes all of `bytes` to the descriptor `fd`, again after a short write or EINTR; nil, or
    /// the errno of the write that failed.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 { offset += n; continue }
                if n < 0 && errno == EINTR { continue }
                return n < 0 ? errno : EIO
            }
            return nil
        }
    }

    /// Whether the folder has the append-only or immutable attribute (`FS_IOC_GETFLAGS`), under
    /// which a temporary file could be made but neither renamed nor removed.
    public static func isAppendOnly(_ folder: RawPath) -> Bool {
        let fd = folder.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let getFlags: UInt = 0x8008_6601  // _IOR('f', 1, long)
        let appendOnly = 0x20, immutable = 0x10  // FS_APPEND_FL, FS_IMMUTABLE_FL
        var flags = 0
        guard ioctl(fd, getFlags, &flags) == 0 else { return false }
        return flags & (appendOnly | immutable) != 0
    }
}
