import _Differentiation
import Glibc
import LossMath
import Testing

@Suite("Gradient penalties")
struct GradientPenaltyTests {
    @differentiable(reverse) static func twoSided(_ g: Double) -> Double { 10 * (g - 1) * (g - 1) }
    @differentiable(reverse) static func oneSided(_ g: Double) -> Double { g > 1 ? 10 * (g - 1) * (g - 1) : 0 }
    @differentiable(reverse) static func r1(_ g: Double) -> Double { 0.5 * 5 * g * g }
    @differentiable(reverse) static func twoSidedTarget(_ g: Double) -> Double { 3 * (g - 2.5) * (g - 2.5) }
    @differentiable(reverse) static func oneSidedTarget(_ g: Double) -> Double { g > 0.5 ? 3 * (g - 0.5) * (g - 0.5) : 0 }
    @differentiable(reverse) static func r2(_ g: Double) -> Double { 0.5 * 0.1 * g * g }
    @differentiable(reverse) static func norm(_ a: Double, _ b: Double) -> Double { (a * a + b * b + 1e-12).squareRoot() }

    @Test("values and derivatives against autodiff, targets k ≠ 1 and R2 included")
    func againstAutodiff() {
        // Each case calls `gradient` on a named function: an array of `@differentiable` closures
        // crashed on release (swift_release in the array's destruction, Swift 6.3.1).
        let penalties: [GradientPenalty] = [.twoSided(lambda: 10), .oneSided(lambda: 10), .r1(gamma: 5),
                                            .twoSided(lambda: 3, target: 2.5), .oneSided(lambda: 3, target: 0.5), .r2(gamma: 0.1)]
        for g in stride(from: 0.0, through: 3.0, by: 0.137) {
            for (k, penalty) in penalties.enumerated() {
                let (value, ad): (Double, Double)
                switch k {
                case 0: (value, ad) = (Self.twoSided(g), gradient(at: g, of: Self.twoSided))
                case 1: (value, ad) = (Self.oneSided(g), gradient(at: g, of: Self.oneSided))
                case 2: (value, ad) = (Self.r1(g), gradient(at: g, of: Self.r1))
                case 3: (value, ad) = (Self.twoSidedTarget(g), gradient(at: g, of: Self.twoSidedTarget))
                case 4: (value, ad) = (Self.oneSidedTarget(g), gradient(at: g, of: Self.oneSidedTarget))
                default: (value, ad) = (Self.r2(g), gradient(at: g, of: Self.r2))
                }
                #expect(abs(penalty.value(gradientNorm: g) - value) <= 1e-12 * max(1, value))
                #expect(abs(penalty.derivative(gradientNorm: g) - ad) <= 1e-12 * max(1, abs(ad)), "\(penalty.name) at \(g)")
            }
        }
    }

    @Test("the ε inside the norm keeps its gradient finite at 0")
    func normAtZero() {
        let (da, db) = gradient(at: 0.0, 0.0, of: Self.norm)
        #expect(da.isFinite && db.isFinite)
        #expect(BatchGradientPenalty.norm([0, 0]) > 0)
        #expect(abs(BatchGradientPenalty.norm([3, 4]) - 5) < 1e-12)
    }

    @Test("per-sample against whole-batch norm: for n gradients of norm 1 the batch norm is √n")
    func perSampleVersusWholeBatch() {
        let n = 64
        var g = SeededGenerator(seed: 7)
        let gradients = (0..<n).map { _ -> [Double] in
            let a = 2 * Double.pi * g.uniform()
            return [cos(a), sin(a)]  // a 1-Lipschitz critic's gradients: norm exactly 1
        }
        let penalty = GradientPenalty.twoSided(lambda: 10)
        #expect(BatchGradientPenalty.perSample(penalty, gradients: gradients) < 1e-9)
        let predicted = 10 * (Double(n).squareRoot() - 1) * (Double(n).squareRoot() - 1)  // λ(√n − 1)² = 490
        #expect(abs(BatchGradientPenalty.wholeBatch(penalty, gradients: gradients) - predicted) < 1e-6)
    }

