import Glibc
import LossMath
import Testing

@Suite("Both players over a batch")
struct BatchObjectivesTests {
    static let games = GeneratorLoss.allCases

    /// The accumulator over the given logits.
    static func accumulate(_ game: GeneratorLoss, _ real: [Double], _ fake: [Double],
                           parameters: LossParameters = .standard) -> BatchAccumulator {
        let mean = { (xs: [Double]) in xs.reduce(0, +) / Double(xs.count) }
        var a = BatchAccumulator(game: game, parameters: parameters, realMean: mean(real), fakeMean: mean(fake))
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
        for game in Self.games {
            let o = try #require(Self.accumulate(game, real, fake).objectives(reduction: .mean))
            guard game.hasValueFunction else { #expect(o.value == nil); continue }
            let v = real.map { log(Double.sigmoid($0)) }.reduce(0, +) / 3 + fake.map { log(1 - Double.sigmoid($0)) }.reduce(0, +) / 2
            #expect(abs(try #require(o.value) - v) < 1e-15)
            #expect(o.discriminator == -(try #require(o.value)))
        }
    }

    @Test("the sum is the mean times the count, side by side", arguments: games)
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

    @Test("per-sample gradients are the objectives' derivatives (central differences)", arguments: games)
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

    @Test("equilibrium: L_D where the generator has won, at the best constant logit")
    func equilibrium() {
        #expect(abs(DiscriminatorLoss.bce.equilibrium.value - 2 * log(2.0)) < 1e-15)
        #expect(DiscriminatorLoss.ragan.equilibrium.value == DiscriminatorLoss.bce.equilibrium.value)
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
