import Foundation
import FoundationXML
import LossFigures
import LossMath
import LossPlot
import Testing

/// Runs the built tool with generated argument lists for every subcommand — valid, invalid and
/// mixed — and holds it to the rules of a trusted Unix tool: it exits by itself with 0, 1 or 64
/// (never a signal or a trap), a failure prints exactly one line on standard error, and no output
/// file is left partial or truncated. Bounded for CI; `FUZZ_ITERATIONS=N` runs N per shard.
@Suite("Fuzzing the command line", .serialized)
struct FuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"] ?? "") ?? 30
    static let shards = 4

    @Test("every generated command exits 0, 1 or 64 with one-line errors and whole files", arguments: 0..<shards)
    func fuzz(shard: Int) throws {
        var rng = SeededGenerator(seed: 0x6A6E_6C6F_7373_0000 &+ UInt64(shard))
        let mounts = Mounts()
        defer { mounts.unmount() }
        var outcomes: [String: Int] = [:]
        for run in 0..<Self.iterations {
            let folder = try Tool.temporaryFolder("fuzz")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("existing-folder"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let arguments = ArgumentFuzzer.arguments(&rng, mounts: mounts)
            let result = try TimedRun.run(arguments, in: folder, timeout: 60)
            let described = "run \(shard).\(run): gan-losses \(arguments.map { $0.count > 60 ? String($0.prefix(60)) + "…" : $0 })"
            outcomes[result.outcome, default: 0] += 1
            #expect(result.exitedNormally, "\(described) ended by \(result.outcome)")
            #expect([0, 1, 64].contains(result.status), "\(described) exited \(result.status): \(result.stderr)")
            if result.status != 0 {
                let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
                #expect(lines.count == 1, "\(described): stderr \(result.stderr.debugDescription)")
            } else {
                #expect(result.stderr.isEmpty, "\(described): stderr on success \(result.stderr.debugDescription)")
            }
            for place in [folder] + mounts.folders {
                for problem in OutputFiles.problems(in: place) { Issue.record("\(described): \(problem)") }
            }
            mounts.clean()
        }
        print("fuzz shard \(shard): \(Self.iterations) runs, outcomes \(outcomes.sorted { $0.key < $1.key })")
    }
}

/// Generated argument lists.
enum ArgumentFuzzer {
    static let numbers = ["0", "-0", "1", "-1", "0.5", "-3.5", "1e-300", "5e-324", "-5e-324", "1.7976931348623157e308",
                          "-1.7976931348623157e308", "1e309", "-1e309", "nan", "-nan", "inf", "-inf", "", "abc", "1e",
                          "0x1p-3", "٣", "１", "🙂", "--", String(repeating: "9", count: 400), "745", "-745", "40", "0.999999"]
    static let losses = ["minimax", "mm,ns", "all", "", ",", "MINIMAX", "bogus", "ns,ns,ns", "mínimax", "lsgan,ragan",
                         "lssigmoid", "wgan,hinge", String(repeating: "mm,", count: 300) + "mm", "modified, ls"]
    static let ranges = [":", "1:", ":1", "5:1", "0:0", "0:1", "0.2:0.8", "-10:10", "-1e308:1e308",
                         "-1.7976931348623157e308:1.7976931348623157e308", "1e-300:2e-300", "nan:1", "-inf:inf",
                         "1e-12:1", "-0:0.5", "1:2:3", "a:b", "0.999:0.9999999", "-30:5"]
    static let formats = ["table", "csv", "json", "xml", "", "CSV"]
    static let figureNames = CourseFigure.allCases.map(\.name) + ["nope", "", "gradient-vs-d,label-smoothing"]
    static let texts = ["$\\partial L_G/\\partial\\ell$", "$", "$$", "\\", "plain", "ünïcødé ∂σℓ", "",
                        String(repeating: "A", count: 3000), "$x^{y_{z^{w}}}$", "$\\unknown{x}$", "a\nb"]

    /// The values of each pool that a valid command accepts, for the runs that lean valid.
    static let validNumbers = ["0", "-0", "1", "-1", "0.5", "-3.5", "1e-300", "5e-324", "-5e-324", "1.7976931348623157e308",
                               "-1.7976931348623157e308", "inf", "-inf", "745", "-745", "40"]
    static let validD = ["0", "1", "0.5", "1e-300", "5e-324", "0.999999", "1e-12"]
    static let validLosses = ["minimax", "mm,ns", "all", "MINIMAX", "ns,ns,ns", "lsgan,ragan", "lssigmoid", "wgan,hinge",
                              "modified, ls"]
    static let validRanges = ["0:1", "0.2:0.8", "1e-12:1", "0.999:0.9999999", "1e-300:2e-300"]
    static let validLogitRanges = ["-10:10", "-30:5", "-1e300:1e300", "700:800", "-0:0.5", "-800:-700"]

    static func pick<T>(_ options: [T], _ rng: inout SeededGenerator) -> T { options[Int(rng.next() % UInt64(options.count))] }
    static func chance(_ p: Double, _ rng: inout SeededGenerator) -> Bool { Double(rng.next() % 1000) < p * 1000 }

