import LossMath

/// Instance noise on the DiracGAN (Sønderby et al. 2017; Arjovsky & Bottou 2017): Gaussian noise
/// ε ~ 𝒩(0, σ²) added to every real and every fake sample before the discriminator sees it, so
/// the real logit is ψε₁ and the fake one ψ(θ + ε₂). The players descend the expected losses:
/// ```
/// ∂L_G/∂θ = E[L′(ψ(θ + ε)) ψ]
/// ∂L_D/∂ψ = E[∂L_D/∂ℓ_r (ψε₁) ε₁] + E[∂L_D/∂ℓ_f (ψ(θ + ε₂)) (θ + ε₂)]
/// ```
/// (the two expectations are separate, so one rule's nodes serve both). They have no closed
/// form (σ against a Gaussian); a 128-point Gauss–Hermite rule (``GaussHermite``) gives them
/// deterministically, within 10⁻¹² of a fine trapezoid rule for |ψ|σ ≤ 2.2 (64 points leave 10⁻⁹
/// there: σ has poles at ψ(θ + ε) = ±iπ, 1.4σ from the real axis at |ψ| = 2.2).
///
/// The Jacobian at (0, 0), differentiating under the expectation, with L′(0) = −½ for the minimax
/// generator and BCE's ∂²/∂ℓ_r² = ∂²/∂ℓ_f² = σ(0)σ(−0) = ¼:
/// ```
/// ∂v_θ/∂θ = −E[L″ ψ²] = 0           ∂v_θ/∂ψ = −E[L′(0)] = ½
/// ∂v_ψ/∂θ = −E[∂L_D/∂ℓ_f (0)] = −½   ∂v_ψ/∂ψ = −¼ E[ε₁²] − ¼ E[ε₂²] = −σ²/2
/// J = [[0, ½], [−½, −σ²/2]]          eigenvalues −σ²/4 ± √(σ⁴/16 − ¼)
/// ```
/// The noise gives the discriminator's equation a damping −σ²/2: complex eigenvalues with real
/// part −σ²/4 for σ < √2, −0.25 ± 0.433i at σ = 1. (In Mescheder et al.'s convention, f(t) =
/// −log(1 + e^(−t)), the same entry is 2f″(0)σ² with f″(0) = −¼.)
extension DiracGAN {
    /// The 128-point rule of the instance-noise expectations.
    static let noiseRule = GaussHermite(points: 128)

    /// The expected ∂L_G/∂θ and ∂L_D/∂ψ under instance noise of standard deviation
    /// ``noise`` (1 when the game has none), for the game's losses.
    public func noisyGradients(theta: Double, psi: Double) -> (generator: Double, discriminator: Double) {
        let sigma = noise ?? 1
        let rule = Self.noiseRule
        var generator = 0.0, discriminator = 0.0
        for i in rule.nodes.indices {
            let epsilon = sigma * rule.nodes[i], fake = theta + epsilon
            let d = game.discriminatorLoss.evaluate(realLogit: psi * epsilon, fakeLogit: psi * fake)
            generator += rule.weights[i] * game.generatorLoss.gradientLogit(atLogit: psi * fake)
            discriminator += rule.weights[i] * (d.gradientReal * epsilon + d.gradientFake * fake)
        }
        return (generator * psi, discriminator)
    }
}
