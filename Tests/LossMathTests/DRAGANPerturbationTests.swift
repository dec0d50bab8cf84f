import LossMath
import Testing

/// DRAGAN's perturbed points, in both conventions, against their definitions.
@Suite("DRAGAN's perturbations")
struct DRAGANPerturbationTests {
    /// A batch of 64 samples of 3 components in [0, 1], with population standard deviation s.
    static func batch() -> (real: [[Double]], s: Double) {
        var rng = SeededGenerator(seed: 7)
        let real = (0..<64).map { _ in (0..<3).map { _ in rng.uniform() } }
        let all = real.flatMap { $0 }
        let mean = all.reduce(0, +) / Double(all.count)
        let s = (all.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(all.count)).squareRoot()
        return (real, s)
    }

    @Test("published: x̂ = x + α·½·s·u, the noise one-sided and one α per sample, in the order drawn")
    func published() {
        let (real, s) = Self.batch()
        var rng = SeededGenerator(seed: 11), replay = SeededGenerator(seed: 11)
        let points = DRAGANPerturbation.published.points(real: real, generator: &rng)
        let u = real.map { $0.map { _ in replay.uniform() } }
        for (i, (x, p)) in zip(real, points).enumerated() {
            let alpha = replay.uniform()
            for k in x.indices {
                #expect(abs(p[k] - (x[k] + alpha * 0.5 * s * u[i][k])) < 1e-15)
                #expect(p[k] >= x[k] && p[k] - x[k] < 0.5 * s)
            }
        }
        #expect(DRAGANPerturbation.published.penalty == .dragan(lambda: 10, target: 1))
    }

    @Test("compare_gan: x̂ = clip(x + s·(u − ½), 0, 1), centred, no interpolation")
    func compareGAN() {
        let (real, s) = Self.batch()
        var rng = SeededGenerator(seed: 3), replay = SeededGenerator(seed: 3)
        let points = DRAGANPerturbation.compareGAN.points(real: real, generator: &rng)
        var below = 0, above = 0
        for (x, p) in zip(real, points) {
            for k in x.indices {
                #expect(p[k] == min(1, max(0, x[k] + s * (replay.uniform() - 0.5))))
                #expect(p[k] >= 0 && p[k] <= 1 && abs(p[k] - x[k]) <= 0.5 * s)
                if p[k] < x[k] { below += 1 } else if p[k] > x[k] { above += 1 }
            }
        }
        #expect(below > 50 && above > 50)   // centred: both ways
        #expect(DRAGANPerturbation.compareGAN.penalty == .dragan(lambda: 1, target: 1))
    }

    @Test("DRAGAN's penalty is WGAN-GP's function of the norm; only the site differs")
    func sameFunction() {
        for g in [0.0, 0.5, 1, 2, .infinity] {
            #expect(GradientPenalty.dragan(lambda: 10).value(gradientNorm: g) == GradientPenalty.twoSided(lambda: 10).value(gradientNorm: g))
            #expect(GradientPenalty.dragan(lambda: 10).derivative(gradientNorm: g) == GradientPenalty.twoSided(lambda: 10).derivative(gradientNorm: g))
        }
        #expect(GradientPenalty.dragan(lambda: 10).site != GradientPenalty.twoSided(lambda: 10).site)
    }
}
