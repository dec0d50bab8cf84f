import Foundation
import LossPlot
import LossPlotTesting
import LossPlotCairo
import Testing

@Suite("gan-losses simulate")
struct SimulateCLITests {
    @Test("dirac: CSV of both schedules per game, the same bytes every run")
    func diracCSV() throws {
        let a = try Tool.run(["simulate", "dirac", "--loss", "minimax,r1", "--steps", "20"])
        let b = try Tool.run(["simulate", "dirac", "--loss", "minimax,r1", "--steps", "20"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        let rows = csvRows(a.stdout)
        #expect(rows.first == ["game", "schedule", "step", "theta", "psi"])
        #expect(rows.count == 1 + 2 * 2 * 21)
        #expect(rows[1] == ["minimax", "simultaneous", "0", "1.0", "1.0"])
    }

    @Test("dirac --eigenvalues: a row for every game, the closed-form eigenvalues and both step radii; wgan-gp's row empty")
    func diracEigenvalues() throws {
        let r = try Tool.run(["simulate", "dirac", "--eigenvalues", "--lr", "0.1"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.first == ["game", "eigenvalue1_re", "eigenvalue1_im", "eigenvalue2_re", "eigenvalue2_im",
                               "simultaneous_step_radius", "alternating_step_radius"])
        #expect(rows.dropFirst().map { $0[0] } == ["minimax", "nonsat", "wgan", "wgan-gp", "consensus", "instance-noise",
                                                   "r1-weak", "r1", "r1-strong"])
        func row(_ game: String) throws -> [Double] {
            try #require(rows.first { $0[0] == game }).dropFirst().map { Double($0) ?? .nan }
        }
        #expect(try row("minimax") == [0, 0.5, 0, -0.5, (1 + 0.01 / 4).squareRoot(), 1])
        #expect(try row("wgan-gp").allSatisfy(\.isNaN))
        #expect(try row("consensus").prefix(4) == [-0.25, 0.5, -0.25, -0.5])
        #expect(try row("instance-noise")[0] == -0.25 && row("r1")[0] == -0.5 && row("r1")[2] == -0.5)
        let strong = try row("r1-strong"), weak = try row("r1-weak")
        #expect(strong[1] == 0 && strong[3] == 0 && strong[0] > -0.1 && strong[2] < -2.9, "real, one of them slow")
        #expect(weak[0] == -0.15 && weak[1] > 0.47, "complex")
        for game in ["consensus", "instance-noise", "r1-weak", "r1", "r1-strong"] {
            #expect(try row(game)[4] < 1 && row(game)[5] < 1, "\(game): both schedules converge near (0, 0)")
        }
        let some = try Tool.run(["simulate", "dirac", "--eigenvalues", "--loss", "R1-Strong, r1-weak"])
        #expect(csvRows(some.stdout).dropFirst().map { $0[0] } == ["r1-strong", "r1-weak"])
    }

    @Test("dirac --gamma, --lambda, --schedule: one schedule's rows, the weight in the field, the eigenvalues and the panel title")
    func diracWeights() throws {
        let r = try Tool.run(["simulate", "dirac", "--loss", "r1-weak", "--gamma", "1", "--schedule", "alternating", "--steps", "30"])
        #expect(r.status == 0, "\(r.stderr)")
        let own = try Tool.run(["simulate", "dirac", "--loss", "r1", "--schedule", "ALTERNATING", "--steps", "30"])
        // r1-weak with γ = 1 is r1: the same numbers, under its own name.
        #expect(csvRows(r.stdout).map { $0.dropFirst() } == csvRows(own.stdout).map { $0.dropFirst() })
        #expect(csvRows(r.stdout).dropFirst().allSatisfy { $0[0] == "r1-weak" && $0[1] == "alternating" })
        #expect(csvRows(r.stdout).count == 1 + 31)

        let e = try Tool.run(["simulate", "dirac", "--eigenvalues", "--loss", "r1,consensus,wgan-gp", "--gamma", "2", "--lambda", "3"])
        let rows = csvRows(e.stdout)
        #expect(rows[1].prefix(5) == ["r1", "-0.1339745962155614", "0.0", "-1.8660254037844386", "0.0"], "(−2 ± √3)/2")
        #expect(rows[2].prefix(5) == ["consensus", "-0.5", "0.5", "-0.5", "-0.5"], "−γ/4 ± i/2")
        #expect(rows[3] == ["wgan-gp", "", "", "", "", "", ""])

        let folder = try Tool.temporaryFolder("sim-weights")
        defer { try? FileManager.default.removeItem(at: folder) }
        let f = try Tool.run(["simulate", "dirac", "--loss", "r1,wgan-gp", "--gamma", "0.25", "--lambda", "2.5", "--schedule", "simultaneous", "-o", "w.svg"], in: folder)
        #expect(f.status == 0, "\(f.stderr)")
        let svg = try String(contentsOf: folder.appendingPathComponent("w.svg"), encoding: .utf8)
        #expect(svg.contains("R1, γ = 0.25") && svg.contains("WGAN-GP, λ = 2.5"))
        #expect(svg.contains("simultaneous steps") && !svg.contains("alternating steps"))
    }

    @Test("gradient-decay: CSV and figure files, reproducible from the seed")
    func gradientDecayFiles() throws {
        let folder = try Tool.temporaryFolder("sim")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["simulate", "gradient-decay", "--steps", "500", "--seed", "7", "--csv", "d.csv", "-o", "d.png"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "d.csv\nd.png\n")
        let rows = csvRows(try String(contentsOf: folder.appendingPathComponent("d.csv"), encoding: .utf8))
        #expect(rows.first == ["step", "discriminator_loss", "minimax_grad_norm", "nonsat_grad_norm", "minimax_grad_norm_min",
                                "minimax_grad_norm_max", "nonsat_grad_norm_min", "nonsat_grad_norm_max"])
        #expect(rows.count == 502)
        let last = rows.last!
        #expect(Double(last[3])! / Double(last[2])! > 100)
        #expect(PNGImage(Array(try Data(contentsOf: folder.appendingPathComponent("d.png")))) != nil)
    }

    @Test("ring: a row per objective and snapshot with the modes and the near-mode share, the same bytes every run")
    func ringCSV() throws {
        let folder = try Tool.temporaryFolder("ring")
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["simulate", "ring", "--loss", "nonsat,r1", "--steps", "4", "--seed", "3", "--gamma", "2"]
        let a = try Tool.run(arguments + ["--csv", "a.csv", "-o", "a.png"], in: folder)
        let b = try Tool.run(arguments, in: folder)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == "a.csv\na.png\n")
        let written = try String(contentsOf: folder.appendingPathComponent("a.csv"), encoding: .utf8)
        #expect(written == b.stdout)
        let rows = csvRows(written)
        #expect(rows.first == ["objective", "step", "modes_covered", "share_near_modes"] + (1...8).map { "mode\($0)_samples" })
        #expect(rows.dropFirst().map { "\($0[0])@\($0[1])" } == ["nonsat", "r1"].flatMap { o in (1...4).map { "\(o)@\($0)" } })
        for row in rows.dropFirst() {
            let perMode = row[4...].map { Int($0)! }
            #expect(Int(row[2])! == perMode.filter { $0 >= 25 }.count, "a mode counts with 1% of 2500 samples")
            #expect(abs(Double(row[3])! - Double(perMode.reduce(0, +)) / 2500) < 1e-12)
        }
        #expect(PNGImage(Array(try Data(contentsOf: folder.appendingPathComponent("a.png")))) != nil)
    }

    @Test("bad input: one line, exit 64", arguments: [
        (["simulate", "bogus"], "bogus"),
        (["simulate", "ring", "--loss", "wgan"], "unknown objective 'wgan'"),
        (["simulate", "ring", "--steps", "6001"], "more than 6000"),
        (["simulate", "ring", "--loss", "nonsat", "--gamma", "1"], "--gamma applies to the r1 objective"),
        (["simulate", "ring", "--loss", "r1", "--lambda", "1"], "--lambda applies to the wgan-gp objective"),
        (["simulate", "ring", "--gamma", "-1"], "--gamma -1.0 is outside 0 to 100"),
        (["simulate", "ring", "--lr", "0.1"], "--lr does not apply to ring"),
        (["simulate", "ring", "--data", "spiral"], "spiral"),
        (["simulate", "ring", "--table", "-o", "t.png"], "--table prints a table"),
        (["simulate", "ring", "--table", "--runs", "11"], "--runs 11 is outside 1 to 10"),
        (["simulate", "ring", "--runs", "3"], "--runs applies to ring with --table only"),
        (["simulate", "dirac", "--loss", "minimax,wgan", "--gamma", "1"], "--gamma applies to r1-weak, r1, r1-strong and consensus, which --loss leaves out"),
        (["simulate", "dirac", "--gamma", "1"], "--gamma gives r1-weak, r1 and r1-strong the same γ, and they differ only in it: choose one of them"),
        (["simulate", "dirac", "--loss", "r1", "--gamma", "101"], "--gamma 101.0 is outside 0 to 100"),
        (["simulate", "dirac", "--loss", "consensus", "--gamma", "nan"], "outside 0 to 100"),
        (["simulate", "dirac", "--loss", "r1", "--lambda", "1"], "--lambda applies to wgan-gp, which --loss leaves out"),
        (["simulate", "dirac", "--loss", "wgan-gp", "--lambda", "-2"], "--lambda -2.0 is outside 0 to 100"),
        (["simulate", "dirac", "--schedule", "random"], "random"),
        (["simulate", "dirac", "--eigenvalues", "--schedule", "both"], "--schedule does not apply to --eigenvalues"),
        (["simulate", "ring", "--schedule", "alternating"], "--schedule applies to dirac only"),
        (["simulate", "gradient-decay", "--gamma", "1"], "--gamma applies to dirac and ring only"),
        (["simulate", "dirac", "--rates", "metz"], "--rates applies to ring only"),
        (["simulate", "ring", "--rates", "fast"], "fast"),
        (["simulate", "mixture"], "mixture"),
        (["simulate", "dirac", "--loss", "bogus"], "unknown game 'bogus'; the games are minimax, nonsat, wgan, wgan-gp, consensus, instance-noise, r1-weak, r1, r1-strong"),
        (["simulate", "dirac", "--eigenvalues", "--loss", "r1-medium"], "unknown game 'r1-medium'"),
        (["simulate", "dirac", "--steps", "0"], "outside 1 to 100000"),
        (["simulate", "dirac", "--lr", "-1"], "positive number"),
        (["simulate", "gradient-decay", "--loss", "minimax"], "does not apply to gradient-decay"),
        (["simulate", "gradient-decay", "--runs", "0"], "outside 1 to 20"),
        (["simulate", "gradient-decay", "--runs", "20", "--steps", "20000"], "more than 200000"),
        (["simulate", "dirac", "--runs", "2"], "applies to gradient-decay and ring --table only"),
        (["simulate", "ring", "--eigenvalues"], "applies to dirac only"),
        (["simulate", "dirac", "--eigenvalues", "-o", "f.png"], "prints a table"),
        (["simulate", "dirac", "--seed", "3"], "does not apply to dirac"),
        (["simulate", "dirac", "-o", "x.bmp"], "unknown extension 'bmp'; use .png, .svg, .pdf, .gif or .mp4"),
        (["simulate", "dirac", "--frames", "1", "-o", "x.gif"], "--frames 1 is outside 2 to 200"),
        (["simulate", "dirac", "--frames", "201", "-o", "x.pdf"], "--frames 201 is outside 2 to 200"),
        (["simulate", "dirac", "--frames", "10", "-o", "x.png"], "--frames applies to animations"),
        (["simulate", "dirac", "--frames", "10", "-o", "x.svg"], "--frames applies to animations"),
        (["simulate", "dirac", "--frames", "10"], "--frames applies to animations: give -o"),
        (["simulate", "dirac", "--fps", "10", "-o", "x.pdf", "--frames", "5"], "--fps applies to .gif and .mp4"),
        (["simulate", "dirac", "--fps", "0.5", "-o", "x.gif"], "--fps 0.5 is outside 1 to 50"),
        (["simulate", "dirac", "--fps", "nan", "-o", "x.gif"], "outside 1 to 50"),
        (["simulate", "dirac", "--eigenvalues", "--frames", "3"], "--frames applies to animations"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let r = try Tool.run(arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}

@Suite("gan-losses simulate: animations")
struct SimulateAnimationTests {
    static func bytes(_ folder: URL, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// The pages of a PDF: "/Type /Page" not followed by "s".
    static func pages(_ pdf: [UInt8]) -> Int {
        String(decoding: pdf, as: UTF8.self).components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
    }

    @Test("dirac -o x.gif: a looping GIF89a of 40 frames by default, the same bytes every run")
    func diracGIF() throws {
        let folder = try Tool.temporaryFolder("anim")
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["simulate", "dirac", "--loss", "minimax,r1", "--steps", "60"]
        let a = try Tool.run(arguments + ["-o", "a.gif"], in: folder)
        let b = try Tool.run(arguments + ["-o", "b.gif"], in: folder)
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)")
        #expect(a.stdout == "a.gif\n")
        let gif = try Self.bytes(folder, "a.gif")
        #expect(Array(gif.prefix(6)) == Array("GIF89a".utf8))
        #expect(gif == (try Self.bytes(folder, "b.gif")))
        let decoded = try GIFAnimation(gif)
        #expect(decoded.frames.count == 40 && decoded.loopCount == 0)
        #expect(decoded.frames.dropLast().allSatisfy { $0.delay == 10 } && decoded.frames.last?.delay == 210)
        #expect((decoded.width, decoded.height) == (800, 471))  // 8 × 4.7 in at 100 dpi, rounded up
    }

    @Test("--frames and --fps: that many frames at that rate; -o x.pdf --frames N: N pages, the same bytes every run")
    func framesAndPages() throws {
        let folder = try Tool.temporaryFolder("anim")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["simulate", "dirac", "--loss", "wgan", "--steps", "30", "--frames", "7", "--fps", "25", "-o", "w.gif"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let gif = try GIFAnimation(try Self.bytes(folder, "w.gif"))
        #expect(gif.frames.count == 7 && gif.frames[0].delay == 4)
        for name in ["p.pdf", "q.pdf"] {
            let p = try Tool.run(["simulate", "dirac", "--loss", "minimax,nonsat", "--steps", "50", "--frames", "12", "-o", name], in: folder)
            #expect(p.status == 0, "\(p.stderr)")
        }
        let pdf = try Self.bytes(folder, "p.pdf")
        #expect(Self.pages(pdf) == 12)
        #expect(pdf == (try Self.bytes(folder, "q.pdf")))
        // Without --frames a PDF is the figure: one page.
        let s = try Tool.run(["simulate", "dirac", "--loss", "minimax", "--steps", "50", "-o", "s.pdf"], in: folder)
        #expect(s.status == 0, "\(s.stderr)")
        #expect(Self.pages(try Self.bytes(folder, "s.pdf")) == 1)
    }

    @Test("gradient-decay and ring animate too")
    func otherModels() throws {
        let folder = try Tool.temporaryFolder("anim")
        defer { try? FileManager.default.removeItem(at: folder) }
        let d = try Tool.run(["simulate", "gradient-decay", "--steps", "300", "--runs", "1", "--frames", "5", "-o", "d.gif"], in: folder)
        #expect(d.status == 0, "\(d.stderr)")
        #expect(try GIFAnimation(try Self.bytes(folder, "d.gif")).frames.count == 5)
        let m = try Tool.run(["simulate", "ring", "--loss", "nonsat", "--steps", "4", "--frames", "4", "-o", "m.pdf"], in: folder)
        #expect(m.status == 0, "\(m.stderr)")
        #expect(Self.pages(try Self.bytes(folder, "m.pdf")) == 4)
    }

    /// A search path that finds a script named ffmpeg with this body first, then the system's tools.
    static func fakeFFmpeg(_ body: String, in folder: URL) throws -> String {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let script = bin.appendingPathComponent("ffmpeg")
        try ("#!/bin/sh\n" + body + "\n").write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return bin.path + ":/usr/bin:/bin"
    }

    /// Every file in the folder but the fake ffmpeg's.
    static func files(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "bin" }.sorted()
    }

    @Test(".mp4 without ffmpeg on PATH: exit 1, one line saying to install ffmpeg or write a GIF, nothing written")
    func mp4WithoutFFmpeg() throws {
        let folder = try Tool.temporaryFolder("anim")
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let r = try Tool.run(["simulate", "dirac", "-o", "v.mp4"], in: folder, environment: ["PATH": empty.path])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("ffmpeg") && r.stderr.contains("install") && r.stderr.contains(".gif"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try Self.files(folder) == ["empty"])
    }

    @Test("ffmpeg failing, before or after reading the frames: exit 1 with its message, no video and no temporary file",
          arguments: ["echo 'Unknown encoder libx264' >&2; exit 1", "cat >/dev/null; echo 'Unknown encoder libx264' >&2; exit 1",
                      "for a; do out=$a; done; head -c 1000 >\"$out\"; echo 'Unknown encoder libx264' >&2; exit 1"])
    func ffmpegFails(script: String) throws {
        let folder = try Tool.temporaryFolder("anim")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bin = try Self.fakeFFmpeg(script, in: folder)
        let r = try Tool.run(["simulate", "dirac", "--loss", "r1", "--steps", "20", "--frames", "3", "-o", "v.mp4"], in: folder,
                             environment: ["PATH": bin])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("ffmpeg failed (exit status 1): Unknown encoder libx264"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try Self.files(folder) == [])
    }

    @Test("ffmpeg gets raw RGB frames, the last repeated for the pause, and the options for H.264 in yuv420p with even sides")
    func ffmpegArguments() throws {
        let folder = try Tool.temporaryFolder("anim")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The fake writes its arguments, one a line, and the bytes it read.
        let bin = try Self.fakeFFmpeg("for a; do out=$a; done; n=$(wc -c); { printf '%s\\n' \"$@\"; echo \"bytes $n\"; } >\"$out\"", in: folder)
        let r = try Tool.run(["simulate", "dirac", "--loss", "r1", "--steps", "20", "--frames", "3", "--fps", "5", "-o", "v.mp4"], in: folder,
                             environment: ["PATH": bin])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "v.mp4\n")
        let lines = try String(contentsOf: folder.appendingPathComponent("v.mp4"), encoding: .utf8).split(separator: "\n").map(String.init)
        for expected in ["rawvideo", "rgb24", "400x471", "libx264", "yuv420p", "pad=ceil(iw/2)*2:ceil(ih/2)*2:color=white", "mp4"] {
            #expect(lines.contains(expected), "\(expected) in \(lines)")
        }
        #expect(lines[lines.firstIndex(of: "-framerate")! + 1] == "5.0")
        // 3 frames and 2 s × 5 fps of the last: 13 frames of 400 × 471 × 3 bytes (an odd height,
        // which the pad filter makes even).
        #expect(lines.last == "bytes \(13 * 400 * 471 * 3)")
        #expect(try Self.files(folder) == ["v.mp4"])
    }

    @Test("a real ffmpeg, where there is one, writes an MP4", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ffmpeg")))
    func realFFmpeg() throws {
        let folder = try Tool.temporaryFolder("anim")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["simulate", "dirac", "--loss", "minimax", "--steps", "30", "--frames", "5", "-o", "v.mp4"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let video = try Self.bytes(folder, "v.mp4")
        #expect(video.count > 1000 && String(decoding: video[4..<8], as: UTF8.self) == "ftyp")
    }
}

@Suite("gan-losses bench")
struct BenchCLITests {
    @Test("CSV: the exact header and one row per loss with a positive time")
    func csv() throws {
        let r = try Tool.run(["bench", "--loss", "mm,hinge", "--n", "2000", "--reps", "3", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.first == ["loss", "n", "ns_per_element"])
        #expect(rows.dropFirst().map { $0[0] } == ["minimax", "hinge"])
        #expect(rows.dropFirst().allSatisfy { $0[1] == "2000" && (Double($0[2]) ?? 0) > 0 })
    }

    @Test("bad input: one line, exit 64", arguments: [
        (["bench", "--n", "10"], "--n 10 is outside"),
        (["bench", "--reps", "0"], "--reps 0 is outside"),
        (["bench", "--format", "json"], "json"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let r = try Tool.run(arguments)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }
}
