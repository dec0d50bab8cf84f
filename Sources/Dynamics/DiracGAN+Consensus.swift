import LossMath

/// Consensus optimization (Mescheder, Nowozin & Geiger 2017, "The numerics of GANs") on the
/// minimax DiracGAN: each player descends its own loss plus γ·½‖v‖², where v is the whole
/// gradient-descent field, so that both also move to where the field is small.
///
/// With s = σ(ψθ) and s′ = σ′(ψθ) = σ(ψθ)σ(−ψθ) (the catalog's ∂L_D/∂ℓ_f of BCE and minus the
/// non-saturating ∂L_G/∂ℓ), the minimax field is v = (−∂L_G/∂θ, −∂L_D/∂ψ) = (sψ, −sθ), so
/// ```
/// ½‖v‖² = ½ s² (θ² + ψ²)                             r² = θ² + ψ²
/// ∂/∂θ ½‖v‖² = s s′ ψ r² + s² θ                       (∂s/∂θ = s′ψ)
/// ∂/∂ψ ½‖v‖² = s s′ θ r² + s² ψ                       (∂s/∂ψ = s′θ)
/// ∂/∂θ (L_G + γ·½‖v‖²) = −sψ + γ (s s′ ψ r² + s² θ)
/// ∂/∂ψ (L_D + γ·½‖v‖²) =  sθ + γ (s s′ θ r² + s² ψ)
/// ```
/// The new field is w = v − γ∇(½‖v‖²) = v − γ Jᵀv (J = ∂v/∂x). At the equilibrium v = 0, so its
/// Jacobian is J − γ JᵀJ: with J = [[0, ½], [−½, 0]], JᵀJ = ¼ I and
/// ```
/// J_w = [[−γ/4, ½], [−½, −γ/4]]        eigenvalues −γ/4 ± i/2
/// ```
/// the rotation of the minimax game kept, with a pull toward (0, 0) of rate γ/4 added.
extension DiracGAN {
    /// ∂/∂θ of L_G + γ·½‖v‖² and ∂/∂ψ of L_D + γ·½‖v‖² for the minimax DiracGAN, γ =
    /// ``gamma`` (1 when the game has none).
    public func consensusGradients(theta: Double, psi: Double) -> (generator: Double, discriminator: Double) {
        let gamma = self.gamma ?? 1
        let l = psi * theta
        let s = DiscriminatorLoss.bce.evaluate(realLogit: 0, fakeLogit: l).gradientFake  // σ(ℓ)
        let sPrime = s * -GeneratorLoss.nonsat.gradientLogit(atLogit: l)                // σ(ℓ)σ(−ℓ)
        let r2 = theta * theta + psi * psi
        let generator = GeneratorLoss.minimax.gradientLogit(atLogit: l) * psi           // −sψ
        let discriminator = s * theta
        return (generator + gamma * (s * sPrime * psi * r2 + s * s * theta),
                discriminator + gamma * (s * sPrime * theta * r2 + s * s * psi))
    }
}
