import Foundation
import LossFigures
import Testing

/// What the tool does when its output cannot be written or its run is cut short: never exit 0
/// after losing data, never leave a temporary file, never echo hostile input unbounded.
@Suite("Output safety")
struct OutputSafetyTests {
    static func folder() throws -> URL { try Tool.temporaryFolder("safe") }

    /// Every subcommand that prints, with arguments that make it print.
    static let printing: [[String]] = [
        ["list"], ["eval", "--loss", "mm", "--logit", "0"], ["check", "--loss", "wgan", "--points", "4"],
        ["simulate", "dirac", "--steps", "10"], ["plot", "--loss", "mm"],
        ["figures", "--only", "gradient-vs-d", "--format", "svg", "--out", "f"], ["bench", "--n", "1000", "--reps", "1"],
        ["--help"], ["--version"], ["eval", "--help"],
    ]

    @Test("standard output that cannot be written is an error, never exit 0", arguments: ["/dev/full", "closed"])
    func standardOutputFails(target: String) throws {
        for arguments in Self.printing {
            let dir = try Self.folder()
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try Shell.run(arguments, stdout: target == "closed" ? ">&-" : ">\(target)", in: dir)
            #expect(r.status == 1, "\(arguments) \(target): status \(r.status), stderr \(r.stderr)")
            #expect(r.stderr.hasPrefix("Error: cannot write to standard output: "), "\(arguments): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)")
        }
    }

    @Test("a closed standard output is never reused for a file the tool opens")
    func closedStandardOutputNotReused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Shell.run(["plot", "--loss", "mm"], stdout: ">&-", in: dir)
        #expect(r.status == 1)
        let png = try Data(contentsOf: dir.appendingPathComponent("minimax-loss-vs-d.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the figure holds a PNG, not the path printed into it")
        #expect(png.count > 10_000)
    }

    @Test("a stdout that fills a small disk loses no data silently", .enabled(if: Mounts.canMount))
    func fullDiskOnStandardOutput() throws {
        let mounts = Mounts()
        defer { mounts.unmount() }
        let full = try #require(mounts.folders.first)
        // 4002 rows, about 150 KB, into a 20 KB file system (a longer run only takes longer to
        // compute: 100000 steps took three minutes in a debug build).
        let r = try Shell.run(["simulate", "dirac", "--loss", "minimax", "--steps", "2000"], stdout: ">'\(full.path)/traj.csv'", in: full)
        #expect(r.status == 1)
        #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
    }

