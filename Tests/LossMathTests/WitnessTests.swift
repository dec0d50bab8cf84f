import _Differentiation
import Glibc
import LossMath
public import Testing

@Suite("Three witnesses: closed form = autodiff = reference")
struct WitnessTests {
    @Test("every comparison of gan-losses check is within tolerance", arguments: GeneratorLoss.allCases)
    func accuracyCheckPasses(loss: GeneratorLoss) throws {
        let comparisons = try AccuracyCheck.run(loss, sweepPoints: 2001)
        #expect(comparisons.count >= 4)
        for c in comparisons {
            #expect(c.points > 1000, "\(c.witnesses) \(c.quantity) compared only \(c.points) points")
            #expect(c.passed, "\(loss.id) \(c.witnesses) \(c.quantity): \(c.maxULP) ULP at ℓ = \(c.worstLogit)")
        }
    }

    @Test("closed form = autodiff for non-default parameters",
          arguments: [(0.5, -3.0), (-2.0, 4.0), (10.0, 0.25)])
    func parameters(target: Double, realLogit: Double) {
        let p = LossParameters(leastSquaresTarget: target, realLogit: realLogit)
        // A step of 3/8 keeps ℓ_r − ℓ exact: the closed form takes the difference exactly, the textbook
        // expression rounds it, and where it is inexact they may differ by far more than 8 ULP.
        for l in stride(from: -30.0, through: 30.0, by: 0.375) {
            for loss in [GeneratorLoss.lsgan, .ragan] {
                let closed = loss.gradientLogit(atLogit: l, parameters: p)
                let autodiff = loss.autodiffGradientLogit(atLogit: l, parameters: p)
                #expect(ulps(autodiff, closed) <= AccuracyCheck.autodiffTolerance, "\(loss.id) at \(l)")
            }
        }
    }

    @Test("primitives: finite differences and autodiff agree with σ")
    func primitives() {
        for c in AccuracyCheck.runPrimitives(sweepPoints: 2001) {
            #expect(c.passed, "\(c.subject) \(c.witnesses): rel. \(c.maxRelativeError) at \(c.worstLogit)")
        }
    }

    @Test("a wrong closed form would be caught: the witnesses disagree with a perturbed derivative")
    func witnessesHaveTeeth() throws {
        // −σ(ℓ)·(1 + 2⁻⁴⁸) is 32 ULP off; the reference must see it.
        let vectors = try #require(Reference.vectors[.minimax])
        let worst = vectors.points.filter { $0.gradientLogit.isNormal }.map {
            $0.gradientLogit.ulpError(of: GeneratorLoss.minimax.gradientLogit(atLogit: $0.logit) * (1 + 0x1p-48))
        }.max() ?? 0
        #expect(worst > 16)
    }
}

@Suite("Discriminator losses")
struct DiscriminatorLossTests {
    static let losses: [DiscriminatorLoss] = [
        .bce, .bceSmoothed(target: 0.9), .leastSquares, .leastSquares(fakeTarget: -1, realTarget: 1),
        .leastSquaresSigmoid, .wasserstein, .hinge, .ragan,
    ]

    @Test("closed-form partials = autodiff partials", arguments: losses)
    func partialsMatchAutodiff(loss: DiscriminatorLoss) {
        for r in stride(from: -25.0, through: 25.0, by: 1.3) {
            for f in stride(from: -25.0, through: 25.0, by: 1.7) {
                let closed = loss.evaluate(realLogit: r, fakeLogit: f)
                let autodiff = loss.autodiffGradients(realLogit: r, fakeLogit: f)
                // σ(ℓ_r) − t cancels near the smoothed optimum: compare with an absolute floor.
                #expect(abs(autodiff.real - closed.gradientReal) <= 8 * max(abs(closed.gradientReal).ulp, Double.ulpOfOne),
                        "\(loss) ∂/∂ℓ_r at (\(r), \(f))")
                #expect(abs(autodiff.fake - closed.gradientFake) <= 8 * max(abs(closed.gradientFake).ulp, Double.ulpOfOne),
                        "\(loss) ∂/∂ℓ_f at (\(r), \(f))")
            }
        }
    }

    @Test("BCE with target t is smallest at ℓ* = log(t/(1 − t)), where its real-logit slope is 0",
          arguments: [0.9, 0.8, 0.95])
    func labelSmoothingOptimum(t: Double) throws {
        let loss = DiscriminatorLoss.bceSmoothed(target: t)
        let optimum = try #require(loss.optimalRealLogit)
        #expect(abs(optimum - log(t / (1 - t))) < 1e-15)
        let atOptimum = loss.evaluate(realLogit: optimum, fakeLogit: -50)
        #expect(abs(atOptimum.gradientReal) < 1e-15)
        for step in [-0.5, 0.5] {
            #expect(loss.evaluate(realLogit: optimum + step, fakeLogit: -50).value > atOptimum.value)
        }
        // At the optimum the real part is the binary entropy of t.
        let entropy = -t * log(t) - (1 - t) * log(1 - t)
        #expect(abs(atOptimum.value - Double.softplus(-50.0) - entropy) < 1e-15)
    }

    @Test("BCE with target 1 is plain BCE")
    func smoothingWithTargetOne() {
        for r in stride(from: -30.0, through: 30.0, by: 0.9) {
            let plain = DiscriminatorLoss.bce.evaluate(realLogit: r, fakeLogit: 0.3)
            let smoothed = DiscriminatorLoss.bceSmoothed(target: 1).evaluate(realLogit: r, fakeLogit: 0.3)
            #expect(plain.value == smoothed.value)
            #expect(ulps(smoothed.gradientReal, plain.gradientReal) <= 2 || abs(smoothed.gradientReal - plain.gradientReal) < 1e-16)
        }
    }

    @Test("hinge and Wasserstein: values, kinks, NaN propagation")
    func piecewise() {
        let h = DiscriminatorLoss.hinge.evaluate(realLogit: 2.0, fakeLogit: -3.0)
        #expect(h.value == 0 && h.gradientReal == 0 && h.gradientFake == 0)
        let h2 = DiscriminatorLoss.hinge.evaluate(realLogit: 0.0, fakeLogit: 0.0)
        #expect(h2.value == 2 && h2.gradientReal == -1 && h2.gradientFake == 1)
        #expect(DiscriminatorLoss.hinge.evaluate(realLogit: Double.nan, fakeLogit: 0).value.isNaN)
        let w = DiscriminatorLoss.wasserstein.evaluate(realLogit: 3.0, fakeLogit: 1.0)
        #expect(w.value == -2 && w.gradientReal == -1 && w.gradientFake == 1)
    }

    @Test("RaGAN's discriminator pair is 2·softplus(ℓ_f − ℓ_r), the mirror of the generator's")
    func ragan() {
        let d = DiscriminatorLoss.ragan.evaluate(realLogit: 1.5, fakeLogit: -0.5)
        #expect(d.value == 2 * Double.softplus(-2.0))
        #expect(d.gradientReal == -d.gradientFake)
        let g = GeneratorLoss.ragan.value(atLogit: -0.5, parameters: .init(realLogit: 1.5))
        #expect(g == 2 * Double.softplus(2.0))
    }
}

extension DiscriminatorLoss: CustomTestStringConvertible {
    var testDescription: String { "\(self)" }
}
