import Foundation
import LossFigures
import LossMath
import LossPlot
import Testing

/// `eval --player d` and `eval --batch`: the discriminator's side and the batch objectives, as the
/// issue's interface has them.
@Suite("gan-losses eval: both players")
struct BothPlayersCLITests {
    @Test("--player d: a row per game and pair, the header of the interface, the catalog's values")
    func discriminatorPairs() throws {
        let r = try Tool.run(["eval", "--player", "d", "--loss", "minimax,lsgan,wgan,hinge,ragan,lssigmoid",
                              "--real-logit", "2", "--fake-logit=-1,0.5", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.first == ["loss", "real_logit", "fake_logit", "value", "grad_real", "grad_fake"])
        #expect(rows.count == 1 + 6 * 2)
        for row in rows.dropFirst() {
            let game = try #require(GeneratorLoss(id: row[0]))
            let (r, f) = (try #require(Double(row[1])), try #require(Double(row[2])))
            #expect(r == 2 && [-1, 0.5].contains(f))
            let e = game.discriminatorLoss().evaluate(realLogit: r, fakeLogit: f)
            #expect(row[3...5].map { Double($0) } == [e.value, e.gradientReal, e.gradientFake], "\(row)")
        }
        // The critics' losses, as the interface spells them.
        let wgan = try #require(rows.first { $0[0] == "wgan" && $0[2] == "-1.0" })
        #expect(wgan[3] == "-3.0")
        let hinge = try #require(rows.first { $0[0] == "hinge" && $0[2] == "0.5" })
        #expect(hinge[3] == "1.5")  // max(0, 1 − 2) + max(0, 1 + 0.5)
    }

    @Test("--smoothing: a target, or TF-GAN's and torchgan's amounts", arguments: [
        ("0.9", 0.9), ("tfgan:0.25", 0.875), ("torchgan:0.1", 0.9),
    ])
    func smoothing(argument: String, target: Double) throws {
        let r = try Tool.run(["eval", "--player", "d", "--loss", "nonsat", "--smoothing", argument,
                              "--real-logit", "1.5", "--fake-logit=-1", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let row = csvRows(r.stdout)[1]
        let e = DiscriminatorLoss.bceSmoothed(target: target).evaluate(realLogit: 1.5, fakeLogit: -1)
        #expect(Double(row[3]) == e.value && Double(row[4]) == e.gradientReal)
    }

    @Test("--batch: L_D, L_G and, for the BCE games, V = mean log D(x) + mean log(1 − D(G(z)))")
    func batchObjectives() throws {
        let r = try Tool.run(["eval", "--batch", "--loss", "minimax,wgan", "--real-logits", "1.2,0.4,2",
                              "--fake-logits=-1,0.3", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.first == ["loss", "quantity", "value"])
        #expect(rows.dropFirst().map { $0[0] + " " + $0[1] } == ["minimax L_D", "minimax L_G", "minimax V", "wgan L_D", "wgan L_G"])
        let v = [1.2, 0.4, 2].map { log(Double.sigmoid($0)) }.reduce(0, +) / 3
            + [-1, 0.3].map { log1p(-Double.sigmoid($0)) }.reduce(0, +) / 2
        #expect(abs(try #require(Double(rows[3][2])) - v) < 1e-15)
        #expect(Double(rows[1][2]) == -Double(rows[3][2])!)
        // The critic: mean ℓ_f − mean ℓ_r, and the generator −mean ℓ_f.
        #expect(abs(try #require(Double(rows[4][2])) - (-0.35 - 1.2)) < 1e-15)
        #expect(abs(try #require(Double(rows[5][2])) - 0.35) < 1e-15)
        let sum = try Tool.run(["eval", "--batch", "--loss", "wgan", "--real-logits", "1.2,0.4,2",
                                "--fake-logits=-1,0.3", "--reduction", "sum", "--format", "csv"])
        #expect(abs(try #require(Double(csvRows(sum.stdout)[1][2])) - (-0.7 - 3.6)) < 1e-14)
    }

    @Test("--batch from CSV files: the columns by name give what the lists give, per sample too")
    func batchFromFiles() throws {
        let folder = try Tool.temporaryFolder("batch")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "real,fake\n1.2,-1\r\n0.4, 0.3\n2,\n\n".write(to: folder.appendingPathComponent("scores.csv"), atomically: true, encoding: .utf8)
        try "-1\n0.3\n".write(to: folder.appendingPathComponent("fake.csv"), atomically: true, encoding: .utf8)
        let lists = try Tool.run(["eval", "--batch", "--loss", "ns,ragan", "--real-logits", "1.2,0.4,2", "--fake-logits=-1,0.3", "--format", "csv"])
        let files = try Tool.run(["eval", "--batch", "--loss", "ns,ragan", "--real-logits", "@scores.csv:real",
                                  "--fake-logits", "@fake.csv", "--format", "csv"], in: folder)
        #expect(files.status == 0, "\(files.stderr)")
        #expect(files.stdout == lists.stdout)
        let perSample = try Tool.run(["eval", "--batch", "--loss", "ns", "--real-logits", "@scores.csv:real",
                                      "--fake-logits", "@fake.csv", "--per-sample", "--format", "csv"], in: folder)
        let rows = csvRows(perSample.stdout)
        #expect(rows.first == ["loss", "side", "index", "logit", "grad_loss_d", "grad_loss_g"])
        #expect(rows.count == 1 + 5)
        // ∂L_D/∂ℓ_r,i = −σ(−ℓ_r,i)/m for the mean of m = 3.
        #expect(Double(rows[1][4]) == -Double.sigmoid(-1.2) / 3)
    }

    @Test("bad input: one line, exit 64 (1 for a file that cannot be read)", arguments: [
        (["eval", "--loss", "wgan", "--d", "0.3"], "no sigmoid and no D", 64),
        (["eval", "--loss", "hinge", "--d", "0.3"], "a critic is not a probability", 64),
        (["eval", "--loss", "lsgan", "--d", "0.3"], "no D = σ(ℓ)", 64),
        (["eval", "--player", "d", "--loss", "ns", "--real-logit", "1,2", "--fake-logit", "1,2,3"], "lists of equal length", 64),
        (["eval", "--player", "d", "--loss", "ns"], "needs --fake-logit", 64),
        (["eval", "--player", "d", "--loss", "wgan", "--smoothing", "0.9", "--fake-logit", "0"], "no labels to smooth", 64),
        (["eval", "--player", "d", "--loss", "ns", "--smoothing", "keras:0.1", "--fake-logit", "0"], "unknown library", 64),
        (["eval", "--player", "d", "--loss", "ns", "--smoothing", "1.5", "--fake-logit", "0"], "outside [0, 1]", 64),
        (["eval", "--loss", "ns", "--logit", "0", "--real-logit", "1,2"], "takes one value for the generator", 64),
        (["eval", "--batch", "--loss", "ns", "--real-logits", "1"], "needs both --real-logits and --fake-logits", 64),
        (["eval", "--batch", "--loss", "ns", "--real-logits", "@scores.csv:nope", "--fake-logits", "0"], "has no column 'nope'", 64),
        (["eval", "--batch", "--loss", "ns", "--real-logits", "@scores.csv", "--fake-logits", "0"], "has 2 columns", 64),
        (["eval", "--batch", "--loss", "ns", "--real-logits", "@bad.csv:real", "--fake-logits", "0"], "line 3 of bad.csv: 'x' is not a number", 64),
        (["eval", "--batch", "--loss", "ns", "--real-logits", "@empty.csv", "--fake-logits", "0"], "has no numbers", 64),
        (["eval", "--batch", "--loss", "ns", "--real-logits", "@missing.csv", "--fake-logits", "0"], "cannot read missing.csv", 1),
        (["eval", "--batch", "--loss", "wgan", "--real-logits", "inf", "--fake-logits", "inf"], "undefined (NaN)", 64),
        (["eval", "--batch", "--loss", "ns", "--real-logits", "1", "--fake-logits", "0", "--weight=-1"], "not a weight", 64),
        (["eval", "--batch", "--loss", "ns", "--real-logits", "1", "--fake-logits", "0", "--weight", "real:1,real:2"], "real:w,fake:w", 64),
        (["eval", "--loss", "ns", "--logit", "0", "--weight", "2"], "go with --batch", 64),
        (["eval", "--player", "d", "--loss", "wgan,hinge", "--fake-logit", "0", "--grad-d"], "critics on a raw output", 64),
        (["eval", "--loss", "ns", "--logit", "0", "--grad-d"], "are for the discriminator", 64),
        (["plot", "--loss", "mm,wgan", "--x", "d", "-o", "f.png"], "a critic is not a probability", 64),
        (["plot", "--loss", "hinge", "--x", "log-d", "-o", "f.png"], "no sigmoid and no D", 64),
    ])
    func badInput(arguments: [String], message: String, status: Int32) throws {
        let folder = try Tool.temporaryFolder("batch-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "real,fake\n1,2\n".write(to: folder.appendingPathComponent("scores.csv"), atomically: true, encoding: .utf8)
        try "real\n1\nx\n".write(to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent("empty.csv"), atomically: true, encoding: .utf8)
        let r = try Tool.run(arguments, in: folder)
        #expect(r.status == status, "\(arguments): status \(r.status), stderr \(r.stderr)")
        #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("--weight scales each side's half of L_D and L_G, as TF-GAN's real_weights and generated_weights")
    func weights() throws {
        let base = ["eval", "--batch", "--loss", "nonsat,ragan", "--real-logits", "1.5,-0.5", "--fake-logits=-2,0.25,1",
                    "--reduction", "sum", "--format", "csv"]
        let plain = csvRows(try Tool.run(base).stdout), weighted = csvRows(try Tool.run(base + ["--weight", "real:2,fake:0.5"]).stdout)
        #expect(plain.count == weighted.count && plain.count == 1 + 5)
        for game in [GeneratorLoss.nonsat, .ragan] {
            var a = BatchAccumulator(game: game, realMean: 0.5, fakeMean: -0.25)
            [1.5, -0.5].forEach { a.addReal($0) }
            [-2, 0.25, 1].forEach { a.addFake($0) }
            let o = try #require(a.objectives(reduction: .sum, weights: SideWeights(real: 2, fake: 0.5)))
            let row = { (q: String) in weighted.first { $0[0] == game.id && $0[1] == q }.flatMap { Double($0[2]) } }
            #expect(row("L_D") == o.discriminator && row("L_G") == o.generator)
        }
        // V is the course's value: not weighted.
        #expect(plain.first { $0[1] == "V" } == weighted.first { $0[1] == "V" })
        // The halves: w_r·Σ real + w_f·Σ fake, from the unweighted sums of each half alone.
        let real = try Tool.run(["eval", "--batch", "--loss", "ns", "--real-logits", "1.5,-0.5", "--fake-logits=-2,0.25,1",
                                 "--reduction", "sum", "--weight", "real:1,fake:0", "--format", "csv"])
        let fake = try Tool.run(["eval", "--batch", "--loss", "ns", "--real-logits", "1.5,-0.5", "--fake-logits=-2,0.25,1",
                                 "--reduction", "sum", "--weight", "real:0,fake:1", "--format", "csv"])
        let half = { (r: Tool.Result) in Double(csvRows(r.stdout).first { $0[1] == "L_D" }![2])! }
        let both = Double(weighted.first { $0[0] == "nonsat" && $0[1] == "L_D" }![2])!
        #expect(abs(both - (2 * half(real) + 0.5 * half(fake))) <= 2 * both.ulp)
    }

    @Test("the table ends with each discriminator's equilibrium: 2 log 2 for BCE, at D = ½")
    func equilibrium() throws {
        let r = try Tool.run(["eval", "--player", "d", "--loss", "mm,ns,lsgan,hinge", "--real-logit", "1", "--fake-logit=-1"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("equilibrium of minimax, nonsat: L_D = \(2 * log(2.0)) at ℓ_r = ℓ_f = 0.0 (D = 0.5)"))
        #expect(r.stdout.contains("equilibrium of lsgan: L_D = 0.25 at ℓ_r = ℓ_f = 0.5"))
        #expect(r.stdout.contains("equilibrium of hinge: L_D = 2.0"))
        let batch = try Tool.run(["eval", "--batch", "--loss", "ns", "--real-logits", "0,0", "--fake-logits", "0", "--format", "csv"])
        // At the equilibrium itself the batch L_D is that value.
        #expect(csvRows(batch.stdout).first { $0[1] == "L_D" }?[2] == String(2 * log(2.0)))
    }

    @Test("plot: a critic's loss is drawn against its output ℓ, never through a sigmoid")
    func criticsAgainstTheirOutput() throws {
        let folder = try Tool.temporaryFolder("critic-plot")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["plot", "--loss", "wgan,nonsat", "-o", "f.svg"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: folder.appendingPathComponent("f.svg"), encoding: .utf8)
        #expect(!svg.isEmpty)
        let figure = LossCurveFigure(losses: [.wgan, .nonsat], x: .logit, quantity: .loss, theme: .paper)
        #expect(throws: LossCurveFigure.Problem.self) {
            _ = try LossCurveFigure(losses: [.wgan], x: .d, quantity: .loss, theme: .paper).figure()
        }
        let panel = try #require(try figure.figure().panels.first)
        #expect(panel.x.label?.contains("output") == true && panel.x.range == -10...10)
    }

    @Test("plot --player d: each game's real and generated terms against their own output, as the catalog has them")
    func discriminatorFigure() throws {
        let figure = LossCurveFigure(losses: [.minimax, .nonsat, .lsgan, .hinge], x: .logit, quantity: .loss, theme: .paper)
        var d = figure
        d.player = .discriminator
        let panel = try #require(try d.figure().panels.first)
        let curves = panel.marks.compactMap { mark -> FunctionCurve? in
            if case .function(let f) = mark { return f } else { return nil }
        }
        // minimax and nonsat share BCE: one series per half; lsgan and hinge two each.
        #expect(curves.map(\.label) == [
            "minimax = nonsat, real  $\\mathrm{softplus}(-\\ell)$", "minimax = nonsat, generated  $\\mathrm{softplus}(\\ell)$",
            "lsgan, real  $(\\ell-1)^2/2$", "lsgan, generated  $\\ell^2/2$",
            "hinge, real  $\\max(0,1-\\ell)$", "hinge, generated  $\\max(0,1+\\ell)$",
        ])
        // What is drawn is the catalog's terms, at every point.
        let xs = Array(stride(from: -10.0, through: 10.0, by: 0.25))
        let expected: [[Double]] = [xs.map { DiscriminatorLoss.bce.realValue($0) }, xs.map { DiscriminatorLoss.bce.fakeValue($0) },
                                    xs.map { DiscriminatorLoss.leastSquares.realValue($0) }, xs.map { DiscriminatorLoss.leastSquares.fakeValue($0) },
                                    xs.map { DiscriminatorLoss.hinge.realValue($0) }, xs.map { DiscriminatorLoss.hinge.fakeValue($0) }]
        for (curve, values) in zip(curves, expected) { #expect(curve.values(xs) == values, "\(curve.label ?? "")") }
        #expect(panel.y.label == "discriminator loss $L_D$, each term")

        let folder = try Tool.temporaryFolder("discriminator-plot")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ok = try Tool.run(["plot", "--player", "d", "--loss", "ns,wgan", "--y", "both", "-o", "f.pdf"], in: folder)
        #expect(ok.status == 0, "\(ok.stderr)")
        for (arguments, message) in [(["--loss", "wgan", "--x", "d"], "a critic is not a probability"),
                                     (["--loss", "hinge", "--y", "grad-d"], "no D = σ(ℓ)"),
                                     (["--loss", "ns", "--color", "red,blue,green"], "3")] {
            let r = try Tool.run(["plot", "--player", "d"] + arguments + ["-o", "g.png"], in: folder)
            #expect(r.status == 64 && r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
    }

    @Test("--grad-d: ∂L_D/∂D_r and ∂L_D/∂D_f where D exists, empty for a critic")
    func gradientsInD() throws {
        let r = try Tool.run(["eval", "--player", "d", "--loss", "mm,lssigmoid,wgan", "--grad-d", "--real-logit", "1.5",
                              "--fake-logit=-0.5", "--smoothing", "0.9", "--format", "csv"])
        // --smoothing applies to the BCE games only: give it without wgan.
        #expect(r.status == 64)
        let ok = try Tool.run(["eval", "--player", "d", "--loss", "mm,lssigmoid,wgan", "--grad-d", "--real-logit", "1.5",
                               "--fake-logit=-0.5", "--format", "csv"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let rows = csvRows(ok.stdout)
        #expect(rows.first == ["loss", "real_logit", "fake_logit", "value", "grad_real", "grad_fake", "grad_real_d", "grad_fake_d"])
        for row in rows.dropFirst() {
            let game = try #require(GeneratorLoss(id: row[0]))
            let d = game.discriminatorLoss().gradientsD(realLogit: 1.5, fakeLogit: -0.5)
            #expect(Array(row[6...7]) == (d.map { [String($0.real), String($0.fake)] } ?? ["", ""]), "\(row)")
        }
        // BCE: −1/D_r and 1/(1 − D_f).
        let bce = try #require(rows.first { $0[0] == "minimax" })
        #expect(abs(Double(bce[6])! + 1 / Double.sigmoid(1.5)) <= 1e-15 && abs(Double(bce[7])! - 1 / Double.sigmoid(0.5)) <= 1e-15)
    }
}