    @Test("interpolates lie on the segments, ε drawn per sample; penalizing a critic pulls its norms to 1")
    func interpolatesAndTraining() {
        var g = SeededGenerator(seed: 3)
        let real = (0..<200).map { _ in [1 + 0.3 * g.standardNormal(), 1 + 0.3 * g.standardNormal()] }
        let fake = (0..<200).map { _ in [-1 + 0.3 * g.standardNormal(), -1 + 0.3 * g.standardNormal()] }
        let (points, eps) = BatchGradientPenalty.interpolates(real: real, fake: fake, generator: &g)
        #expect(Set(eps).count == eps.count)
        for (i, x) in points.enumerated() {
            for d in 0..<2 { #expect(abs(x[d] - (eps[i] * real[i][d] + (1 - eps[i]) * fake[i][d])) < 1e-12) }
        }
        let critic = QuadraticCritic(w1: 2.2, w2: 1.4, k: 0.8)
        let trained = critic.penalized(on: points, steps: 200, learningRate: 0.1)
        let before = points.map { abs(critic.gradientNorm(at: $0) - 1) }.reduce(0, +) / 200
        let after = points.map { abs(trained.gradientNorm(at: $0) - 1) }.reduce(0, +) / 200
        #expect(after < 0.05 && after < before / 10)
    }

    @Test("values and derivatives at hand-computed points", arguments: [
        // (penalty, g, value, d/dg)
        (GradientPenalty.twoSided(lambda: 10), 0.5, 2.5, -10.0),  // 10 (0.5 − 1)², 2·10 (0.5 − 1)
        (.twoSided(lambda: 10), 1.0, 0.0, 0.0),
        (.twoSided(lambda: 10), 2.0, 10.0, 20.0),
        (.twoSided(lambda: 10), 0.0, 10.0, -20.0),                // a flat critic is charged λk²
        (.twoSided(lambda: 10, target: 2), 0.5, 22.5, -30.0),     // 10 (0.5 − 2)², 20 (0.5 − 2)
        (.twoSided(lambda: 10, target: 2), 3.0, 10.0, 20.0),
        (.twoSided(lambda: 0.5, target: 0.25), 0.75, 0.125, 0.5),
        (.oneSided(lambda: 10), 0.5, 0.0, 0.0),
        (.oneSided(lambda: 10), 2.0, 10.0, 20.0),
        (.oneSided(lambda: 10, target: 2), 1.5, 0.0, 0.0),
        (.oneSided(lambda: 10, target: 2), 3.0, 10.0, 20.0),
        (.r1(gamma: 10), 2.0, 20.0, 20.0),                        // (10/2) 2², 10·2
        (.r1(gamma: 10), 0.5, 1.25, 5.0),
        (.r2(gamma: 10), 0.5, 1.25, 5.0),
        (.r2(gamma: 1), 3.0, 4.5, 3.0),
    ])
    func handComputed(penalty: GradientPenalty, g: Double, value: Double, slope: Double) {
        #expect(penalty.value(gradientNorm: g) == value, "\(penalty.name) at g = \(g)")
        #expect(penalty.derivative(gradientNorm: g) == slope, "\(penalty.name)′ at g = \(g)")
    }

    @Test("k = 1 is the default target: the existing callers' penalties are WGAN-GP's")
    func defaultTarget() {
        #expect(GradientPenalty.twoSided(lambda: 10) == .twoSided(lambda: 10, target: 1))
        #expect(GradientPenalty.oneSided(lambda: 10) == .oneSided(lambda: 10, target: 1))
        #expect(GradientPenalty.twoSided(lambda: 10) != .twoSided(lambda: 10, target: 2))
    }

    @Test("the one-sided penalty is zero at and below k, the two-sided one is not", arguments: [0.5, 1.0, 3.0])
    func oneSidedBelowTarget(k: Double) {
        let one = GradientPenalty.oneSided(lambda: 10, target: k), two = GradientPenalty.twoSided(lambda: 10, target: k)
        for g in stride(from: 0.0, through: k, by: k / 16) {
            #expect(one.value(gradientNorm: g) == 0 && one.derivative(gradientNorm: g) == 0, "g = \(g)")
            #expect(g == k || two.value(gradientNorm: g) > 0, "g = \(g)")
        }
        // Above k the two agree.
        for g in [k + 0.25, 2 * k + 1, 100] {
            #expect(one.value(gradientNorm: g) == two.value(gradientNorm: g))
            #expect(one.derivative(gradientNorm: g) == two.derivative(gradientNorm: g))
        }
    }

    @Test("R1 and R2 are the same function of g; they differ in where the gradient is taken")
    func r1AndR2() {
        for g in [0, 0.3, 1, 7.5] {
            #expect(GradientPenalty.r1(gamma: 4).value(gradientNorm: g) == GradientPenalty.r2(gamma: 4).value(gradientNorm: g))
        }
        #expect(GradientPenalty.r1(gamma: 4).site == "real samples x")
        #expect(GradientPenalty.r2(gamma: 4).site == "generated samples x̃ = G(z)")
        #expect(GradientPenalty.twoSided(lambda: 1).site.hasPrefix("interpolates x̂ = εx + (1 − ε)x̃"))
        #expect(GradientPenalty.r2(gamma: 1).formula == "(γ/2) g²" && GradientPenalty.r2(gamma: 1).name == "R2")
    }

    @Test("edge cases: λ = 0 or γ = 0 is no penalty even at g = ∞; ∞ gives ∞; NaN gives NaN")
    func edges() {
        for zero in [GradientPenalty.twoSided(lambda: 0), .oneSided(lambda: 0, target: 2), .r1(gamma: 0), .r2(gamma: 0)] {
            #expect(zero.value(gradientNorm: .infinity) == 0 && zero.derivative(gradientNorm: .infinity) == 0, "\(zero.name)")
            #expect(zero.value(gradientNorm: .nan).isNaN && zero.derivative(gradientNorm: .nan).isNaN, "\(zero.name)")
        }
        for penalty in [GradientPenalty.twoSided(lambda: 10), .oneSided(lambda: 10), .r1(gamma: 10), .r2(gamma: 10)] {
            #expect(penalty.value(gradientNorm: .infinity) == .infinity, "\(penalty.name)")
            #expect(penalty.derivative(gradientNorm: .infinity) == .infinity, "\(penalty.name)")
            #expect(penalty.value(gradientNorm: .nan).isNaN && penalty.derivative(gradientNorm: .nan).isNaN, "\(penalty.name)")
        }
    }

    @Test("the batch: norms 0.5, 1, 2 with λ = 10 give 2.5, 0, 10; mean 12.5/3, sum 12.5; ∂P/∂gᵢ weighted by 1/n")
    func reductions() {
        var a = GradientPenaltyAccumulator(penalty: .twoSided(lambda: 10))
        for g in [0.5, 1, 2] { a.add(norm: g) }
        #expect(a.count == 3)
        #expect(a.perSample(reduction: .sum) == 12.5)
        #expect(a.perSample(reduction: .mean) == 12.5 / 3)
        #expect(a.derivative(gradientNorm: 2, reduction: .sum) == 20)
        #expect(a.derivative(gradientNorm: 2, reduction: .mean) == 20.0 / 3)
        // G = √(0.25 + 1 + 4) = √5.25.
        #expect(a.wholeBatchNorm == 5.25.squareRoot())
        #expect(a.wholeBatch == 10 * (5.25.squareRoot() - 1) * (5.25.squareRoot() - 1))
        let gradients: [[Double]] = [[0.3, -0.4], [0, 1], [-2, 0]]  // norms 0.5, 1, 2
        #expect(BatchGradientPenalty.perSample(.twoSided(lambda: 10), gradients: gradients, reduction: .sum, epsilon: 0) == 12.5)
        #expect(abs(BatchGradientPenalty.perSample(.twoSided(lambda: 10), gradients: gradients) - 12.5 / 3) < 1e-10)
    }

    @Test("whole batch: four gradients of norm 1 have G = 2, so λ(2 − 1)² = 10 where per-sample norms give 0")
    func wholeBatchOfFour() {
        let gradients: [[Double]] = [[1, 0, 0], [0, -1, 0], [0, 0, 1], [-1, 0, 0]]
        var fromGradients = GradientPenaltyAccumulator(penalty: .twoSided(lambda: 10))
        var fromNorms = GradientPenaltyAccumulator(penalty: .twoSided(lambda: 10))
        for v in gradients {
            #expect(fromGradients.add(gradient: GradientNorm(v)) == 1)
            fromNorms.add(norm: 1)
        }
        for a in [fromGradients, fromNorms] {
            #expect(a.perSample(reduction: .mean) == 0 && a.perSample(reduction: .sum) == 0)
            #expect(a.wholeBatchNorm == 2)
            #expect(a.wholeBatch == 10)
        }
        #expect(BatchGradientPenalty.wholeBatch(.twoSided(lambda: 10), gradients: gradients, epsilon: 0) == 10)
        // One-sided: the √n overshoot is charged as well, λ(2 − 1)².
        #expect(BatchGradientPenalty.wholeBatch(.oneSided(lambda: 10), gradients: gradients, epsilon: 0) == 10)
    }

    @Test("for R1 and R2 the whole-batch norm gives the per-sample sum: (γ/2) Σ gᵢ² = Σ (γ/2) gᵢ²")
    func wholeBatchForR1() {
        for penalty in [GradientPenalty.r1(gamma: 10), .r2(gamma: 10)] {
            var a = GradientPenaltyAccumulator(penalty: penalty)
            for g in [0.5, 1, 2] { a.add(norm: g) }
            #expect(a.perSample(reduction: .sum) == 26.25)  // 5 (0.25 + 1 + 4)
            #expect(abs(a.wholeBatch - 26.25) <= 26.25.ulp)
        }
    }

    @Test("a long stream: 100 000 samples of norm 1 give P = 0 and G = √100 000, correctly rounded")
    func longStream() {
        var a = GradientPenaltyAccumulator(penalty: .twoSided(lambda: 10))
        for _ in 0..<100_000 { a.add(norm: 1) }
        #expect(a.perSample(reduction: .mean) == 0)
        #expect(a.wholeBatchNorm == 100_000.0.squareRoot())
    }
}

@Suite("Gradient norms, scaled")
struct GradientNormTests {
    @Test("exact small cases, signs ignored; no components or only zeros give 0")
    func smallCases() {
        #expect(GradientNorm.of([3, 4]) == 5)
        #expect(GradientNorm.of([-3, 4]) == 5)
        #expect(GradientNorm.of([0.3, -0.4]) == 0.5)
        #expect(GradientNorm.of([1, 2, 2]) == 3)
        #expect(GradientNorm.of([Double]()) == 0)
        #expect(GradientNorm.of([0, -0.0]) == 0)
        #expect(GradientNorm([1, 2, 2]).count == 3)
    }

