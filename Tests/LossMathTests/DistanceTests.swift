import Glibc
import LossMath
import Testing

@Suite("Distances between distributions")
struct DistanceTests {
    static let pairs: [(Normal, Normal)] = [
        (Normal(mean: 0, standardDeviation: 1), Normal(mean: 1, standardDeviation: 1)),
        (Normal(mean: -2, standardDeviation: 0.5), Normal(mean: 3, standardDeviation: 2)),
        (Normal(mean: 1, standardDeviation: 3), Normal(mean: 1, standardDeviation: 1)),
        (Normal(mean: -4, standardDeviation: 0.7), Normal(mean: 4, standardDeviation: 0.7)),
    ]

    @Test("closed forms agree with quadrature of the definitions", arguments: pairs.indices)
    func closedFormsAgainstQuadrature(index: Int) {
        let (p, q) = Self.pairs[index]
        #expect(abs(p.kullbackLeibler(to: q) - p.divergence(.klPQ, to: q)) < 1e-9 * max(1, p.kullbackLeibler(to: q)))
        #expect(abs(q.kullbackLeibler(to: p) - p.divergence(.klQP, to: q)) < 1e-9 * max(1, q.kullbackLeibler(to: p)))
        #expect(abs(p.wasserstein1(to: q) - p.divergence(.wasserstein1, to: q)) < 1e-6)
        if let tv = p.totalVariationClosedForm(to: q) {
            #expect(abs(tv - p.divergence(.totalVariation, to: q)) < 1e-6)
        }
        let js = p.divergence(.jensenShannon, to: q)
        #expect(js >= 0 && js <= log(2) + 1e-12)
    }

    @Test("JS saturates at log 2 and TV at 1 as the supports separate; W keeps growing")
    func saturation() {
        let p = Normal(mean: 0, standardDeviation: 0.5)
        var previousW = 0.0
        for distance in [2.0, 5, 10, 20] {
            let q = Normal(mean: distance, standardDeviation: 0.5)
            let w = p.wasserstein1(to: q)
            #expect(abs(w - distance) < 1e-12)
            #expect(w > previousW)
            previousW = w
            if distance >= 10 {
                #expect(abs(p.divergence(.jensenShannon, to: q) - log(2)) < 1e-6)
                #expect(abs(p.totalVariationClosedForm(to: q)! - 1) < 1e-12)
            }
        }
    }

    @Test("WGAN Example 1: W = |θ|, JS = log 2, KL = ∞, TV = 1 for θ ≠ 0; all 0 at θ = 0")
    func parallelLines() {
        for theta in [-1.0, -0.25, 0.001, 0.5] {
            #expect(ParallelLines.wasserstein(theta) == abs(theta))
            #expect(ParallelLines.jensenShannon(theta) == log(2))
            #expect(ParallelLines.kullbackLeibler(theta) == .infinity)
            #expect(ParallelLines.totalVariation(theta) == 1)
            #expect(ParallelLines.jensenShannonDerivative(theta) == 0)
            #expect(abs(ParallelLines.wassersteinDerivative(theta)) == 1)
        }
        #expect(ParallelLines.wasserstein(0) == 0 && ParallelLines.jensenShannon(0) == 0)
        // From samples: the x-coordinates give W; disjoint histograms give JS = log 2 exactly.
        var g = SeededGenerator(seed: 1)
        let a = ParallelLines.samples(theta: 0, count: 500, generator: &g).map(\.x)
        let b = ParallelLines.samples(theta: 0.3, count: 500, generator: &g).map(\.x)
        #expect(abs(Empirical.wasserstein1(a, b) - 0.3) < 1e-12)
        let ha = Empirical.histogram(a, range: -1...1, bins: 20), hb = Empirical.histogram(b, range: -1...1, bins: 20)
        #expect(abs(Empirical.divergence(.jensenShannon, ha, hb) - log(2)) < 1e-12)
        #expect(Empirical.divergence(.klPQ, ha, hb) == .infinity)
        #expect(Empirical.divergence(.totalVariation, ha, hb) == 1)
    }

    @Test("the empirical W1 of two sampled Gaussians converges to |μ₁ − μ₂| for equal variances")
    func empiricalConverges() {
        var g = SeededGenerator(seed: 42)
        let p = Normal(mean: 0, standardDeviation: 1), q = Normal(mean: 1.5, standardDeviation: 1)
        var errors: [Double] = []
        for n in [100, 1_000, 20_000] {
            let x = (0..<n).map { _ in p.sample(&g) }, y = (0..<n).map { _ in q.sample(&g) }
            errors.append(abs(Empirical.wasserstein1(x, y) - 1.5))
        }
        #expect(errors[2] < 0.05)
        #expect(errors[2] < errors[0])
        // Unequal sample sizes go through the CDF form.
        let x = (0..<3000).map { _ in p.sample(&g) }, y = (0..<2000).map { _ in q.sample(&g) }
        #expect(abs(Empirical.wasserstein1(x, y) - 1.5) < 0.1)
        #expect(abs(Empirical.wasserstein1([0, 1], [0, 0, 1, 1]) - 0) < 1e-15)
        #expect(abs(Empirical.wasserstein1([0], [1, 3]) - 2) < 1e-15)
    }

    @Test("the optimal D* is p/(p + q), flat where the supports do not overlap; the critic has slope ±1 and attains W1")
    func optimalCritics() {
        let c = OptimalCritics(data: Normal(mean: -4, standardDeviation: 0.7), generator: Normal(mean: 4, standardDeviation: 0.7))
        #expect(abs(c.discriminator(0) - 0.5) < 1e-12)
        #expect(c.discriminator(4) < 1e-20 && abs(c.discriminatorGradient(4)) < 1e-20)
        // The critic attains the supremum: E_p f* − E_q f* = W1 (by quadrature).
        let range = -14.0...14.0
        let ep = Quadrature.integrate({ c.data.density($0) * c.critic($0) }, over: range)
        let eq = Quadrature.integrate({ c.generator.density($0) * c.critic($0) }, over: range)
        #expect(abs((ep - eq) - c.data.wasserstein1(to: c.generator)) < 1e-6)
        for x in stride(from: -8.0, through: 8.0, by: 0.7) { #expect(abs(c.criticGradient(x)) == 1) }
        // Unequal variances: the slope flips where the CDFs cross, and the critic still attains W1.
        let u = OptimalCritics(data: Normal(mean: 0, standardDeviation: 1), generator: Normal(mean: 1, standardDeviation: 2))
        #expect(u.cdfCrossings().count == 1)
        let up = Quadrature.integrate({ u.data.density($0) * u.critic($0) }, over: -30...30)
        let uq = Quadrature.integrate({ u.generator.density($0) * u.critic($0) }, over: -30...30)
        #expect(abs((up - uq) - u.data.wasserstein1(to: u.generator)) < 1e-6)
    }
}
