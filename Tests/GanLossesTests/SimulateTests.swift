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

    @Test("bad input: one line, exit 64", arguments: [
        (["simulate", "bogus"], "bogus"),
        (["simulate", "mixture", "--loss", "r1"], "unknown objective 'r1'"),
        (["simulate", "mixture", "--steps", "10001"], "more than 10000"),
        (["simulate", "dirac", "--loss", "bogus"], "unknown game 'bogus'; the games are minimax, nonsat, wgan, wgan-gp, consensus, instance-noise, r1-weak, r1, r1-strong"),
        (["simulate", "dirac", "--eigenvalues", "--loss", "r1-medium"], "unknown game 'r1-medium'"),
        (["simulate", "dirac", "--steps", "0"], "outside 1 to 100000"),
        (["simulate", "dirac", "--lr", "-1"], "positive number"),
        (["simulate", "gradient-decay", "--loss", "minimax"], "does not apply to gradient-decay"),
        (["simulate", "gradient-decay", "--runs", "0"], "outside 1 to 20"),
        (["simulate", "gradient-decay", "--runs", "20", "--steps", "20000"], "more than 200000"),
        (["simulate", "dirac", "--runs", "2"], "applies to gradient-decay only"),
        (["simulate", "mixture", "--eigenvalues"], "applies to dirac only"),
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