    static func numberList(_ rng: inout SeededGenerator) -> String {
        (0..<(1 + Int(rng.next() % 3))).map { _ in pick(numbers, &rng) }.joined(separator: ",")
    }

    static func option(_ name: String, _ value: String, _ rng: inout SeededGenerator) -> [String] {
        chance(0.2, &rng) ? ["\(name)=\(value)"] : [name, value]
    }

    static func arguments(_ rng: inout SeededGenerator, mounts: Mounts) -> [String] {
        // Half the runs lean valid (every value from the accepted pools), so that the drawing and
        // writing paths are exercised as often as the error paths.
        let valid = chance(0.5, &rng)
        var a: [String] = []
        func maybe(_ p: Double, _ name: String, _ value: @autoclosure () -> String) {
            if chance(valid ? min(1, p + 0.2) : p, &rng) { a += option(name, value(), &rng) }
        }
        func list(_ pool: [String]) -> String {
            (0..<(1 + Int(rng.next() % 3))).map { _ in pick(pool, &rng) }.joined(separator: ",")
        }
        let paths = ["out.png", "out.svg", "out.pdf", "out.gif", "existing-folder", "missing/out.png", "out", ".png",
                     "", "existing-folder/f.pdf", "OUT.PNG"] + mounts.folders.map { $0.appendingPathComponent("f.png").path }
        let validPaths = ["out.png", "out.svg", "out.pdf", "existing-folder/f.pdf", "OUT.PNG"]
        switch rng.next() % 13 {
        case 11:
            a = ["simulate", pick(valid ? ["dirac", "gradient-decay"] : ["dirac", "gradient-decay", "mixture", ""], &rng)]
            if a[1] == "dirac" || !valid { maybe(0.5, "--loss", pick(valid ? ["minimax", "r1,wgan-gp", "nonsat,wgan"] : ["minimax", "bogus", "", "r1,"], &rng)) }
            maybe(0.5, "--steps", pick(valid ? ["1", "50", "300"] : ["0", "-1", "100001", "abc", "50"], &rng))
            maybe(0.4, "--lr", pick(valid ? ["0.1", "1", "0.01"] : ["0", "-1", "nan", "inf", "1e-300", "0.1"], &rng))
            if a[1] == "gradient-decay" { maybe(0.3, "--seed", pick(valid ? ["1", "2017"] : ["-1", "abc", "1"], &rng)) }
            maybe(0.4, "--csv", pick(valid ? ["t.csv", "existing-folder/t.csv"] : ["t.csv", "missing/t.csv", "existing-folder", ""], &rng))
            maybe(0.4, "-o", pick(valid ? validPaths : paths, &rng))
        case 0:
            a = ["list"]
            maybe(0.5, "--format", pick(valid ? ["table", "csv", "json"] : formats, &rng))
        case 1, 2, 3:
            a = ["eval"]
            a += option("--loss", pick(valid ? validLosses : losses, &rng), &rng)
            if valid && chance(0.5, &rng) { a += option("--d", list(validD), &rng) }
            else { maybe(0.7, "--logit", valid ? list(validNumbers) : numberList(&rng)) }
            if !valid { maybe(0.3, "--d", numberList(&rng)) }
            maybe(0.2, "--real-logit", pick(valid ? validNumbers : numbers, &rng))
            maybe(0.2, "--ls-target", pick(valid ? ["1", "0", "-2.5", "1e300"] : numbers, &rng))
            maybe(0.3, "--precision", pick(valid ? ["double", "float"] : ["double", "float", "half"], &rng))
            maybe(0.4, "--format", pick(valid ? ["table", "csv", "json"] : formats, &rng))
        case 4:
            a = ["check"]
            maybe(0.5, "--loss", pick(valid ? validLosses : losses, &rng))
            a += option("--points", pick(valid ? ["4", "10", "200"] : ["4", "10", "0", "-5", "1000001", "abc", "200",
                                                                         "99999999999999999999", ""], &rng), &rng)
            maybe(0.3, "--format", pick(valid ? ["table", "csv", "json"] : formats, &rng))
        case 5, 6, 7, 8, 9:
            a = ["plot"]
            a += option("--loss", pick(valid ? validLosses : losses, &rng), &rng)
            let x = pick(valid ? ["d", "logit"] : ["d", "logit", "p"], &rng)
            maybe(0.6, "--x", x)
            maybe(0.5, "--y", pick(valid ? ["loss", "grad", "both"] : ["loss", "grad", "both", "q"], &rng))
            maybe(0.4, "--x-range", pick(valid ? (a.contains("logit") ? validLogitRanges : validRanges) : ranges, &rng))
            let logY = chance(0.3, &rng)
            if logY { a.append("--log-y") }
            maybe(0.3, "--y-range", pick(valid ? (logY ? ["1e-12:1", "1e-300:1e300"] : ["-5:5", "-1e300:1e300", "0:1"]) : ranges, &rng))
            maybe(0.3, "--theme", pick(valid ? ["paper", "slides"] : ["paper", "slides", "dark"], &rng))
            maybe(0.2, "--title", pick(texts, &rng))
            maybe(0.2, "--width", pick(valid ? ["6.4", "1", "40", "3"] : ["6.4", "1", "0.5", "40", "41", "nan", "inf", "-3", "1e308", "3"], &rng))
            maybe(0.2, "--height", pick(valid ? ["4.8", "1", "2"] : ["4.8", "1", "0.5", "40", "41", "nan", "-inf", "2"], &rng))
            maybe(0.3, "--dpi", pick(valid ? ["150", "72", "10", "30"] : ["150", "72", "10", "9", "1200", "1201", "0", "-1", "nan", "1e-300", "abc", "30"], &rng))
            maybe(0.9, "-o", pick(valid ? validPaths : paths, &rng))
            maybe(0.1, "--real-logit", pick(valid ? validNumbers : numbers, &rng))
        case 10:
            a = ["figures"]
            a += option("--only", pick(valid ? Array(figureNames.prefix(9)) : figureNames, &rng), &rng)
            maybe(0.6, "--out", pick((valid ? [".", "existing-folder", "new-folder"]
                                      : [".", "existing-folder", "new-folder", "missing/deeper", "out.png", ""])
                                      + mounts.folders.map(\.path), &rng))
            maybe(0.5, "--format", pick(valid ? ["png", "svg", "pdf", "svg,svg"] : ["png", "svg", "pdf", "png,svg,pdf", "gif", "", "svg,svg"], &rng))
            maybe(0.3, "--theme", pick(["paper", "slides"], &rng))
            maybe(0.3, "--dpi", pick(valid ? ["150", "30"] : ["150", "30", "0", "601", "nan"], &rng))
        default:
            a = [pick(["", "bogus", "--help", "-h", "--version", "help", "eval", "plot --loss", "🙂"], &rng)]
        }
        // Sometimes repeat a flag or add junk.
        if a.count > 2, chance(0.15, &rng) { a += Array(a[1...2]) }
        if !valid, chance(0.1, &rng) { a.append(pick(["--bogus", "extra", "-x", "--", "--loss"], &rng)) }
        return a
    }
}

