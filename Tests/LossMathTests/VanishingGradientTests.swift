import _Differentiation
import Glibc
import LossMath
import Testing

/// The teaching claims of the course, as tests (docs/vanishing-gradients.md).
@Suite("Saturation: which generator gradients vanish as D(G(z)) → 0")
struct VanishingGradientTests {
    static let smallD = [1e-3, 1e-6, 1e-12, 1e-300]

    @Test("minimax ∂L/∂ℓ = −D → 0, within 2 ULP of −D", arguments: smallD)
    func minimaxVanishes(d: Double) throws {
        // D-space closed form: (∂L/∂D)·σ′ = −1/(1 − D) · D(1 − D) = −D.
        #expect(ulps(GeneratorLoss.minimax.evaluate(atD: d).gradientLogit, -d) <= 2)
        // Autodiff's ∂L/∂D of log(1 − D), times σ′(ℓ) = D(1 − D): the chain rule done numerically.
        let slope = try #require(GeneratorLoss.minimax.autodiffGradientD(atD: d))
        #expect(ulps(slope * (d * (1 - d)), -d) <= 2)
        // In logit space at ℓ = logit(D): ℓ itself is rounded, which moves σ(ℓ) by up to |ℓ|·2⁻⁵³.
        let l = Double.logit(d)
        let g = GeneratorLoss.minimax.gradientLogit(atLogit: l)
        #expect(abs(g / -d - 1) <= (abs(l) + 4) * Double.ulpOfOne)
    }

    @Test("the minimax gradient shrinks in proportion to D over 300 decades")
    func minimaxProportional() {
        var previous = 1.0
        for exponent in stride(from: -1, through: -300, by: -1) {
            let g = abs(GeneratorLoss.minimax.gradientLogit(atLogit: Double.logit(pow(10, Double(exponent)))))
            #expect(g < previous)
            #expect(abs(log10(g) - Double(exponent)) < 1e-9)
            previous = g
        }
    }

    @Test("non-saturating ∂L/∂ℓ → −1", arguments: smallD)
    func nonsatSurvives(d: Double) {
        #expect(abs(GeneratorLoss.nonsat.evaluate(atD: d).gradientLogit + 1) <= 1.01 * d)
        #expect(abs(GeneratorLoss.nonsat.gradientLogit(atLogit: Double.logit(d)) + 1) <= 1.01 * d)
    }

    @Test("maximum-likelihood ∂L/∂ℓ → 0 like −D", arguments: smallD)
    func maxlikVanishes(d: Double) {
        let g = GeneratorLoss.maxlik.gradientLogit(atLogit: Double.logit(d))
        // −D/(1 − D) = −D (1 + D + …): relative distance D/(1 − D) from −D.
        #expect(abs(g / -d - 1) <= (abs(Double.logit(d)) + 4) * Double.ulpOfOne + 1.01 * d)
    }

    @Test("in D-space the minimax slope → −1 (finite): the vanishing is σ′ = D(1 − D)'s doing", arguments: smallD)
    func minimaxDSpaceSlope(d: Double) throws {
        let closed = try #require(GeneratorLoss.minimax.evaluate(atD: d).gradientD)
        #expect(abs(closed + 1) <= 1.01 * d)
        let autodiff = try #require(GeneratorLoss.minimax.autodiffGradientD(atD: d))
        #expect(abs(autodiff + 1) <= 1.01 * d)
        #expect(try #require(GeneratorLoss.minimax.gradientD(atLogit: Double.logit(d))) <= -1)
    }

    @Test("the non-saturating loss is what saturates as D → 1: its gradient → 0 there",
          arguments: [1 - 1e-3, 1 - 1e-6, 1 - 1e-12])
    func nonsatSaturatesAtOne(d: Double) {
        let g = GeneratorLoss.nonsat.evaluate(atD: d).gradientLogit
        #expect(abs(g + (1 - d)) <= 2 * (1 - d).ulp)
        #expect(abs(GeneratorLoss.minimax.evaluate(atD: d).gradientLogit + 1) < 2e-3)
    }
}
