/// The penalty over a batch, as a training loop computes it, from arrays of per-sample gradients
/// (``GradientPenaltyAccumulator`` takes them one at a time).
public enum BatchGradientPenalty {
    /// The per-sample norm with a small ε inside the square root, √(Σ vᵢ² + ε), whose gradient
    /// v/√(Σ vᵢ² + ε) stays finite at v = 0 where ‖v‖'s does not. Summed plainly, as training code
    /// does (and the course figures were drawn with); ``GradientNorm`` is the overflow-safe one.
    public static func norm(_ v: [Double], epsilon: Double = 1e-12) -> Double {
        (v.reduce(0) { $0 + $1 * $1 } + epsilon).squareRoot()
    }

    /// The interpolates x̂ᵢ = εᵢ xᵢ + (1 − εᵢ) x̃ᵢ with εᵢ ~ U[0, 1] drawn per sample.
    public static func interpolates(real: [[Double]], fake: [[Double]], generator: inout SeededGenerator)
        -> (points: [[Double]], epsilons: [Double]) {
        precondition(real.count == fake.count, "one fake sample per real sample")
        var points: [[Double]] = []
        var epsilons: [Double] = []
        for (x, y) in zip(real, fake) {
            let e = generator.uniform()
            epsilons.append(e)
            points.append(zip(x, y).map { e * $0 + (1 - e) * $1 })
        }
        return (points, epsilons)
    }

    /// The penalty on per-sample norms (the correct way), reduced over the batch:
    /// ```
    /// mean: (1/n) Σᵢ penalty(gᵢ)     sum: Σᵢ penalty(gᵢ)      gᵢ = √(‖∇c(x̂ᵢ)‖² + ε)
    /// ```
    public static func perSample(_ penalty: GradientPenalty, gradients: [[Double]], reduction: Reduction = .mean,
                                 epsilon: Double = 1e-12) -> Double {
        accumulated(penalty, gradients, epsilon).perSample(reduction: reduction)
    }

    /// The mistake: one norm over the whole batch's gradients, ‖(∇c(x̂₁), …, ∇c(x̂ₙ))‖, penalized
    /// once (one term: no reduction applies). For a critic whose gradient has norm 1 at every
    /// sample it is √n, not 1, so the penalty pushes every gradient toward norm 1/√n instead of 1.
    public static func wholeBatch(_ penalty: GradientPenalty, gradients: [[Double]], epsilon: Double = 1e-12) -> Double {
        accumulated(penalty, gradients, epsilon).wholeBatch
    }

    private static func accumulated(_ penalty: GradientPenalty, _ gradients: [[Double]], _ epsilon: Double)
        -> GradientPenaltyAccumulator {
        var accumulator = GradientPenaltyAccumulator(penalty: penalty, epsilon: epsilon)
        for v in gradients { accumulator.add(gradient: GradientNorm(v)) }
        return accumulator
    }
}
