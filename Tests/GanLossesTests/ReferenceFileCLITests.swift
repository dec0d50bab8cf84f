import Foundation
import Glibc
import Testing

@Suite("gan-losses check: missing, damaged or oversized reference files")
struct ReferenceFileCLITests {
    /// The committed reference files, Sources/LossMath/Resources/reference.
    static let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LossMath/Resources/reference")

    /// `gan-losses check --loss mm` with GAN_LOSSES_REFERENCE_DIR = `folder`, and how long it took.
    /// It must exit 1 with nothing on stdout and exactly one line on stderr, which is returned.
    static func check(referenceFolder folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> (message: String, elapsed: Duration) {
        var environment = ProcessInfo.processInfo.environment
        environment["GAN_LOSSES_REFERENCE_DIR"] = folder
        let start = ContinuousClock.now
        let r = try Tool.run(["check", "--loss", "mm"], environment: environment)
        let elapsed = ContinuousClock.now - start
        #expect(r.status == 1, "\(r.stdout)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(r.stderr.hasSuffix("\n") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)",
                sourceLocation: sourceLocation)
        return (r.stderr, elapsed)
    }

    /// A temporary copy of the committed files, less those named in `leaving`.
    static func copy(leaving omitted: Set<String> = []) throws -> URL {
        let folder = try Tool.temporaryFolder("ref")
        for name in try FileManager.default.contentsOfDirectory(atPath: committed.path)
        where name.hasSuffix(".ref") && !omitted.contains(name) {
            try FileManager.default.copyItem(at: committed.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test("a folder that does not exist: an error naming the variable, no fallback to the source tree")
    func nonexistentFolder() throws {
        let (message, _) = try Self.check(referenceFolder: "/nonexistent")
        #expect(message.hasPrefix("Error: GAN_LOSSES_REFERENCE_DIR=/nonexistent: no such folder; set it to a folder holding"))
    }

    @Test("a folder without minimax.ref: an error naming the folder and the file")
    func missingFile() throws {
        let folder = try Self.copy(leaving: ["minimax.ref"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("nonsat.ref").path))
        let (message, _) = try Self.check(referenceFolder: folder.path)
        #expect(message.hasPrefix("Error: GAN_LOSSES_REFERENCE_DIR=\(folder.path): no minimax.ref in the folder; "))
    }

    @Test("one flipped bit: a corrupt file (checksum mismatch), not accuracy failures")
    func flippedBit() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("minimax.ref")
        var bytes = try Data(contentsOf: file)
        bytes[1_000_000] ^= 0x10   // a bit of a rounded value of L
        try bytes.write(to: file)
        let (message, _) = try Self.check(referenceFolder: folder.path)
        #expect(message.hasPrefix("Error: corrupt reference file \(file.path) (checksum mismatch: stored 0x"))
    }

    @Test("a 3 GB sparse file: rejected from its size at once, without reading it")
    func sparseFile() throws {
        let folder = try Tool.temporaryFolder("ref")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("minimax.ref")
        // The real file's header (110 715 points, 3 quantities), then 3 GB of holes.
        try Data(contentsOf: Self.committed.appendingPathComponent("minimax.ref")).prefix(16).write(to: file)
        #expect(truncate(file.path, 3 << 30) == 0)
        let (message, elapsed) = try Self.check(referenceFolder: folder.path)
        #expect(message.contains("malformed reference file \(file.path): 3221225472 bytes where the header's 110715 points"))
        // Reading the file whole took 20 s and 6 GB; the tool's start-up alone is a fraction of this.
        #expect(elapsed < .seconds(3), "took \(elapsed)")
    }
}