    @Test("a reader that stops early does not change the exit status")
    func brokenPipeKeepsStatus() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ok = try Shell.run(["list"], stdout: "| true", in: dir)
        #expect(ok.status == 0 && ok.stderr.isEmpty, "\(ok)")
        // figures prints the first file's path into the closed pipe, then fails to write the
        // second (a folder stands in its place): the failure must still exit 1.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("F/gradient-vs-d.svg"), withIntermediateDirectories: true)
        let failing = try Shell.run(["figures", "--only", "label-smoothing,gradient-vs-d", "--format", "svg", "--out", "F"],
                                    stdout: "| true", in: dir)
        #expect(failing.status == 1, "\(failing)")
        #expect(failing.stderr.contains("gradient-vs-d.svg"), "\(failing.stderr)")
    }

    @Test("SIGTERM, SIGINT and SIGHUP during a write leave no temporary file", arguments: [SIGTERM, SIGINT, SIGHUP])
    func signalsDuringWrites(signal: Int32) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for skip in [0, 2, 5] {
            let outcome = try SignalRun.interrupt(["figures", "--out", dir.path, "--only",
                                                   "gradient-vs-d,label-smoothing,lipschitz,gradient-penalty",
                                                   "--format", "png,svg,pdf", "--dpi", "200"],
                                                  folder: dir, signal: signal, afterTemporaries: skip)
            #expect(outcome.signalled == signal, "ended by \(outcome)")
            #expect(outcome.leftover.isEmpty, "left behind: \(outcome.leftover)")
        }
    }

    @Test("temporaries left by a killed run are removed by the next run into the folder; live ones stay")
    func staleTemporariesRemoved() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let stale = ".lossplot-\(dead.processIdentifier)-0000beef.tmp"
        let live = ".lossplot-\(getpid())-0000cafe.tmp"
        let foreign = ".figure.png.1.2.tmp"
        for name in [stale, live, foreign] { _ = FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data([1])) }
        let r = try Tool.run(["plot", "--loss", "mm", "-o", dir.appendingPathComponent("f.svg").path])
        #expect(r.status == 0, "\(r.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(names == [live, foreign, "f.svg"], "\(names.sorted())")
    }

    @Test("file names up to 255 bytes are written; longer ones are a usage error")
    func longNames() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for length in [234, 250, 255] {
            let name = String(repeating: "a", count: length - 4) + ".svg"
            let r = try Tool.run(["plot", "--loss", "mm", "-o", name], in: dir)
            #expect(r.status == 0, "\(length) bytes: \(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path))
        }
        let r = try Tool.run(["plot", "--loss", "mm", "-o", String(repeating: "a", count: 252) + ".svg"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.contains("256 bytes, more than the 255"), "\(r.stderr)")
        #expect(r.stderr.count < 300)
    }

    @Test("names that are not UTF-8 reach the file system byte for byte")
    func nonUTF8Names() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Shell.run(["plot", "--loss", "mm", "-o", "RAW:caf\\0351.svg"], stdout: ">/dev/null", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let f = try Shell.run(["figures", "--only", "gradient-vs-d", "--format", "svg", "--out", "RAW:d\\0377"], stdout: ">/dev/null", in: dir)
        #expect(f.status == 0, "\(f.stderr)")
        #expect(Set(RawDirectory.names(in: dir)) == [[0x63, 0x61, 0x66, 0xE9] + Array(".svg".utf8), [0x64, 0xFF]],
                "\(RawDirectory.names(in: dir))")
        #expect(RawDirectory.names(atRaw: Array(dir.path.utf8) + [0x2F, 0x64, 0xFF]) == [Array("gradient-vs-d.svg".utf8)])
        let bad = try Shell.run(["plot", "--loss", "mm", "-o", "RAW:nofolder\\0351/x.png"], stdout: "", in: dir)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("nofolder\\xE9"), "\(bad.stderr)")
    }

    @Test("messages quote a bounded, escaped excerpt of hostile input, on one line", arguments: [
        ["eval", "--loss", String(repeating: "x", count: 130_000)],
        ["eval", "--loss", "mm", "--logit", "1\u{1B}[31m,\n2"],
        ["plot", "--loss", "mm", "--x", "lo\ngit"],
        ["plot", "--loss", "mm", "-o", "a\nb/x.png"],
        ["plot", "--loss", "mm", "--x-range=" + String(repeating: "9", count: 50_000) + ":\u{202E}"],
        ["figures", "--only", "x\ny", "--out", "o"],
        ["simulate", "dirac", "--loss", "r1,\u{7}bell"],
    ])
    func boundedMessages(arguments: [String]) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Tool.run(arguments, in: dir)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n", omittingEmptySubsequences: false).count == 2, "one line: \(r.stderr.debugDescription)")
        #expect(r.stderr.utf8.count < 600, "\(r.stderr.utf8.count) bytes")
        #expect(!r.stderr.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" }, "\(r.stderr.debugDescription)")
        #expect(!r.stderr.contains("\u{202E}"))
    }

    @Test("a folder where files cannot be renamed into place is refused before any work", .enabled(if: AppendOnly.available))
    func appendOnlyFolder() throws {
        let dir = try Self.folder()
        defer { AppendOnly.set(dir, false); try? FileManager.default.removeItem(at: dir) }
        AppendOnly.set(dir, true)
        let r = try Tool.run(["plot", "--loss", "mm", "-o", dir.appendingPathComponent("x.png").path])
        #expect(r.status == 64)
        #expect(r.stderr.contains("append-only"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// A figure that trains a GAN: the ring of mode-collapse, or in an unoptimized build (where the
    /// ring takes hours) the gradient decay.
    static let simulating = CourseFigure.unoptimized ? "generator-gradient-decay" : "mode-collapse"

    @Test("figures checks every figure's pixels before writing any file")
    func pixelBudgetBeforeWriting() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("F")
        let r = try Tool.run(["figures", "--width", "30", "--height", "20", "--dpi", "600", "--format", "png", "--out", out.path,
                              "--only", "gradient-vs-d,label-smoothing," + Self.simulating])
        #expect(r.status == 64)
        #expect(r.stderr.contains("gradient-vs-d") && r.stderr.contains("use --dpi"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written, not even the folder")
    }

    @Test("under an address-space limit figures draws within it, or refuses before writing")
    func addressSpaceLimit() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let only = ["--only", "all-generator-losses,\(Self.simulating),dirac-vector-fields", "--format", "png", "--dpi", "600"]
        let fits = try Shell.run(["figures", "--out", "big"] + only, stdout: ">/dev/null", in: dir, limitKB: 400_000)
        #expect(fits.status == 0, "\(fits.stderr)")
        #expect(OutputFiles.problems(in: dir).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("big").path).count == 3)
        let tight = try Shell.run(["figures", "--out", "small"] + only, stdout: ">/dev/null", in: dir, limitKB: 150_000)
        #expect(tight.status == 1)
        #expect(tight.stderr.contains("address-space limit (ulimit -v)"), "\(tight.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("small").path))
    }

    @Test("one rule for names: case is ignored for every named value", arguments: [
        ["plot", "--loss", "MINIMAX", "--x", "LOGIT", "--y", "Grad", "--theme", "SLIDES", "-o", "f.svg"],
        ["eval", "--loss", "mm", "--logit", "0", "--format", "JSON", "--precision", "FLOAT"],
        ["list", "--format", "CSV"],
        ["simulate", "DIRAC", "--loss", "R1", "--steps", "3"],
        ["figures", "--only", "GRADIENT-VS-D", "--format", "SVG", "--out", "f"],
    ])
    func caseRule(arguments: [String]) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Tool.run(arguments, in: dir)
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test("a loss parameter that takes the curves past what a figure can show is a usage error naming it")
    func curvesTooLarge() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for y in ["loss", "grad", "both"] {
            let r = try Tool.run(["plot", "--loss", "lsgan", "--ls-target", "1.79e308", "--y", y, "--x", "logit", "-o", "f.png"], in: dir)
            #expect(r.status == 64, "\(y): \(r.stderr)")
            #expect(r.stderr.contains("--ls-target") && !r.stderr.contains("-inf"), "\(y): \(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("figures --out with an empty name is a usage error")
    func emptyOut() throws {
        let r = try Tool.run(["figures", "--out", ""])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--out needs a folder name"), "\(r.stderr)")
    }
}
