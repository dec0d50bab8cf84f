import Glibc

/// Temporary files of this tool's own naming, `.lossplot-<pid>-<8 hex digits>.tmp`, that a run
/// killed by SIGKILL (which no handler can catch) left behind; removed on the next write into
/// the same folder.
///
/// A file is stale when its process no longer exists (`kill(pid, 0)` fails with ESRCH), so a
/// run writing into the same folder at the same time keeps its file. (This assumes the runs that
/// share a folder share one PID namespace.)
enum StaleTemporaries {
    static let prefix = Array(".lossplot-".utf8)
    static let suffix = Array(".tmp".utf8)

    /// The name of this process's temporary file number `random`.
    static func name(random: UInt32) -> [UInt8] {
        let digits = String(random, radix: 16)
        return prefix + Array("\(getpid())-\(String(repeating: "0", count: 8 - digits.count))\(digits)".utf8) + suffix
    }

    /// The process id in a name of our own naming, or nil for any other name.
    static func owner(ofName name: [UInt8]) -> pid_t? {
        guard name.starts(with: prefix), name.count >= prefix.count + 1 + 1 + 8 + suffix.count,
              name.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        let middle = name[prefix.count..<(name.count - suffix.count)]
        guard let dash = middle.firstIndex(of: UInt8(ascii: "-")),
              let pid = pid_t(String(decoding: middle[..<dash], as: UTF8.self)), pid > 0 else { return nil }
        let random = middle[(dash + 1)...]
        guard random.count == 8, random.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) })
        else { return nil }
        return pid
    }

    /// Removes the stale temporaries in `folder`; returns how many.
    @discardableResult
    static func remove(in folder: RawPath) -> Int {
        guard let directory = folder.withCString({ opendir($0) }) else { return 0 }
        defer { closedir(directory) }
        var removed = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            guard let pid = owner(ofName: name), pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else { continue }
            if folder.appending(name).withCString({ unlink($0) }) == 0 { removed += 1 }
        }
        return removed
    }
}
