import Foundation
import Glibc
import LossMath
import Testing

/// A reference file in the GANREF02 layout (see ``ReferenceVectors``), built independently of the
/// reader: point i has logit i − 1, values 10i + q and errors (i + q) / 65534 ULP.
private func referenceFile(points n: Int, quantities q: Int, magic: String = "GANREF02", trailer: Bool = true) -> [UInt8] {
    var file = header(points: n, quantities: q, magic: magic)
    for i in 0..<n { file += bytes(Double(i - 1).bitPattern) }
    for quantity in 0..<q {
        for i in 0..<n { file += bytes(Double(10 * i + quantity).bitPattern) }
        for i in 0..<n { file += bytes(Int16(i + quantity)) }
    }
    return trailer ? file + bytes(fnv1a64(file)) : file
}

/// The 16-byte header: the magic, then n and q as little-endian UInt32.
private func header(points n: Int, quantities q: Int, magic: String = "GANREF02") -> [UInt8] {
    Array(magic.utf8) + bytes(UInt32(n)) + bytes(UInt32(q))
}

private func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }

/// FNV-1a 64, written from its definition: h = 0xcbf29ce484222325, h = (h ^ b) · 0x100000001b3 per byte.
private func fnv1a64(_ data: [UInt8]) -> UInt64 {
    data.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
}

/// The description of the `ReferenceError` that `body` throws (a test failure if it throws none
/// or another error), checked to be a single line.
private func rejection(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let error = #expect(throws: ReferenceError.self, sourceLocation: sourceLocation) { try body() }
    let text = error.map(String.init(describing:)) ?? "(nothing thrown)"
    #expect(!text.contains("\n"), "one line: \(text)", sourceLocation: sourceLocation)
    return text
}

private func parse(_ bytes: [UInt8], as loss: GeneratorLoss = .minimax) throws -> ReferenceVectors {
    try ReferenceVectors(loss: loss, data: Data(bytes), source: "test.ref")
}

@Suite("Reference files: format, checksum, size limits")
struct ReferenceFileTests {
    @Test("a GANREF02 file with a matching checksum parses, every value in its place")
    func wellFormed() throws {
        let vectors = try parse(referenceFile(points: 3, quantities: 3))
        #expect(vectors.points.map(\.logit) == [-1, 0, 1])
        let point = vectors.points[2]
        #expect(point.value == ReferenceValue(rounded: 20, error: 2 / 65534))
        #expect(point.gradientLogit == ReferenceValue(rounded: 21, error: 3 / 65534))
        #expect(point.gradientD == ReferenceValue(rounded: 22, error: 4 / 65534))
        let raw = try parse(referenceFile(points: 2, quantities: 2), as: .lsgan)
        #expect(raw.points.count == 2 && raw.points.allSatisfy { $0.gradientD == nil })
    }

    @Test("a truncated file is malformed and says how short it is")
    func truncated() {
        let file = referenceFile(points: 3, quantities: 3)   // 16 + 24 + 90 + 8 = 138 bytes
        #expect(file.count == 138)
        #expect(rejection { _ = try parse(Array(file.dropLast())) }.contains("truncated: 137 bytes where the header's 3 points and 3 quantities need 138"))
        #expect(rejection { _ = try parse(Array(file.dropLast(8))) }.contains("truncated: 130 bytes"))
        #expect(rejection { _ = try parse(Array(file.prefix(12))) }.contains("truncated: 12 bytes, shorter than the 16-byte header"))
        #expect(rejection { _ = try parse([]) }.contains("truncated: 0 bytes"))
        #expect(rejection { _ = try parse(file + [0]) }.contains("139 bytes where the header's 3 points and 3 quantities need 138"))
    }

    @Test("a header asking for too many points or an unknown number of quantities is refused",
          arguments: [(10_000_001, 3, "10000001 points (1 to 10000000 allowed)"),
                      (Int(UInt32.max), 3, "4294967295 points"),
                      (0, 3, "0 points"),
                      (2, 4, "4 quantities (2 or 3 allowed)")])
    func absurdHeader(points: Int, quantities: Int, reason: String) {
        var file = referenceFile(points: 2, quantities: 3)
        file.replaceSubrange(0..<16, with: header(points: points, quantities: quantities))
        #expect(rejection { _ = try parse(file) }.contains(reason))
    }

    @Test("a wrong checksum reads as a corrupt file, with both sums")
    func badChecksum() {
        var file = referenceFile(points: 3, quantities: 3)
        let good = fnv1a64(Array(file.dropLast(8)))
        file[file.count - 1] ^= 0x80
        let message = rejection { _ = try parse(file) }
        #expect(message.hasPrefix("corrupt reference file test.ref (checksum mismatch: stored 0x"))
        #expect(message.contains(String(format: "contents 0x%016llx", good)) && message.contains("make_reference.py"))
    }

