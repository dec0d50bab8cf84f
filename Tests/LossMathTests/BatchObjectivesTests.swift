import Glibc
import LossMath
import Testing

@Suite("Both players over a batch")
struct BatchObjectivesTests {
    static let games = GeneratorLoss.allCases
    /// The games that take each side on its own (RSGAN pairs its samples: ``rsganPairs()``).
    static let sideGames = GeneratorLoss.allCases.filter { $0 != .rsgan }

    /// The accumulator over the given logits (RSGAN's in pairs, real i with generated i).
    static func accumulate(_ game: GeneratorLoss, _ real: [Double], _ fake: [Double],
                           parameters: LossParameters = .standard) -> BatchAccumulator {
        let mean = { (xs: [Double]) in xs.reduce(0, +) / Double(xs.count) }
        var a = BatchAccumulator(game: game, parameters: parameters, realMean: mean(real), fakeMean: mean(fake))
        if a.pairsSamples {
            zip(real, fake).forEach { a.addPair(real: $0, fake: $1) }
            return a
        }
        real.forEach { a.addReal($0) }
        fake.forEach { a.addFake($0) }
        return a
    }

    @Test("one pair: L_D and L_G are the catalog's pair losses", arguments: games)
    func onePair(game: GeneratorLoss) throws {
        for (r, f) in [(2.0, -1.0), (-3.0, 4.0), (0.0, 0.0), (30.0, -30.0)] {
            let o = try #require(Self.accumulate(game, [r], [f]).objectives(reduction: .mean))
            let pair = game.discriminatorLoss().evaluate(realLogit: r, fakeLogit: f)
            // The batch adds the rounded terms (compensated); the pair rounds their sum once.
            #expect(abs(o.discriminator - pair.value) <= pair.value.ulp, "\(game.id) L_D at (\(r), \(f))")
            let generator = game.value(atLogit: f, parameters: LossParameters(realLogit: r))
            #expect(abs(o.generator - generator) <= 2 * generator.ulp, "\(game.id) L_G at (\(r), \(f))")
        }
    }

