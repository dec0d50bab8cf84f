import Foundation
import FoundationXML
import LossFigures
import LossMath
import LossPlot
import LossPlotTesting
import LossPlotCairo
import Testing

/// Runs the built tool with generated argument lists for every subcommand — valid, invalid and
/// mixed, with deep nesting, 130 KB arguments, names that are not UTF-8 or 255 bytes long, and
/// standard output to a file, to /dev/full or closed — and holds it to the rules of a trusted Unix
/// tool: it exits by itself with 0, 1 or 64 (never a signal or a trap), a failure prints exactly
/// one line on standard error, no output file is left partial or truncated, no run takes over
/// 10 s or 1 GB, and a run whose standard output could not be written never exits 0 having
/// printed. Bounded for CI; `FUZZ_ITERATIONS=N` runs N per shard.
@Suite("Fuzzing the command line", .serialized,
       .enabled(if: !CourseFigure.unoptimized, "release only: the same generator runs there, on the tool users run, in a fraction of the time"))
struct FuzzTests {
    /// 30 per shard. The fuzzing suites run in the release build only (`make test` runs both):
    /// the debug tool is several times slower, and the runs would be the same.
    static let iterations = Int(ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"] ?? "") ?? 30
    static let shards = 4
    /// Every accepted input finishes within 10 s in a release build; a debug build (the library
    /// targets unoptimized) gets more.
    #if DEBUG
    static let secondsAllowed = 90.0
    #else
    static let secondsAllowed = 10.0
    #endif

    @Test("every generated command exits 0, 1 or 64 with one-line errors and whole files", arguments: 0..<shards)
    func fuzz(shard: Int) throws {
        var rng = SeededGenerator(seed: 0x6A6E_6C6F_7373_0000 &+ UInt64(shard))
        let mounts = Mounts()
        defer { mounts.unmount() }
        var outcomes: [String: Int] = [:]
        var slowest = 0.0
        for run in 0..<Self.iterations {
            let folder = try Tool.temporaryFolder("fuzz")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("existing-folder"), withIntermediateDirectories: true)
            for (name, text) in [("scores.csv", "real,fake\n1.5,-2\n0.3,inf\n"), ("one.csv", "0.5\n-1e300\n"),
                                 ("bad.csv", "real\n1\nx\n"), ("empty.csv", ""), ("norms.csv", "g\n0.5\n1\n2\n"),
                                 ("grads.csv", "x1,x2\n0.6,0.8\n3,-4\n1e300,-1e300\n"), ("ragged.csv", "1,2\n3\n"),
                                 ("audit.csv", "logit,loss,grad\n0,0.6931471805599453,-0.5\n-20,20.000000002061153,-0.9999999979388464\n40,-inf,-1\n"),
                                 ("disc.csv", "logit,loss,label\n1,0.31326168751822286,1\n1,1.3132616875182228,0\n2,nan,0\n")] {
                try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            defer { try? FileManager.default.removeItem(at: folder) }
            let arguments = ArgumentFuzzer.arguments(&rng, mounts: mounts)
            let stdout = ArgumentFuzzer.pick(TimedRun.StandardOutput.allCases + [.file, .file, .file, .file], &rng)
            let result = try TimedRun.run(arguments, in: folder, timeout: 60, stdout: stdout)
            let described = "run \(shard).\(run) (stdout \(stdout)): gan-losses \(arguments.map { $0.count > 60 ? String($0.prefix(60)) + "…" : $0 })"
            outcomes[result.outcome, default: 0] += 1
            #expect(result.exitedNormally, "\(described) ended by \(result.outcome)")
            #expect([0, 1, 64].contains(result.status), "\(described) exited \(result.status): \(result.stderr)")
            // Time is the run's own processor time when that is less than the wall time: a run slowed
            // only by a loaded machine is not a slow input.
            #expect(min(result.seconds, result.cpuSeconds) <= Self.secondsAllowed,
                    "\(described) took \(result.seconds) s (\(result.cpuSeconds) s of processor time)")
            #expect(result.peakKilobytes <= 1_000_000, "\(described) used \(result.peakKilobytes) KB")
            slowest = max(slowest, result.seconds)
            if result.status != 0 {
                let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
                #expect(lines.count == 1, "\(described): stderr \(result.stderr.debugDescription)")
                #expect(result.stderr.utf8.count < 1000, "\(described): an unbounded message of \(result.stderr.utf8.count) bytes")
            } else {
                #expect(result.stderr.isEmpty, "\(described): stderr on success \(result.stderr.debugDescription)")
            }
            if stdout != .file, result.status == 0 {
                // Only `plot -o FILE` prints nothing; every other success printed something.
                let printsNothing = arguments.first == "plot" && arguments.contains { $0 == "-o" || $0.hasPrefix("-o=") }
                    && !arguments.contains { $0 == "--help" || $0 == "-h" }
                #expect(printsNothing, "\(described): exit 0 though standard output could not be written")
            }
            for place in [folder] + mounts.folders {
                for problem in OutputFiles.problems(in: place) { Issue.record("\(described): \(problem)") }
            }
            mounts.clean()
        }
        print("fuzz shard \(shard): \(Self.iterations) runs, outcomes \(outcomes.sorted { $0.key < $1.key }), slowest \(slowest) s, peak \(TimedRun.peakKilobytes) KB")
    }
}

