internal import Glibc

/// The layout of a reference file (the formats are described at ``ReferenceVectors`` and
/// ``DiscriminatorReference``): its 16-byte header, the size the header implies, and the checksum
/// trailer.
struct ReferenceHeader: Sendable {
    /// The two kinds of file: a generator loss's, one logit per point, and a discriminator loss's,
    /// a pair of logits (ℓ_r, ℓ_f) per point.
    enum Layout: Sendable, Hashable {
        case generator
        case discriminator

        var magic: String {
            switch self {
            case .generator: "GANREF02"
            case .discriminator: "GANREFD1"
            }
        }

        /// The input logits of one point.
        var inputs: Int {
            switch self {
            case .generator: 1
            case .discriminator: 2
            }
        }

        /// The numbers of quantities allowed: without and with the derivatives in D.
        var quantityCounts: [Int] {
            switch self {
            case .generator: [2, 3]
            case .discriminator: [3, 5]
            }
        }
    }

    /// The magic of the first generator format, which had no checksum; no longer read.
    static let previousMagic = "GANREF01"
    static let size = 16
    static let trailerSize = 8
    /// The most points a file may declare (the committed files have about 110 000), so that a
    /// damaged header cannot ask for an absurd allocation: at most 660 MB.
    static let maxPoints = 10_000_000

    var layout: Layout
    var points: Int
    var quantities: Int

    /// Where the first quantity's column starts, after the header and the input logits.
    var firstColumn: Int { Self.size + 8 * layout.inputs * points }

    /// The size of the whole file: header, logits, q columns of values and errors, trailer.
    var fileSize: Int { firstColumn + quantities * 10 * points + Self.trailerSize }

    /// Reads the magic, n and q from the first bytes of `bytes` (which may be just the header).
    init(_ bytes: some Collection<UInt8>, source: String) throws {
        func malformed(_ reason: String) -> ReferenceError { .malformed(path: source, reason: reason) }
        let head = Array(bytes.prefix(Self.size))
        if head.starts(with: Self.previousMagic.utf8) {
            throw malformed("an old \(Self.previousMagic) file without a checksum (this version reads \(Layout.generator.magic))")
        }
        guard let layout = [Layout.generator, .discriminator].first(where: { head.prefix(8).elementsEqual($0.magic.utf8.prefix(head.count)) }) else {
            throw malformed("not a reference file (no \(Layout.generator.magic) or \(Layout.discriminator.magic) header)")
        }
        guard head.count == Self.size else {
            throw malformed("truncated: \(bytes.count) bytes, shorter than the \(Self.size)-byte header")
        }
        func word(_ offset: Int) -> Int {
            (0..<4).reduce(0) { $0 | Int(head[offset + $1]) << (8 * $1) }
        }
        self.layout = layout
        points = word(8)
        quantities = word(12)
        guard (1...Self.maxPoints).contains(points) else {
            throw malformed("the header declares \(points) points (1 to \(Self.maxPoints) allowed)")
        }
        guard layout.quantityCounts.contains(quantities) else {
            let allowed = layout.quantityCounts.map(String.init).joined(separator: " or ")
            throw malformed("the header declares \(quantities) quantities (\(allowed) allowed)")
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

/// The checked contents of a reference file: its header, and its bytes read as little-endian
/// numbers, the checksum verified.
struct ReferenceBody {
    let header: ReferenceHeader
    let bytes: [UInt8]

    /// Parses the header of `bytes`, checks the size and the checksum, and that the file has the
    /// `expected` layout.
    init(_ bytes: [UInt8], expected: ReferenceHeader.Layout, source: String) throws {
        let header = try ReferenceHeader(bytes, source: source)
        try header.check(actualSize: bytes.count, source: source)
        guard header.layout == expected else {
            throw ReferenceError.malformed(path: source, reason: "a \(header.layout) file where a \(expected) file was expected")
        }
        self.header = header
        self.bytes = bytes
        let end = bytes.count - ReferenceHeader.trailerSize
        let stored = word(end, 8), computed = FNV1a.hash64(bytes[..<end])
        guard stored == computed else { throw ReferenceError.corrupt(path: source, stored: stored, computed: computed) }
    }

    /// The little-endian unsigned integer of `size` bytes at `offset`.
    func word(_ offset: Int, _ size: Int) -> UInt64 {
        (0..<size).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }

    /// The `Double` at `offset`.
    func double(_ offset: Int) -> Double { Double(bitPattern: word(offset, 8)) }

    /// Input logit `i` of input column `input` (0: the logit or ℓ_r; 1: ℓ_f).
    func input(_ input: Int, _ i: Int) -> Double {
        double(ReferenceHeader.size + 8 * (input * header.points + i))
    }

    /// Quantity column `q`: the rounded values and their errors in ULPs.
    func column(_ q: Int) -> [ReferenceValue] {
        let n = header.points
        let start = header.firstColumn + q * 10 * n
        return (0..<n).map { i in
            let error = Int16(truncatingIfNeeded: UInt16(word(start + 8 * n + 2 * i, 2)))
            return ReferenceValue(rounded: double(start + 8 * i), error: Double(error) / ReferenceVectors.errorScale)
        }
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
