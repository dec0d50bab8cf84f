internal import Glibc

/// The layout of a reference file (the format is described at ``ReferenceVectors``): its 16-byte
/// header, the size the header implies, and the checksum trailer.
struct ReferenceHeader: Sendable {
    static let magic = "GANREF02"
    /// The magic of the first format, which had no checksum; no longer read.
    static let previousMagic = "GANREF01"
    static let size = 16
    static let trailerSize = 8
    /// The most points a file may declare (the committed files have about 110 000), so that a
    /// damaged header cannot ask for an absurd allocation: at most 380 MB at three quantities.
    static let maxPoints = 10_000_000

    var points: Int
    var quantities: Int

    /// The size of the whole file: header, logits, q columns of values and errors, trailer.
    var fileSize: Int { Self.size + 8 * points + quantities * 10 * points + Self.trailerSize }

    /// Reads the magic, n and q from the first bytes of `bytes` (which may be just the header).
    init(_ bytes: some Collection<UInt8>, source: String) throws {
        func malformed(_ reason: String) -> ReferenceError { .malformed(path: source, reason: reason) }
        let head = Array(bytes.prefix(Self.size))
        if head.starts(with: Self.previousMagic.utf8) {
            throw malformed("an old \(Self.previousMagic) file without a checksum (this version reads \(Self.magic))")
        }
        guard head.prefix(8).elementsEqual(Self.magic.utf8.prefix(head.count)) else {
            throw malformed("not a reference file (no \(Self.magic) header)")
        }
        guard head.count == Self.size else {
            throw malformed("truncated: \(bytes.count) bytes, shorter than the \(Self.size)-byte header")
        }
        func word(_ offset: Int) -> Int {
            (0..<4).reduce(0) { $0 | Int(head[offset + $1]) << (8 * $1) }
        }
        points = word(8)
        quantities = word(12)
        guard (1...Self.maxPoints).contains(points) else {
            throw malformed("the header declares \(points) points (1 to \(Self.maxPoints) allowed)")
        }
        guard quantities == 2 || quantities == 3 else {
            throw malformed("the header declares \(quantities) quantities (2 or 3 allowed)")
        }
    }

    /// Throws unless a file of `actualSize` bytes is exactly as long as this header says.
    func check(actualSize: Int, source: String) throws {
        guard actualSize != fileSize else { return }
        let what = actualSize < fileSize ? "truncated: \(actualSize) bytes" : "\(actualSize) bytes"
        throw ReferenceError.malformed(
            path: source, reason: "\(what) where the header's \(points) points and \(quantities) quantities need \(fileSize)")
    }
}

/// Reading a reference file without trusting it: the header is read and checked against the
/// file's size (fstat) before the body is read, so a huge or sparse file is rejected after 16 bytes.
enum ReferenceFile {
    /// The whole file at `path`, whose size matches its header.
    static func read(_ path: String) throws -> [UInt8] {
        func unreadable(_ reason: String) -> ReferenceError { .unreadable(path: path, reason: reason) }
        // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then rejected as not a regular file).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw unreadable(systemError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw unreadable(systemError()) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw unreadable("not a regular file") }
        let size = Int(info.st_size)

        var head = [UInt8](repeating: 0, count: min(size, ReferenceHeader.size))
        guard try readFully(fd, into: &head, path: path) == head.count else {
            throw unreadable("the file shrank while being read")
        }
        try ReferenceHeader(head, source: path).check(actualSize: size, source: path)

        var bytes = [UInt8](repeating: 0, count: size)
        guard try readFully(fd, into: &bytes, path: path) == size else {
            throw unreadable("the file shrank while being read")
        }
        return bytes
    }

    /// Reads from the start of `fd` until `buffer` is full or the file ends; returns the bytes read.
    private static func readFully(_ fd: Int32, into buffer: inout [UInt8], path: String) throws -> Int {
        try buffer.withUnsafeMutableBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(done))
                if n == 0 { break }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ReferenceError.unreadable(path: path, reason: systemError())
                }
                done += n
            }
            return done
        }
    }

    /// The text of the current `errno`.
    private static func systemError() -> String { String(cString: strerror(errno)) }
}