    @Test("no overflow and no underflow: components near the ends of the doubles")
    func extremes() {
        // Σ vᵢ² overflows to ∞ and underflows to 0; the scaled sum does neither.
        #expect(BatchGradientPenalty.norm([1e300, 1e300], epsilon: 0) == .infinity)
        #expect(ulps(GradientNorm.of([1e300, 1e300]), 1e300 * 2.0.squareRoot()) <= 1)
        #expect(GradientNorm.of([3e307, 4e307]) == 5e307)
        #expect(GradientNorm.of([.greatestFiniteMagnitude]) == .greatestFiniteMagnitude)
        #expect(GradientNorm.of([.greatestFiniteMagnitude, .greatestFiniteMagnitude]) == .infinity)  // above the doubles
        #expect(BatchGradientPenalty.norm([3e-200, 4e-200], epsilon: 0) == 0)
        #expect(GradientNorm.of([3e-200, 4e-200]) == 5e-200)
        let tiniest = Double.leastNonzeroMagnitude  // 5e-324
        #expect(GradientNorm.of([tiniest]) == tiniest)
        #expect(GradientNorm.of([-tiniest, tiniest, tiniest, tiniest]) == 2 * tiniest)
        #expect(GradientNorm.of([tiniest, 1e300, tiniest]) == 1e300)
    }

