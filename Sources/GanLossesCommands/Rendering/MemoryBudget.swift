import CMalloc
import Glibc

/// How much memory the tool lets its drawings hold at once.
///
/// Without a limit on the process, at most ``defaultBytes`` of working memory are in flight (so a
/// run stays within about 1 GB whatever the resolution). Under an address-space limit
/// (`ulimit -v`, RLIMIT_AS) the budget is what that limit leaves above the current size of the
/// process, less a reserve for thread stacks and the allocator; glibc's extra malloc arenas, each
/// of which reserves 64 MiB of address space, are turned off there (``prepareForLimit()``).
enum MemoryBudget {
    /// The working memory in flight when the process has no address-space limit.
    static let defaultBytes = 768 << 20
    /// Set aside under a limit for stacks, the allocator and libraries loaded later.
    static let reserveBytes = 24 << 20

    /// The process's address-space limit in bytes, or nil when there is none.
    static var addressSpaceLimit: Int? {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }  // RLIM_INFINITY
        return limit.rlim_cur > UInt(Int.max) ? nil : Int(limit.rlim_cur)
    }

    /// Under an address-space limit, one malloc arena: the others would each take 64 MiB of it.
    /// Call once at start, before any thread is made.
    static func prepareForLimit() {
        if addressSpaceLimit != nil { _ = mallopt(M_ARENA_MAX, 1) }
    }

    /// The bytes of working memory available now.
    static func available() -> Int {
        guard let limit = addressSpaceLimit else { return defaultBytes }
        return max(0, min(defaultBytes, limit - currentAddressSpace() - reserveBytes))
    }

    /// The process's current virtual size (VmSize in /proc/self/status), 0 if unknown.
    static func currentAddressSpace() -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix(while: { $0 != 0 }).map(UInt8.init(bitPattern:)), as: UTF8.self)
            guard text.hasPrefix("VmSize:") else { continue }
            let kilobytes = text.dropFirst(7).filter(\.isNumber)
            return (Int(kilobytes) ?? 0) * 1024
        }
        return 0
    }

    /// Megabytes, for messages.
    static func megabytes(_ bytes: Int) -> String { "\((bytes + (1 << 20) - 1) >> 20) MiB" }
}
