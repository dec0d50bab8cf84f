import Foundation

/// Runs the tool through bash, for what `Process` cannot set up: a redirected or closed standard
/// output, a pipe, an address-space limit, and arguments that are not UTF-8 (an argument
/// `RAW:…` is passed through `printf %b`, so `RAW:caf\0351` is the bytes `caf\xE9`).
enum Shell {
    static func run(_ arguments: [String], stdout: String, in folder: URL?, limitKB: Int? = nil) throws -> Tool.Result {
        let script = """
            tool=$1; shift; args=()
            for a in "$@"; do case $a in RAW:*) args+=("$(printf '%b' "${a#RAW:}")");; *) args+=("$a");; esac; done
            \(limitKB.map { "ulimit -v \($0)" } ?? ":")
            set -o pipefail
            "$tool" "${args[@]}" \(stdout)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, "bash", Tool.executable.path] + arguments
        if let folder { process.currentDirectoryURL = folder }
        let err = Pipe(), out = Pipe()
        process.standardError = err
        process.standardOutput = out
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Tool.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                           stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Directory listings as bytes (Foundation would decode names as UTF-8).
enum RawDirectory {
    static func names(in folder: URL) -> [[UInt8]] { names(atRaw: Array(folder.path.utf8)) }

    static func names(atRaw path: [UInt8]) -> [[UInt8]] {
        guard let directory = (path.map(CChar.init(bitPattern:)) + [0]).withUnsafeBufferPointer({ opendir($0.baseAddress!) }) else { return [] }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        return names
    }
}

/// The append-only attribute (chattr +a), where this machine lets the tests set it.
enum AppendOnly {
    static var available: Bool {
        guard let dir = try? Tool.temporaryFolder("chattr") else { return false }
        defer { set(dir, false); try? FileManager.default.removeItem(at: dir) }
        return set(dir, true)
    }

    @discardableResult
    static func set(_ folder: URL, _ on: Bool) -> Bool { Mounts.shell(["chattr", on ? "+a" : "-a", folder.path]) }
}

/// A run interrupted by a signal: sent as soon as the tool creates its `afterTemporaries + 1`-th
/// temporary file in `folder` (seen through inotify), so that it lands in the middle of a write,
/// or after a delay.
enum SignalRun {
    enum Trigger {
        case temporary(Int)
        case delay(milliseconds: Int)
    }

    struct Outcome: CustomStringConvertible {
        var signalled: Int32?
        var status: Int32
        var leftover: [String]
        var description: String { signalled.map { "signal \($0)" } ?? "exit \(status)" }
    }

    static func interrupt(_ arguments: [String], folder: URL, signal: Int32, afterTemporaries: Int) throws -> Outcome {
        try interrupt(arguments, folder: folder, signal: signal, trigger: .temporary(afterTemporaries))
    }

    static func interrupt(_ arguments: [String], folder: URL, signal: Int32, trigger: Trigger) throws -> Outcome {
        let watch = inotify_init1(Int32(IN_CLOEXEC))
        guard watch >= 0 else { throw POSIXError(.EINVAL) }
        defer { close(watch) }
        inotify_add_watch(watch, folder.path, UInt32(IN_CREATE))
        let process = Process()
        process.executableURL = Tool.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if case .delay(let milliseconds) = trigger {
            usleep(UInt32(milliseconds) * 1000)
            kill(process.processIdentifier, signal)
        }
        let afterTemporaries: Int
        if case .temporary(let n) = trigger { afterTemporaries = n } else { afterTemporaries = .max }
        var seen = 0
        var buffer = [UInt8](repeating: 0, count: 8192)
        var poller = pollfd(fd: watch, events: Int16(POLLIN), revents: 0)
        waiting: while process.isRunning && afterTemporaries != .max {
            guard poll(&poller, 1, 50) > 0 else { continue }
            let n = read(watch, &buffer, buffer.count)
            var offset = 0
            while offset + 16 <= n {
                let length = Int(buffer[offset + 12]) | Int(buffer[offset + 13]) << 8
                let name = String(decoding: buffer[(offset + 16)..<(offset + 16 + length)].prefix(while: { $0 != 0 }), as: UTF8.self)
                offset += 16 + length
                if name.hasSuffix(".tmp") {
                    if seen == afterTemporaries { kill(process.processIdentifier, signal); break waiting }
                    seen += 1
                }
            }
        }
        process.waitUntilExit()
        let leftover = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".tmp") }
            + OutputFiles.problems(in: folder).filter { !$0.hasPrefix("temporary file") }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        let signalled = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
        return Outcome(signalled: signalled, status: process.terminationStatus, leftover: leftover)
    }
}
