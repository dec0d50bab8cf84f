import Foundation
import LossFigures
import LossPlot
import LossPlotCairo
import Testing

@Suite("Hardening")
struct HardeningTests {
    static func folder() throws -> URL { try Tool.temporaryFolder("hard") }

    @Test("numbers print and parse the same under LC_ALL=de_DE.UTF-8 as under C", arguments: [
        ["eval", "--loss", "all", "--logit", "-1.5,0.25,1e-300,1,5", "--format", "csv"],
        ["eval", "--loss", "mm", "--d", "0.25", "--precision", "float"],
        ["list", "--format", "json"],
        ["check", "--loss", "lssigmoid", "--points", "50"],
        ["plot", "--loss", "mm,ns", "--y", "grad", "--x", "logit", "-o", "f.svg"],
    ])
    func localeIndependent(arguments: [String]) throws {
        var outputs: [String] = []
        for locale in ["C", "de_DE.UTF-8"] {
            let dir = try Self.folder()
            defer { try? FileManager.default.removeItem(at: dir) }
            var environment = ProcessInfo.processInfo.environment
            environment["LC_ALL"] = locale
            environment["LANG"] = locale
            let r = try Tool.run(arguments, in: dir, environment: environment)
            #expect(r.status == 0, "\(locale): \(r.stderr)")
            var output = r.stdout
            if arguments.contains("-o") { output += String(decoding: try Data(contentsOf: dir.appendingPathComponent("f.svg")), as: UTF8.self) }
            outputs.append(output)
        }
        #expect(outputs[0] == outputs[1])
        #expect(!outputs[0].contains("0,25"), "no decimal comma")
    }

    @Test("a reader that stops early: `eval … | head -1` exits quietly")
    func brokenPipe() throws {
        let points = (0..<5_000).map { String($0 % 97) }.joined(separator: ",")
        let script = "set -o pipefail; \"$0\" eval --loss all --logit \"$1\" | head -1"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, Tool.executable.path, points]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pipeline status \(process.terminationStatus)")
        #expect(stdout.split(separator: "\n").count == 1)
        #expect(stderr.isEmpty, "\(stderr)")
    }

    @Test("two figures runs into one folder at once leave every file whole")
    func concurrentFigures() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for _ in 0..<3 {
            let runs = (0..<2).map { _ in
                let p = Process()
                p.executableURL = Tool.executable
                p.arguments = ["figures", "--out", dir.path, "--only", "label-smoothing,gradient-vs-d,discriminator-losses"]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                return p
            }
            for p in runs { try p.run() }
            for p in runs { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files.count == 9, "\(files)")
        #expect(OutputFiles.problems(in: dir).isEmpty, "\(OutputFiles.problems(in: dir))")
        // Whole, and the right bytes: equal to a fresh render.
        let backend = CairoBackend()
        let list = try FigureRenderer(measurer: backend).render(try CourseFigure.labelSmoothing.figure())
        #expect(try Data(contentsOf: dir.appendingPathComponent("label-smoothing.svg")) == Data(try backend.render(list, format: .svg, dpi: 150)))
    }

    @Test("a full disk fails with one line and leaves no partial file", .enabled(if: Mounts.canMount))
    func fullDisk() throws {
        let mounts = Mounts()
        defer { mounts.unmount() }
        let full = try #require(mounts.folders.first)
        let r = try Tool.run(["plot", "--loss", "all", "--y", "both", "-o", full.appendingPathComponent("f.png").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: full.path).isEmpty)
    }

    @Test("limits come with a message: list sizes, sweep points, pixels", arguments: [
        (["eval", "--loss", "mm", "--logit", Array(repeating: "0", count: 10_001).joined(separator: ",")], "more than the limit of 10000"),
        (["check", "--points", "1000001"], "from 4 to 1000000"),
        (["plot", "--loss", "mm", "--width", "40", "--height", "40", "--dpi", "201"], "more than the limit of 64000000"),
    ])
    func limits(arguments: [String], message: String) throws {
        let r = try Tool.run(arguments)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }
}

extension Mounts {
    /// Whether this machine lets the tests mount a tmpfs (root with mount(8)).
    static var canMount: Bool {
        let probe = Mounts()
        defer { probe.unmount() }
        return !probe.folders.isEmpty
    }
}