    @Test("NaN gives NaN; otherwise ∞ gives ∞")
    func nonFinite() {
        #expect(GradientNorm.of([1, .nan, .infinity]).isNaN)
        #expect(GradientNorm.of([1, -.infinity]) == .infinity)
    }

    @Test("ε: √(‖v‖² + ε), as training code smooths the norm; √ε for v = 0 and for tiny v")
    func epsilon() {
        #expect(GradientNorm([0, 0]).value(epsilon: 1e-12) == 1e-6)
        #expect(GradientNorm([3, 4]).value(epsilon: 1e-12) == (25 + 1e-12).squareRoot())
        #expect(GradientNorm([Double.leastNonzeroMagnitude]).value(epsilon: 1e-12) == 1e-6)
        #expect(GradientNorm([3, 4]).value(epsilon: 0) == 5)
    }

    #if arch(x86_64)
    @Test("within one ULP of the norm computed in 80-bit extended precision, in any order and split")
    func againstExtended() {
        var g = SeededGenerator(seed: 11)
        for trial in 0..<200 {
            let n = 1 + trial % 37
            let scale = [1e-150, 1e-3, 1, 1e5, 1e150][trial % 5]
            let v = (0..<n).map { _ in scale * (g.uniform() - 0.5) * (g.uniform() < 0.1 ? 1e6 : 1) }
            let reference = Double(v.reduce(Float80(0)) { $0 + Float80($1) * Float80($1) }.squareRoot())
            let streamed = GradientNorm.of(v)
            #expect(ulps(streamed, reference) <= 1, "\(v)")
            #expect(GradientNorm.of(v.reversed()) == streamed || ulps(GradientNorm.of(v.reversed()), reference) <= 1)
            // Two halves merged: the norm of the concatenation.
            var first = GradientNorm(v.prefix(n / 2))
            let second = GradientNorm(v.dropFirst(n / 2))
            first.add(second)
            #expect(first.count == n)
            #expect(ulps(first.value(), reference) <= 1, "merged \(v)")
        }
    }
    #endif

    @Test("merging: ‖(u, v)‖ = √(‖u‖² + ‖v‖²), with scales far apart either way")
    func merging() {
        var big = GradientNorm([3e200]), small = GradientNorm([4e-200])
        var empty = GradientNorm()
        empty.add(big)
        #expect(empty.value() == 3e200)
        big.add(small)
        #expect(big.value() == 3e200)
        small.add(GradientNorm([4e200]))
        #expect(small.value() == 4e200)
        var a = GradientNorm([3]), b = GradientNorm([4])
        a.add(b)
        #expect(a.value() == 5)
        b.add(GradientNorm([.nan]))
        #expect(b.value().isNaN)
    }
}