    @Test("every single flipped bit is rejected; past the header, as a checksum mismatch")
    func everyFlippedBit() {
        let file = referenceFile(points: 2, quantities: 3)
        for index in file.indices {
            for bit in 0..<8 {
                var damaged = file
                damaged[index] ^= 1 << bit
                let message = rejection { _ = try parse(damaged) }
                if index >= 16 { #expect(message.contains("(checksum mismatch"), "byte \(index) bit \(bit): \(message)") }
            }
        }
    }

    @Test("the old GANREF01 format is refused with a message saying so")
    func oldFormat() {
        let old = referenceFile(points: 3, quantities: 3, magic: "GANREF01", trailer: false)
        let message = rejection { _ = try parse(old) }
        #expect(message.contains("an old GANREF01 file without a checksum (this version reads GANREF02)"))
        #expect(message.contains("python3 tools/make_reference.py"))
        #expect(rejection { _ = try parse(Array("GANREF03".utf8) + old.dropFirst(8)) }.contains("not a reference file"))
    }

    @Test("a file with the wrong number of quantities for the loss is refused")
    func quantitiesOfAnotherLoss() {
        #expect(rejection { _ = try parse(referenceFile(points: 2, quantities: 2), as: .minimax) }
            .contains("2 quantities, but minimax has 3"))
        #expect(rejection { _ = try parse(referenceFile(points: 2, quantities: 3), as: .wgan) }
            .contains("3 quantities, but wgan has 2"))
    }

    @Test("a 3 GB sparse file is rejected from its size, without reading it")
    func sparseFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("minimax.ref").path
        // A valid header (110 715 points, 3 quantities, as the real file), then 3 GB of holes.
        try Data(header(points: 110_715, quantities: 3)).write(to: URL(fileURLWithPath: path))
        #expect(truncate(path, 3 << 30) == 0)
        let before = peakMemoryKB(), start = ContinuousClock.now
        let message = rejection { _ = try ReferenceVectors(loss: .minimax, file: path) }
        let elapsed = ContinuousClock.now - start
        #expect(message.contains("3221225472 bytes where the header's 110715 points and 3 quantities need 4207194"))
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        #expect(peakMemoryKB() - before < 256 * 1024, "the peak memory grew")
        // Without a header at all: refused after the first 16 bytes.
        #expect(truncate(path, 0) == 0 && truncate(path, 3 << 30) == 0)
        #expect(rejection { _ = try ReferenceVectors(loss: .minimax, file: path) }.contains("not a reference file"))
    }

    @Test("a folder or a FIFO in place of the file is refused, without waiting for a writer")
    func notARegularFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.appendingPathComponent("minimax.ref").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        #expect(rejection { _ = try ReferenceVectors(loss: .minimax, file: directory) }.contains("not a regular file"))
        let fifo = folder.appendingPathComponent("nonsat.ref").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(rejection { _ = try ReferenceVectors(loss: .nonsat, file: fifo) }.contains("not a regular file"))
    }
}

@Suite("Reference folder: GAN_LOSSES_REFERENCE_DIR")
struct ReferenceFolderTests {
    static let variable = "GAN_LOSSES_REFERENCE_DIR"

    @Test("unset: the source tree's copy is read")
    func unset() throws {
        let vectors = try ReferenceVectors.load(for: .minimax, environment: [:])
        #expect(vectors.points.count > 100_000)
    }

    @Test("set: a folder with the file is read")
    func override() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(referenceFile(points: 2, quantities: 2)).write(to: folder.appendingPathComponent("wgan.ref"))
        let vectors = try ReferenceVectors.load(for: .wgan, environment: [Self.variable: folder.path])
        #expect(vectors.points.map(\.logit) == [-1, 0], "the folder's file, not the committed one")
    }

    @Test("set: a missing, empty or non-folder value is an error naming the variable; no fallback")
    func badValues() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plainFile = folder.appendingPathComponent("plain").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: plainFile))
        func message(_ value: String, _ loss: GeneratorLoss = .minimax) -> String {
            rejection { _ = try ReferenceVectors.load(for: loss, environment: [Self.variable: value]) }
        }
        #expect(message("/nonexistent").hasPrefix("GAN_LOSSES_REFERENCE_DIR=/nonexistent: no such folder; set it to a folder holding"))
        #expect(message("/nonexistent/sub").contains("=/nonexistent/sub: no such folder"))
        #expect(message(plainFile).contains("=\(plainFile): not a folder;"))
        #expect(message(plainFile + "/x").contains("no such folder"))
        #expect(message("").contains("GAN_LOSSES_REFERENCE_DIR=(empty): the variable is empty"))
        // A folder lacking the loss's file: an error, although the source tree has it.
        #expect(message(folder.path).contains("GAN_LOSSES_REFERENCE_DIR=\(folder.path): no minimax.ref in the folder; "))
        #expect(message(folder.path, .ragan).contains("no ragan.ref in the folder"))
    }
}

/// A new, empty folder under the temporary directory.
private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("gan-losses-ref-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The peak resident memory of this process so far, in KB (getrusage's ru_maxrss).
private func peakMemoryKB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
}
