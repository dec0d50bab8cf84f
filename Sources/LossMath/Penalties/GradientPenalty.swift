/// Penalties on the norm g = ‖∇ₓ c(x)‖ of the critic's gradient with respect to its input, which
/// keep a Wasserstein critic (close to) 1-Lipschitz.
///
/// ```
/// WGAN-GP (Gulrajani et al. 2017)   λ (g − 1)²              d/dg = 2λ (g − 1)     on x̂ = εx + (1 − ε)x̃
/// one-sided (Petzka et al. 2018)    λ max(0, g − 1)²        d/dg = 2λ max(0, g − 1)
/// R1 (Mescheder et al. 2018)        (γ/2) g²                d/dg = γ g            on real x
/// ```
public enum GradientPenalty: Sendable, Hashable {
    /// WGAN-GP's two-sided penalty λ (g − 1)² (Gulrajani et al. 2017).
    case twoSided(lambda: Double)
    /// The one-sided penalty λ max(0, g − 1)² (Petzka et al. 2018).
    case oneSided(lambda: Double)
    /// The R1 penalty (γ/2) g², on real samples (Mescheder et al. 2018).
    case r1(gamma: Double)

    /// The penalty for one sample with gradient norm g.
    public func value(gradientNorm g: Double) -> Double {
        switch self {
        case .twoSided(let l): return l * (g - 1) * (g - 1)
        case .oneSided(let l):
            let excess = g.isNaN ? g : (g > 1 ? g - 1 : 0)
            return l * excess * excess
        case .r1(let gamma): return 0.5 * gamma * g * g
        }
    }

    /// d(penalty)/dg.
    public func derivative(gradientNorm g: Double) -> Double {
        switch self {
        case .twoSided(let l): return 2 * l * (g - 1)
        case .oneSided(let l): return g.isNaN ? g : (g > 1 ? 2 * l * (g - 1) : 0)
        case .r1(let gamma): return gamma * g
        }
    }

    /// The penalty's short name: "WGAN-GP, two-sided", "one-sided" or "R1".
    public var name: String {
        switch self {
        case .twoSided: "WGAN-GP, two-sided"
        case .oneSided: "one-sided"
        case .r1: "R1"
        }
    }
}

/// The penalty over a batch, as a training loop computes it.
public enum BatchGradientPenalty {
    /// The per-sample norm with a small ε inside the square root, √(Σ vᵢ² + ε), whose gradient
    /// v/√(Σ vᵢ² + ε) stays finite at v = 0 where ‖v‖'s does not.
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

    /// The mean over the batch of penalty(‖∇c(x̂ᵢ)‖), norms taken per sample (the correct way).
    public static func perSample(_ penalty: GradientPenalty, gradients: [[Double]]) -> Double {
        gradients.reduce(0) { $0 + penalty.value(gradientNorm: norm($1)) } / Double(gradients.count)
    }

    /// The mistake: one norm over the whole batch's gradients, ‖(∇c(x̂₁), …, ∇c(x̂ₙ))‖, penalized
    /// once. For a critic whose gradient has norm 1 at every sample it is √n, not 1, so the
    /// penalty pushes every gradient toward norm 1/√n instead of 1.
    public static func wholeBatch(_ penalty: GradientPenalty, gradients: [[Double]]) -> Double {
        penalty.value(gradientNorm: norm(gradients.flatMap { $0 }))
    }
}
