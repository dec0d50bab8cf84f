import _Differentiation
import Glibc
import LossMath
import Testing

/// The naive forms' failures, reproduced beside the stable forms (docs/architecture.md#losses-from-logits), so the stability
/// story is tested and not only told.
@Suite("Float: naive forms fail where the stable forms do not")
struct FloatStabilityTests {
    @Test("log(1 − σ(ℓ)) returns −∞ from ℓ ≈ 17 in Float; −softplus(ℓ) is exact", arguments: [17, 20, 40] as [Float])
    func minimaxNaiveInfinity(l: Float) {
        #expect(Naive.minimax(l) == -.infinity)
        let stable = GeneratorLoss.minimax.evaluate(atLogit: l).value
        #expect(stable.isFinite && abs(stable + l) <= 1e-6 * l)
        // The autodiff gradient of the naive expression is −∞ instead of ≈ −1.
        #expect(gradient(at: l, of: Naive.minimax) == -.infinity)
        #expect(abs(GeneratorLoss.minimax.evaluate(atLogit: l).gradientLogit + 1) < 1e-6)
    }

    @Test("the same failure in Double starts at ℓ ≈ 37")
    func minimaxNaiveDouble() {
        #expect(Naive.minimax(36.0).isFinite)
        #expect(Naive.minimax(38.0) == -.infinity)
        #expect(GeneratorLoss.minimax.value(atLogit: 38) == -38.0)
    }

    @Test("−log σ(ℓ) returns +∞ once σ flushes (Float ℓ ≲ −88.7); its autodiff gradient is NaN")
    func nonsatNaiveInfinity() {
        let l: Float = -100
        #expect(Naive.sigmoid(l) == 0)
        #expect(Naive.nonsat(l) == .infinity)
        #expect(gradient(at: l, of: Naive.nonsat).isNaN)
        let stable = GeneratorLoss.nonsat.evaluate(atLogit: l)
        #expect(stable.value == 100)
        #expect(stable.gradientLogit == -1)
    }

    @Test("the epsilon trick −log(σ + 1e−8) silently kills the gradient below ℓ ≈ −18.4",
          arguments: [-20, -25, -30] as [Float])
    func epsilonTrickZeroGradient(l: Float) {
        let naive = gradient(at: l, of: Naive.nonsatWithEpsilon)
        #expect(naive.isFinite, "no inf or NaN warns the user")
        #expect(abs(naive) < 0.25, "the gradient should be ≈ −1 but is \(naive)")
        #expect(abs(GeneratorLoss.nonsat.evaluate(atLogit: l).gradientLogit + 1) < 1e-6)
    }

    @Test("naive σ flushes to 0 where the stable σ keeps a Float subnormal")
    func sigmoidFlush() {
        #expect(Naive.sigmoid(Float(-100)) == 0)
        #expect(Float.sigmoid(Float(-100)).isSubnormal)
        #expect(GeneratorLoss.minimax.evaluate(atLogit: Float(-100)).gradientLogit < 0)
    }

    @Test("stable Float losses are within 1 ULP of the Double ones rounded", arguments: GeneratorLoss.allCases)
    func floatAccuracy(loss: GeneratorLoss) {
        for l in stride(from: -120.0, through: 120.0, by: 0.173) {
            let f = Float(l)
            let single = loss.evaluate(atLogit: f)
            let double = loss.evaluate(atLogit: Double(f))
            #expect(ulps(single.value, Float(double.value)) <= 1)
            #expect(ulps(single.gradientLogit, Float(double.gradientLogit)) <= 1)
        }
    }
}
