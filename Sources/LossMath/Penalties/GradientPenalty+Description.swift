/// What a gradient penalty is called, its formula, and where in
/// input space the gradient is taken: the words `gan-losses penalty` prints.
extension GradientPenalty {
    /// The penalty's short name: "WGAN-GP, two-sided", "one-sided", "R1", "R2" or "DRAGAN".
    public var name: String {
        switch self {
        case .twoSided: "WGAN-GP, two-sided"
        case .oneSided: "one-sided"
        case .r1: "R1"
        case .r2: "R2"
        case .dragan: "DRAGAN"
        }
    }

    /// The formula in g, in Unicode, its parameters as symbols: "λ (g − k)²" for WGAN-GP,
    /// "(γ/2) g²" for R1 and R2.
    public var formula: String {
        switch self {
        case .twoSided, .dragan: "λ (g − k)²"
        case .oneSided: "λ max(0, g − k)²"
        case .r1, .r2: "(γ/2) g²"
        }
    }

    /// The formula in LaTeX, in the norm g = ‖∇ₓ c(x)‖ of the critic's gradient at the site.
    public var latexFormula: String {
        switch self {
        case .twoSided, .dragan: #"\lambda\,(g - k)^2"#
        case .oneSided: #"\lambda\max(0, g - k)^2"#
        case .r1, .r2: #"\frac{\gamma}{2}\,g^2"#
        }
    }

    /// Where the gradient ∇ₓ c(x) is taken: the interpolates x̂ = εx + (1 − ε)x̃ between real x and
    /// generated x̃, ε ~ U[0, 1] per sample (WGAN-GP and the one-sided penalty); real data (R1);
    /// generated samples (R2).
    public var site: String {
        switch self {
        case .twoSided, .oneSided: "interpolates x̂ = εx + (1 − ε)x̃, ε ~ U[0, 1] per sample"
        case .r1: "real samples x"
        case .r2: "generated samples x̃ = G(z)"
        case .dragan: "perturbed real samples x̂ = x + α·δ, δ = ½·std(x)·u, u ~ U[0, 1)ᵈ, α ~ U[0, 1] per sample (the authors' code; compare_gan: x + std(x)·(u − ½), clipped to [0, 1])"
        }
    }
}
