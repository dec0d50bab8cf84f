import FoundationEssentials
import Glibc

/// Writing an output file so that a failure never leaves a partial file: the bytes go to a
/// temporary file in the target folder, which is then renamed into place (atomic on POSIX).
enum AtomicFile {
    enum Failure: Error, CustomStringConvertible {
        case folderMissing(String)
        case isFolder(String)
        case cannotWrite(String, String)

        var description: String {
            switch self {
            case .folderMissing(let f): "the folder \(f) does not exist; create it or choose another -o path"
            case .isFolder(let p): "\(p) is a folder; give a file name such as \(p)/figure.png"
            case .cannotWrite(let p, let why): "cannot write \(p): \(why)"
            }
        }
    }

    /// Checks that `path` can be written before any work is done.
    static func checkWritable(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: Bool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory {
            throw Failure.isFolder(path)
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory else {
            throw Failure.folderMissing(folder)
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw Failure.cannotWrite(path, "the folder \(folder) is not writable")
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw Failure.cannotWrite(path, String(cString: strerror(errno))) }
        var offset = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno)); return
                }
                offset += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw Failure.cannotWrite(path, failure)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary.path)
            throw Failure.cannotWrite(path, why)
        }
    }
}