/// Generated argument lists.
enum ArgumentFuzzer {
    static let numbers = ["0", "-0", "1", "-1", "0.5", "-3.5", "1e-300", "5e-324", "-5e-324", "1.7976931348623157e308",
                          "-1.7976931348623157e308", "1e309", "-1e309", "nan", "-nan", "inf", "-inf", "", "abc", "1e",
                          "0x1p-3", "٣", "１", "🙂", "--", String(repeating: "9", count: 400), "745", "-745", "40", "0.999999",
                          String(repeating: "9", count: 130_000), "1\u{1B}[2J"]
    static let losses = ["minimax", "mm,ns", "all", "", ",", "MINIMAX", "bogus", "ns,ns,ns", "mínimax", "lsgan,ragan", long, "mm,\n",
                         "lssigmoid", "wgan,hinge", String(repeating: "mm,", count: 300) + "mm", "modified, ls"]
    static let ranges = [":", "1:", ":1", "5:1", "0:0", "0:1", "0.2:0.8", "-10:10", "-1e308:1e308", "0:1.7976931348623157e308",
                         "-1.7976931348623157e308:1.7976931348623157e308", "1e-300:2e-300", "nan:1", "-inf:inf",
                         "1e-12:1", "-0:0.5", "1:2:3", "a:b", "0.999:0.9999999", "-30:5"]
    static let formats = ["table", "csv", "json", "xml", "", "CSV"]
    /// Every figure but mode-collapse, whose ring training (5–7 s of processor time in release,
    /// hours unoptimized) is timed by the ring's own tests.
    static let figureNames = CourseFigure.allCases.filter { $0 != .modeCollapse }.map(\.name) + ["nope", "", "gradient-vs-d,label-smoothing"]
    static let texts = ["$\\partial L_G/\\partial\\ell$", "$", "$$", "\\", "plain", "ünïcødé ∂σℓ", "",
                        String(repeating: "A", count: 3000), "$x^{y_{z^{w}}}$", "$\\unknown{x}$", "a\nb",
                        "$" + String(repeating: "{", count: 27_000) + "x$", "$x" + String(repeating: "^{", count: 26_000) + "y$",
                        "$" + String(repeating: "_{", count: 40) + "x" + String(repeating: "}", count: 40) + "$",
                        String(repeating: "$\\sigma_{i}^{2}$ ", count: 5000), "\u{202E}evil\u{1B}[31m"]
    /// Inputs far longer than any real one, for every kind of argument.
    static let long = String(repeating: "9", count: 130_000)

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
                     "", "existing-folder/f.pdf", "OUT.PNG", "a\nb.png", "RAW:caf\\0351.png", "RAW:\\0377\\0376/x.svg",
                     String(repeating: "n", count: 252) + ".png", long + ".png"] + mounts.folders.map { $0.appendingPathComponent("f.png").path }
        let validPaths = ["out.png", "out.svg", "out.pdf", "existing-folder/f.pdf", "OUT.PNG", "RAW:caf\\0351.svg",
                          String(repeating: "n", count: 251) + ".svg"]
        let command = rng.next() % 15
        switch command {
        case 14:
            // Audits of exported losses and of penalties, with every option.
            a = ["audit"]
            if chance(0.1, &rng) { a.append("--grid"); maybe(0.5, "--precision", pick(["float", "double", "half"], &rng)); break }
            maybe(0.6, "--loss", pick(valid ? validLosses : losses, &rng))
            maybe(0.3, "--player", pick(valid ? ["g", "d"] : ["g", "d", "x"], &rng))
            maybe(0.3, "--precision", pick(valid ? ["float", "double"] : ["float", "double", "half", ""], &rng))
            maybe(0.3, "--format", pick(valid ? ["text", "json"] : ["text", "json", "xml"], &rng))
            maybe(0.3, "-o", pick(valid ? validPaths : paths, &rng))
            if chance(0.2, &rng) {
                a += ["--penalty", pick(valid ? ["wgan-gp", "r1"] : ["wgan-gp", "r1", "gp"], &rng)]
                maybe(0.9, "--value", pick(valid ? ["0.5", "10", "1e-300"] : ["0.5", "nan", "", "abc"], &rng))
            }
            a.append(pick(valid ? ["audit.csv", "disc.csv", "grads.csv"]
                          : ["audit.csv", "disc.csv", "scores.csv", "bad.csv", "empty.csv", "missing.csv", "existing-folder", "ragged.csv", ""], &rng))
        case 11:
            a = ["simulate", pick(valid ? ["dirac", "gradient-decay"] : ["dirac", "gradient-decay", "mixture", ""], &rng)]
            if a[1] == "dirac" || !valid { maybe(0.5, "--loss", pick(valid ? ["minimax", "r1,wgan-gp", "nonsat,wgan"] : ["minimax", "bogus", "", "r1,"], &rng)) }
            maybe(0.5, "--steps", pick(valid ? ["1", "50", "300"] : ["0", "-1", "100001", "abc", "50"], &rng))
            maybe(0.4, "--lr", pick(valid ? ["0.1", "1", "0.01"] : ["0", "-1", "nan", "inf", "1e-300", "0.1"], &rng))
            if a[1] == "gradient-decay" { maybe(0.3, "--seed", pick(valid ? ["1", "2017"] : ["-1", "abc", "1"], &rng)) }
            if (a[1] == "dirac" || !valid) && chance(0.15, &rng) { a.append("--eigenvalues") }
            if a[1] == "gradient-decay" || !valid { maybe(0.3, "--runs", pick(valid ? ["1", "2"] : ["0", "21", "abc", "3", "20"], &rng)) }
            maybe(0.4, "--csv", pick(valid ? ["t.csv", "existing-folder/t.csv"] : ["t.csv", "missing/t.csv", "existing-folder", ""], &rng))
            maybe(0.4, "-o", pick(valid ? validPaths : paths, &rng))
            if a.contains("-o") { maybe(0.15, "--frames", pick(valid ? ["2", "5"] : ["0", "1", "3", "201", "abc"], &rng)) }
        case 0:
            a = ["list"]
            maybe(0.5, "--format", pick(valid ? ["table", "csv", "json"] : formats, &rng))
        case _ where (1...3).contains(command) && chance(0.35, &rng):
            // The discriminator's side and the batch objectives, from lists and CSV files.
            a = ["eval"]
            a += option("--loss", pick(valid ? validLosses : losses, &rng), &rng)
            let sources = valid ? ["1,2", "-1", "@scores.csv:real", "@scores.csv:fake", "@one.csv"]
                : ["1,2", "@scores.csv:real", "@scores.csv", "@scores.csv:nope", "@bad.csv:real", "@empty.csv", "@missing.csv",
                   "@", "@scores.csv:", "nan", "inf", "", "1,,2", "@existing-folder"]
            if chance(0.5, &rng) {
                a.append("--batch")
                maybe(0.9, "--real-logits", pick(sources, &rng))
                maybe(0.9, "--fake-logits", pick(sources, &rng))
                maybe(0.3, "--reduction", pick(valid ? ["mean", "sum"] : ["mean", "sum", "max"], &rng))
                maybe(0.3, "--weight", pick(valid ? ["0.5", "real:2", "real:1,fake:0.5"] : ["0.5", "-1", "nan", "real:1,real:2", "side:1", "", "inf"], &rng))
                if chance(0.3, &rng) { a.append("--per-sample") }
            } else {
                a += ["--player", pick(valid ? ["d"] : ["d", "g", "x"], &rng)]
                maybe(0.8, "--real-logit", valid ? list(validNumbers) : numberList(&rng))
                maybe(0.9, "--fake-logit", valid ? list(validNumbers) : numberList(&rng))
            }
            maybe(0.3, "--smoothing", pick(valid ? ["0.9", "tfgan:0.25", "torchgan:0.1"] : ["0.9", "tfgan:2", "x:1", "nan", ""], &rng))
            maybe(0.4, "--format", pick(valid ? ["table", "csv", "json"] : formats, &rng))
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
        case 12:
            // Gradient penalties, from norms (lists and CSV columns) and from files of gradients.
            a = ["penalty"]
            let kind = pick(valid ? ["wgan-gp", "one-sided", "r1", "r2", "R1"] : ["wgan-gp", "one-sided", "r1", "r2", "gp", "", "wgan"], &rng)
            if chance(0.7, &rng) { a += option("--kind", kind, &rng) }
            let zeroCentred = a.contains { $0.lowercased().hasSuffix("r1") || $0.lowercased().hasSuffix("r2") }
            let weights = valid ? ["10", "0", "0.1", "1e300"] : ["10", "-1", "nan", "inf", "", "abc", "1e309", "-0"]
            if !valid || !zeroCentred {
                maybe(0.4, "--lambda", pick(weights, &rng))
                maybe(0.3, "--target", pick(valid ? ["1", "2", "1e-300", "0.5"] : ["1", "0", "-1", "nan", "inf", "-0"], &rng))
            }
            if !valid || zeroCentred { maybe(0.4, "--gamma", pick(weights, &rng)) }
            let norms = valid ? ["0.5,1,2", "0", "1e300,1e-300,5e-324", "@norms.csv:g", "@norms.csv"]
                : ["0.5,-1", "nan", "inf", "", "1,,2", "@one.csv", "@scores.csv:real", "@bad.csv:real", "@empty.csv", "@missing.csv", "@", "-0", long]
            let gradients = valid ? ["@grads.csv"]
                : ["@grads.csv", "@scores.csv", "@bad.csv", "@empty.csv", "@missing.csv", "@existing-folder", "grads.csv", "@", "@ragged.csv"]
            if chance(0.5, &rng) { maybe(0.9, "--norms", pick(norms, &rng)) } else { maybe(0.9, "--gradients", pick(gradients, &rng)) }
            if !valid { maybe(0.1, "--norms", pick(norms, &rng)) }
            maybe(0.3, "--reduction", pick(valid ? ["mean", "sum"] : ["mean", "sum", "max"], &rng))
            if chance(0.3, &rng) { a.append("--per-sample") }
            maybe(0.4, "--format", pick(valid ? ["table", "csv", "json"] : formats, &rng))
        case 10:
            a = ["figures"]
            a += option("--only", pick(valid ? Array(figureNames.prefix(9)) : figureNames, &rng), &rng)
            maybe(0.6, "--out", pick((valid ? [".", "existing-folder", "new-folder"]
                                      : [".", "existing-folder", "new-folder", "missing/deeper", "out.png", "", "RAW:d\\0377",
                                         "RAW:new\\0351", String(repeating: "d", count: 255), "x\ny"])
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
        // Linux refuses to start a program with an argument over 128 KiB (E2BIG, before the tool
        // runs); a list of three long values would be one, so each is cut to that length.
        return a.map { $0.utf8.count <= maxArgumentBytes ? $0 : String(decoding: Array($0.utf8.prefix(maxArgumentBytes)), as: UTF8.self) }
    }

    /// The longest argument passed: MAX_ARG_STRLEN is 131 072 bytes with the terminating NUL.
    static let maxArgumentBytes = 131_000
}

/// A run with its output in files (no pipes to fill), a time limit, and its time and peak memory.
///
/// It goes through bash, which `exec`s the tool (same process), so that standard output can be
/// /dev/full or closed and an argument `RAW:…` can carry bytes that are not UTF-8 (`printf %b`:
/// `RAW:caf\0351` is `caf` and the byte 0xE9).
enum TimedRun {
    enum StandardOutput: String, CaseIterable, CustomStringConvertible {
        case file, full, closed
        var description: String { rawValue }
        var redirection: String {
            switch self {
            case .file: ""
            case .full: ">/dev/full"
            case .closed: ">&-"
            }
        }
    }

    struct Result {
        var status: Int32
        var exitedNormally: Bool
        var stdout: String
        var stderr: String
        var outcome: String
        var seconds: Double
        /// User and system time of the run.
        var cpuSeconds: Double
        /// The largest resident size of any run so far, in KB (getrusage(RUSAGE_CHILDREN) keeps the maximum).
        var peakKilobytes: Int
    }

    /// User and system time of the child processes waited for so far.
    static var childrenSeconds: Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The largest resident size of any child process so far, in KB.
    static var peakKilobytes: Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return usage.ru_maxrss
    }

    static let wrapper = """
        tool=$1; mode=$2; shift 2; args=()
        for a in "$@"; do case $a in RAW:*) args+=("$(printf '%b' "${a#RAW:}")");; *) args+=("$a");; esac; done
        case $mode in full) exec "$tool" "${args[@]}" >/dev/full;; closed) exec "$tool" "${args[@]}" >&-;; *) exec "$tool" "${args[@]}";; esac
        """

    static func run(_ arguments: [String], in folder: URL, timeout: TimeInterval, stdout: StandardOutput = .file,
                    environment: [String: String]? = nil) throws -> Result {
        let outURL = folder.appendingPathComponent(".stdout"), errURL = folder.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", wrapper, "bash", Tool.executable.path, stdout.rawValue] + arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let start = Date(), cpuBefore = childrenSeconds
        try process.run()
        let deadline = start.addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(2000) }
        var timedOut = false
        if process.isRunning { timedOut = true; process.terminate(); process.waitUntilExit() }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start), cpuSeconds = childrenSeconds - cpuBefore
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        let normal = process.terminationReason == .exit && !timedOut
        let outcome = timedOut ? "timeout" : (normal ? "exit \(process.terminationStatus)" : "signal \(process.terminationStatus)")
        return Result(status: process.terminationStatus, exitedNormally: normal, stdout: stdout, stderr: stderr, outcome: outcome,
                      seconds: seconds, cpuSeconds: cpuSeconds, peakKilobytes: peakKilobytes)
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
            case "gif":
                if (try? GIFAnimation(Array(data))) == nil || data.last != 0x3B {
                    problems.append("\(name) is not a whole GIF (\(data.count) bytes)")
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

/// Signals at random moments: SIGTERM, SIGINT, SIGHUP or SIGQUIT sent to `figures`, `plot` and
/// `simulate` while they compute or write, at random delays or the moment the n-th temporary
/// file appears. Whatever the moment, the run ends by that signal (or finishes first, exit 0),
/// no temporary file is left and every file present is whole.
@Suite("Fuzzing signals", .serialized, .enabled(if: !CourseFigure.unoptimized, "release only, as the command-line fuzzing"))
struct SignalFuzzTests {
    @Test("a signal at any moment leaves only whole files")
    func signals() throws {
        var rng = SeededGenerator(seed: 0x5167_6E61_6C73)
        var outcomes: [String: Int] = [:]
        let runs = max(6, FuzzTests.iterations / 2)
        for run in 0..<runs {
            let folder = try Tool.temporaryFolder("signal")
            defer { try? FileManager.default.removeItem(at: folder) }
            let signal = ArgumentFuzzer.pick([SIGTERM, SIGINT, SIGHUP, SIGQUIT], &rng)
            let arguments: [String]
            switch rng.next() % 3 {
            case 0:
                let names = (0..<(1 + Int(rng.next() % 3))).map { _ in ArgumentFuzzer.pick(Array(ArgumentFuzzer.figureNames.prefix(13)), &rng) }
                arguments = ["figures", "--out", folder.path, "--only", Set(names).sorted().joined(separator: ","),
                             "--dpi", ArgumentFuzzer.pick(["72", "150", "300"], &rng)]
            case 1:
                arguments = ["plot", "--loss", "all", "--y", "both", "-o", folder.appendingPathComponent(ArgumentFuzzer.pick(["f.png", "f.svg", "f.pdf"], &rng)).path]
            default:
                arguments = ["simulate", "dirac", "--steps", "20000", "--csv", folder.appendingPathComponent("t.csv").path,
                             "-o", folder.appendingPathComponent("d.svg").path]
            }
            let trigger: SignalRun.Trigger = ArgumentFuzzer.chance(0.5, &rng)
                ? .temporary(Int(rng.next() % 4)) : .delay(milliseconds: Int(rng.next() % 1500))
            let outcome = try SignalRun.interrupt(arguments, folder: folder, signal: signal, trigger: trigger)
            outcomes[outcome.signalled == signal ? "signal" : outcome.description, default: 0] += 1
            let described = "run \(run): signal \(signal) \(trigger) to \(arguments.prefix(4))"
            #expect(outcome.signalled == signal || (outcome.signalled == nil && outcome.status == 0), "\(described) ended by \(outcome)")
            #expect(outcome.leftover.isEmpty, "\(described) left \(outcome.leftover)")
        }
        print("signal fuzz: \(runs) runs, outcomes \(outcomes.sorted { $0.key < $1.key })")
    }
}

/// Reference folders damaged in random ways — a flipped byte, a cut or lengthened file, a file
/// emptied, removed or replaced by a folder, junk for a header, a folder that is a file or does not
/// exist — given to `check` through GAN_LOSSES_REFERENCE_DIR. A damaged file among the losses
/// checked is exit 1 with one line naming it; damage elsewhere does not matter (exit 0).
@Suite("Fuzzing the reference folder", .serialized, .enabled(if: !CourseFigure.unoptimized, "release only, as the command-line fuzzing"))
struct ReferenceFuzzTests {
    @Test("damaged reference vectors are reported, never measured")
    func damagedReferences() throws {
        var rng = SeededGenerator(seed: 0x7265_6673)
        var outcomes: [String: Int] = [:]
        let losses = ["minimax", "nonsat", "maxlik", "lsgan", "lssigmoid", "wgan", "hinge", "ragan"]
        let runs = max(8, FuzzTests.iterations / 2)
        for run in 0..<runs {
            let folder = try ReferenceFileCLITests.copy()
            defer { try? FileManager.default.removeItem(at: folder) }
            let damaged = ArgumentFuzzer.pick(losses, &rng)
            let file = folder.appendingPathComponent("\(damaged).ref")
            var bytes = [UInt8](try Data(contentsOf: file))
            var variable = folder.path
            let damage = ArgumentFuzzer.pick(["flip", "cut", "lengthen", "empty", "remove", "folder", "junk", "not-a-folder", "missing-folder"], &rng)
            switch damage {
            case "flip": bytes[Int(rng.next() % UInt64(bytes.count))] ^= UInt8(1 << (rng.next() % 8))
            case "cut": bytes.removeLast(1 + Int(rng.next() % UInt64(bytes.count)))
            case "lengthen": bytes += (0..<(1 + Int(rng.next() % 64))).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            case "empty": bytes = []
            case "junk": bytes.replaceSubrange(0..<16, with: (0..<16).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
            case "not-a-folder": variable = file.path
            case "missing-folder": variable = folder.appendingPathComponent("absent").path
            default: break
            }
            switch damage {
            case "remove": try FileManager.default.removeItem(at: file)
            case "folder": try FileManager.default.removeItem(at: file); try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
            default: try Data(bytes).write(to: file)
            }
            let checked = Set((0..<(1 + Int(rng.next() % 2))).map { _ in ArgumentFuzzer.pick(losses, &rng) })
            var environment = ProcessInfo.processInfo.environment
            environment["GAN_LOSSES_REFERENCE_DIR"] = variable
            let result = try TimedRun.run(["check", "--loss", checked.sorted().joined(separator: ","), "--points", "4"],
                                          in: folder, timeout: 60, environment: environment)
            let described = "run \(run): \(damage) \(damaged).ref, check --loss \(checked.sorted())"
            outcomes["\(damage): \(result.outcome)", default: 0] += 1
            let matters = checked.contains(damaged) || damage == "not-a-folder" || damage == "missing-folder"
            #expect(result.status == (matters ? 1 : 0), "\(described) exited \(result.outcome): \(result.stderr)")
            if matters {
                #expect(result.stderr.split(separator: "\n").count == 1, "\(described): \(result.stderr.debugDescription)")
                #expect(result.stderr.contains(damage.hasSuffix("-folder") ? "GAN_LOSSES_REFERENCE_DIR" : "\(damaged).ref"),
                        "\(described): \(result.stderr)")
                #expect(!result.stdout.contains("FAIL"), "\(described): damage measured as an accuracy failure")
            }
        }
        print("reference fuzz: \(runs) runs, outcomes \(outcomes.sorted { $0.key < $1.key })")
    }
}