/// A run with its output in files (no pipes to fill) and a time limit.
enum TimedRun {
    struct Result {
        var status: Int32
        var exitedNormally: Bool
        var stdout: String
        var stderr: String
        var outcome: String
    }

    static func run(_ arguments: [String], in folder: URL, timeout: TimeInterval) throws -> Result {
        let outURL = folder.appendingPathComponent(".stdout"), errURL = folder.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = Tool.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(2000) }
        var timedOut = false
        if process.isRunning { timedOut = true; process.terminate(); process.waitUntilExit() }
        process.waitUntilExit()
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        let normal = process.terminationReason == .exit && !timedOut
        let outcome = timedOut ? "timeout" : (normal ? "exit \(process.terminationStatus)" : "signal \(process.terminationStatus)")
        return Result(status: process.terminationStatus, exitedNormally: normal, stdout: stdout, stderr: stderr, outcome: outcome)
    }
}

/// Checks that image files in a folder are whole.
enum OutputFiles {
    static func problems(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var problems: [String] = []
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            if name.hasSuffix(".tmp") { problems.append("temporary file left behind: \(name)"); continue }
            guard let data = try? Data(contentsOf: url) else { continue }
            switch url.pathExtension.lowercased() {
            case "png":
                if PNGImage(Array(data)) == nil { problems.append("\(name) is not a whole PNG (\(data.count) bytes)") }
            case "svg":
                let parser = XMLParser(data: data)
                if !parser.parse() || !String(decoding: data.suffix(16), as: UTF8.self).contains("</svg>") {
                    problems.append("\(name) is not a whole SVG (\(data.count) bytes)")
                }
            case "pdf":
                let tail = String(decoding: data.suffix(32), as: UTF8.self)
                if !data.starts(with: Array("%PDF".utf8)) || !tail.contains("%%EOF") {
                    problems.append("\(name) is not a whole PDF (\(data.count) bytes)")
                }
            default: break
            }
        }
        return problems
    }
}

/// A 20 KiB tmpfs (a full disk for any figure) and a read-only tmpfs, where this machine lets
/// the tests mount them (root with mount(8)); otherwise none, and those cases are skipped.
final class Mounts: @unchecked Sendable {
    private(set) var folders: [URL] = []

    init() {
        for options in ["size=20k", "ro,size=20k"] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("gan-losses-mnt-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            if Self.shell(["mount", "-t", "tmpfs", "-o", options, "tmpfs", url.path]) { folders.append(url) }
            else { try? FileManager.default.removeItem(at: url) }
        }
    }

    /// Empties the writable mount between runs.
    func clean() {
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    func unmount() {
        for folder in folders {
            _ = Self.shell(["umount", folder.path])
            try? FileManager.default.removeItem(at: folder)
        }
    }

    static func shell(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