    @Test("V(D, G) = mean log D(x) + mean log(1 − D(G(z))) = −L_D for the BCE games")
    func valueFunction() throws {
        let real = [1.2, 0.4, 2.0], fake = [-1.0, 0.3]
        for game in Self.sideGames {
            let o = try #require(Self.accumulate(game, real, fake).objectives(reduction: .mean))
            guard game.hasValueFunction else { #expect(o.value == nil); continue }
            let v = real.map { log(Double.sigmoid($0)) }.reduce(0, +) / 3 + fake.map { log(1 - Double.sigmoid($0)) }.reduce(0, +) / 2
            #expect(abs(try #require(o.value) - v) < 1e-15)
            #expect(o.discriminator == -(try #require(o.value)))
        }
    }

    @Test("the sum is the mean times the count, side by side", arguments: sideGames)
    func sumAndMean(game: GeneratorLoss) throws {
        let real = [1.2, 0.4, 2.0, -0.5], fake = [-1.0, 0.3]
        let a = Self.accumulate(game, real, fake)
        let mean = try #require(a.objectives(reduction: .mean)), sum = try #require(a.objectives(reduction: .sum))
        let d = game.discriminatorLoss()
        let realSum = real.map { d.realTerm($0, fakeMean: -0.35).value }.reduce(0, +)
        let fakeSum = fake.map { d.fakeTerm($0, realMean: 0.775).value }.reduce(0, +)
        #expect(abs(sum.discriminator - (realSum + fakeSum)) < 1e-14)
        #expect(abs(mean.discriminator - (realSum / 4 + fakeSum / 2)) < 1e-14)
    }

    @Test("per-sample gradients are the objectives' derivatives (central differences)", arguments: sideGames)
    func perSampleGradients(game: GeneratorLoss) throws {
        let real = [1.2, 0.4, 2.0], fake = [-1.3, 0.3]  // away from the hinge's kinks at ±1
        for reduction in Reduction.allCases {
            let a = Self.accumulate(game, real, fake)
            let h = 1e-6
            func objectives(_ r: [Double], _ f: [Double]) throws -> BatchObjectives {
                try #require(Self.accumulate(game, r, f).objectives(reduction: reduction))
            }
            for i in real.indices {
                var up = real, down = real
                up[i] += h; down[i] -= h
                let (hi, lo) = (try objectives(up, fake), try objectives(down, fake))
                let g = a.gradients(real: real[i], reduction: reduction)
                #expect(abs(g.discriminator - (hi.discriminator - lo.discriminator) / (2 * h)) < 1e-7, "\(game.id) ∂L_D/∂ℓ_r,\(i)")
                #expect(abs(g.generator - (hi.generator - lo.generator) / (2 * h)) < 1e-7, "\(game.id) ∂L_G/∂ℓ_r,\(i)")
            }
            for j in fake.indices {
                var up = fake, down = fake
                up[j] += h; down[j] -= h
                let (hi, lo) = (try objectives(real, up), try objectives(real, down))
                let g = a.gradients(fake: fake[j], reduction: reduction)
                #expect(abs(g.discriminator - (hi.discriminator - lo.discriminator) / (2 * h)) < 1e-7, "\(game.id) ∂L_D/∂ℓ_f,\(j)")
                #expect(abs(g.generator - (hi.generator - lo.generator) / (2 * h)) < 1e-7, "\(game.id) ∂L_G/∂ℓ_f,\(j)")
            }
        }
    }

    @Test("RSGAN pairs sample i with sample i: its objectives and per-pair gradients (central differences)")
    func rsganPairs() throws {
        let real = [1.2, 0.4, 2.0], fake = [-1.3, 0.3, 0.5]
        let phi = { (x: Double) in log1p(exp(-x)) }
        for reduction in Reduction.allCases {
            let w = reduction == .mean ? 1.0 / 3 : 1
            let a = Self.accumulate(.rsgan, real, fake)
            let o = try #require(a.objectives(reduction: reduction))
            let d = zip(real, fake).map { phi($0 - $1) }.reduce(0, +), g = zip(real, fake).map { phi($1 - $0) }.reduce(0, +)
            #expect(abs(o.discriminator - w * d) < 1e-15 && abs(o.generator - w * g) < 1e-14 && o.value == nil)
            let h = 1e-6
            for i in real.indices {
                for side in ["real", "fake"] {
                    var up = (real, fake), down = (real, fake)
                    if side == "real" { up.0[i] += h; down.0[i] -= h } else { up.1[i] += h; down.1[i] -= h }
                    let hi = try #require(Self.accumulate(.rsgan, up.0, up.1).objectives(reduction: reduction))
                    let lo = try #require(Self.accumulate(.rsgan, down.0, down.1).objectives(reduction: reduction))
                    let pair = a.gradients(pair: real[i], fake: fake[i], reduction: reduction)
                    let got = side == "real" ? pair.real : pair.fake
                    #expect(abs(got.discriminator - (hi.discriminator - lo.discriminator) / (2 * h)) < 1e-8, "∂L_D/∂ℓ \(side) \(i)")
                    #expect(abs(got.generator - (hi.generator - lo.generator) / (2 * h)) < 1e-8, "∂L_G/∂ℓ \(side) \(i)")
                }
            }
        }
    }

    @Test("the average games' batch terms: the paper's sums against the other side's mean")
    func relativisticAverageTerms() throws {
        let real = [1.2, 0.4, 2.0, -0.5], fake = [-1.0, 0.3]
        let (rBar, fBar) = (0.775, -0.35)
        let phis: [(GeneratorLoss, (Double) -> Double)] = [
            (.rasgan, { log1p(exp(-$0)) }), (.ralsgan, { ($0 - 1) * ($0 - 1) }), (.rahinge, { max(0, 1 - $0) }),
        ]
        for (game, phi) in phis {
            let o = try #require(Self.accumulate(game, real, fake).objectives(reduction: .mean))
            let d = real.map { phi($0 - fBar) }.reduce(0, +) / 4 + fake.map { phi(rBar - $0) }.reduce(0, +) / 2
            let g = fake.map { phi($0 - rBar) }.reduce(0, +) / 2 + real.map { phi(fBar - $0) }.reduce(0, +) / 4
            #expect(abs(o.discriminator - d) < 1e-14 && abs(o.generator - g) < 1e-14, "\(game.id)")
        }
        // ragan is rasgan under its first id.
        #expect(Self.accumulate(.ragan, real, fake).objectives(reduction: .mean) == Self.accumulate(.rasgan, real, fake).objectives(reduction: .mean))
    }

    @Test("equilibrium: L_D where the generator has won, at the best constant logit")
    func equilibrium() {
        #expect(abs(DiscriminatorLoss.bce.equilibrium.value - 2 * log(2.0)) < 1e-15)
        #expect(DiscriminatorLoss.ragan.equilibrium.value == DiscriminatorLoss.bce.equilibrium.value)
        #expect(DiscriminatorLoss.relativistic(.rsgan).equilibrium.value == log(2.0))
        #expect(DiscriminatorLoss.relativistic(.ralsgan).equilibrium.value == 2 && DiscriminatorLoss.relativistic(.rahinge).equilibrium.value == 2)
        #expect(DiscriminatorLoss.leastSquares.equilibrium.logit == 0.5 && DiscriminatorLoss.leastSquares.equilibrium.value == 0.25)
        #expect(DiscriminatorLoss.leastSquaresSigmoid.equilibrium.value == 0.25)
        #expect(DiscriminatorLoss.hinge.equilibrium.value == 2 && DiscriminatorLoss.wasserstein.equilibrium.value == 0)
        // With target t both samples settle where σ(ℓ*) = t/2, and no nearby ℓ does better.
        let smoothed = DiscriminatorLoss.bceSmoothed(target: 0.9)
        let (l, v) = smoothed.equilibrium
        #expect(abs(Double.sigmoid(l) - 0.45) < 1e-15)
        for step in [-0.01, 0.01] {
            #expect(smoothed.evaluate(realLogit: l + step, fakeLogit: l + step).value > v)
        }
    }

    @Test("label smoothing in each library's words")
    func labelSmoothing() {
        #expect(LabelSmoothing.tfgan(0.25).realLabel == 0.875)
        #expect(LabelSmoothing.torchgan(0.1).realLabel == 0.9)
        #expect(LabelSmoothing.target(0.9).realLabel == 0.9)
        #expect(abs(LabelSmoothing.target(0.9).optimalRealLogit - log(9.0)) < 1e-15)
        #expect(GeneratorLoss.nonsat.discriminatorLoss(parameters: LossParameters(realLabel: 0.9)) == .bceSmoothed(target: 0.9))
        #expect(GeneratorLoss.nonsat.discriminatorLoss() == .bce)
    }

    @Test("the compensated sum keeps what a plain sum loses")
    func compensatedSum() {
        var s = CompensatedSum()
        for x in [1e16, 1.0, -1e16, 1.0] { s.add(x) }
        #expect(s.value == 2 && s.count == 4)
        var tenths = CompensatedSum()
        for _ in 0..<1_000_000 { tenths.add(0.1) }
        #expect(abs(tenths.value - 100_000) <= 100_000.0.ulp)
    }
}
