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
        (["simulate", "dirac", "--gamma", "1"], "--gamma applies to ring only"),
        (["simulate", "mixture"], "mixture"),
        (["simulate", "dirac", "--loss", "bogus"], "unknown game 'bogus'"),
        (["simulate", "dirac", "--steps", "0"], "outside 1 to 100000"),
        (["simulate", "dirac", "--lr", "-1"], "positive number"),
        (["simulate", "gradient-decay", "--loss", "minimax"], "does not apply to gradient-decay"),
        (["simulate", "gradient-decay", "--runs", "0"], "outside 1 to 20"),
        (["simulate", "gradient-decay", "--runs", "20", "--steps", "20000"], "more than 200000"),
        (["simulate", "dirac", "--runs", "2"], "applies to gradient-decay and ring --table only"),
        (["simulate", "ring", "--eigenvalues"], "applies to dirac only"),
        (["simulate", "dirac", "--eigenvalues", "-o", "f.png"], "prints a table"),
        (["simulate", "dirac", "--seed", "3"], "does not apply to dirac"),
        (["simulate", "dirac", "-o", "x.gif"], "unknown extension"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let r = try Tool.run(arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
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
