/// Penalties on the norm g = ‖∇ₓ c(x)‖ of the critic's gradient with respect to its input, which
/// keep a Wasserstein critic (close to) 1-Lipschitz, or a discriminator's gradients small where the
/// data are.
///
/// ```
/// WGAN-GP (Gulrajani et al. 2017)   λ (g − k)²              d/dg = 2λ (g − k)          on x̂ = εx + (1 − ε)x̃
/// one-sided (Petzka et al. 2018)    λ max(0, g − k)²        d/dg = 2λ max(0, g − k)    on x̂
/// R1 (Mescheder et al. 2018)        (γ/2) g²                d/dg = γ g                 on real x
/// R2 (Mescheder et al. 2018)        (γ/2) g²                d/dg = γ g                 on generated x̃ = G(z)
/// DRAGAN (Kodali et al. 2017)       λ (g − k)²              d/dg = 2λ (g − k)          on x̂ = x + δ near the data
/// ```
/// k is the target norm, 1 for WGAN-GP (a 1-Lipschitz critic) and the default. R1 and R2 are the
/// same function of g, and so are WGAN-GP and DRAGAN; they differ in where the gradient is taken
/// (``site``; DRAGAN's perturbations: ``DRAGANPerturbation``).
///
/// Edge cases: λ = 0 or γ = 0 is no penalty, 0 also at g = ∞ (where the product would be 0·∞);
/// otherwise g = ∞ gives ∞ and NaN gives NaN.
public enum GradientPenalty: Sendable, Hashable {
    /// WGAN-GP's two-sided penalty λ (g − k)², k = 1 in Gulrajani et al. (2017).
    case twoSided(lambda: Double, target: Double = 1)
    /// The one-sided penalty λ max(0, g − k)² (Petzka et al. 2018): only norms above k are charged.
    case oneSided(lambda: Double, target: Double = 1)
    /// The R1 penalty (γ/2) g², on real samples (Mescheder et al. 2018).
    case r1(gamma: Double)
    /// The R2 penalty (γ/2) g², on generated samples (Mescheder et al. 2018).
    case r2(gamma: Double)
    /// DRAGAN's penalty λ (g − k)² (Kodali et al. 2017), on real samples perturbed by noise
    /// (``DRAGANPerturbation``): λ = 10 and k = 1 in the authors' code.
    case dragan(lambda: Double, target: Double = 1)

    /// The penalty for one sample with gradient norm g:
    /// ```
    /// twoSided, dragan   λ (g − k)²
    /// oneSided           λ max(0, g − k)²        (0 for g ≤ k)
    /// r1, r2     (γ/2) g²
    /// ```
    public func value(gradientNorm g: Double) -> Double {
        switch self {
        case .twoSided(let l, let k), .dragan(let l, let k):
            if l == 0 && !g.isNaN { return 0 }
            return l * (g - k) * (g - k)
        case .oneSided(let l, let k):
            let excess = g.isNaN ? g : (g > k ? g - k : 0)
            if l == 0 && !g.isNaN { return 0 }
            return l * excess * excess
        case .r1(let gamma), .r2(let gamma):
            if gamma == 0 && !g.isNaN { return 0 }
            return 0.5 * gamma * g * g
        }
    }

    /// The penalty for one sample whose gradient is given by its components (``GradientNorm``):
    /// R1 and R2 from g² = ‖v‖² itself, (γ/2) ‖v‖², one rounding fewer than squaring the rounded
    /// norm (and exact where ‖v‖² is: (1, 1) gives γ, not γ(1 + 2⁻⁵²)); the others from
    /// g = ‖v‖ (√(‖v‖² + ε) for ε > 0), as ``value(gradientNorm:)``.
    public func value(gradient v: GradientNorm, epsilon: Double = 0) -> Double {
        switch self {
        case .twoSided, .oneSided, .dragan:
            return value(gradientNorm: v.value(epsilon: epsilon))
        case .r1(let gamma), .r2(let gamma):
            let g2 = v.squaredValue(epsilon: epsilon)
            if gamma == 0 && !g2.isNaN { return 0 }
            return 0.5 * gamma * g2
        }
    }

    /// d(penalty)/dg:
    /// ```
    /// twoSided, dragan   d/dg λ (g − k)² = 2λ (g − k)
    /// oneSided   d/dg λ max(0, g − k)²   = 2λ max(0, g − k)      (0 at g = k from both sides)
    /// r1, r2     d/dg (γ/2) g²           = γ g
    /// ```
    public func derivative(gradientNorm g: Double) -> Double {
        switch self {
        case .twoSided(let l, let k), .dragan(let l, let k):
            if l == 0 && !g.isNaN { return 0 }
            return 2 * l * (g - k)
        case .oneSided(let l, let k):
            if l == 0 && !g.isNaN { return 0 }
            return g.isNaN ? g : (g > k ? 2 * l * (g - k) : 0)
        case .r1(let gamma), .r2(let gamma):
            if gamma == 0 && !g.isNaN { return 0 }
            return gamma * g
        }
    }
}
