import LossMath

/// The DiracGAN of Mescheder, Geiger & Nowozin (2018), "Which training methods for GANs do
/// actually converge?": the data is a point mass at 0, the generator a point mass at θ, and the
/// discriminator is linear, D(x) = ψx (a logit). Everything is a function of the fake logit ψθ
/// (the real logit is ψ·0 = 0), so the catalog's closed forms give the gradient field exactly:
/// ```
/// generator      L_G(θ, ψ) = L(ℓ = ψθ)           ∂L_G/∂θ = L′(ψθ) · ψ
/// discriminator  L_D(θ, ψ) = D-loss(0, ψθ) + R   ∂L_D/∂ψ = ∂L_D/∂ℓ_f · θ + R′(ψ)
/// field          v(θ, ψ) = (−∂L_G/∂θ, −∂L_D/∂ψ)  (both players descend their own loss)
/// ```
/// with the regularizer R = λ(|ψ| − 1)² for WGAN-GP (|∇ₓ D| = |ψ|) and R = (γ/2)ψ² for R1. The
/// equilibrium is (0, 0); the eigenvalues of the field's Jacobian there decide what gradient
/// steps do: purely imaginary for the unregularized GANs (simultaneous steps spiral out,
/// alternating ones circle), negative real parts with R1 (both converge).
public struct DiracGAN: Sendable {
    public enum Game: String, CaseIterable, Sendable {
        case minimax, nonsat, wgan, wgangp = "wgan-gp", r1

        public var title: String {
            switch self {
            case .minimax: "minimax"
            case .nonsat: "non-saturating"
            case .wgan: "WGAN"
            case .wgangp: "WGAN-GP (λ = 1)"
            case .r1: "non-saturating + R1 (γ = 1)"
            }
        }
    }

    public var game: Game
    public var lambda = 1.0
    public var gamma = 1.0

    public init(game: Game) { self.game = game }

    /// ∂L_G/∂θ.
    public func generatorGradient(theta: Double, psi: Double) -> Double {
        let l = psi * theta
        switch game {
        case .minimax: return GeneratorLoss.minimax.gradientLogit(atLogit: l) * psi
        case .nonsat, .r1: return GeneratorLoss.nonsat.gradientLogit(atLogit: l) * psi
        case .wgan, .wgangp: return GeneratorLoss.wgan.gradientLogit(atLogit: l) * psi
        }
    }

    /// ∂L_D/∂ψ.
    public func discriminatorGradient(theta: Double, psi: Double) -> Double {
        let l = psi * theta
        switch game {
        case .minimax, .nonsat:
            return DiscriminatorLoss.bce.evaluate(realLogit: 0, fakeLogit: l).gradientFake * theta
        case .r1:
            return DiscriminatorLoss.bce.evaluate(realLogit: 0, fakeLogit: l).gradientFake * theta + gamma * psi
        case .wgan:
            return DiscriminatorLoss.wasserstein.evaluate(realLogit: 0, fakeLogit: l).gradientFake * theta
        case .wgangp:
            let sign: Double = psi > 0 ? 1 : (psi < 0 ? -1 : 0)
            return DiscriminatorLoss.wasserstein.evaluate(realLogit: 0, fakeLogit: l).gradientFake * theta
                + GradientPenalty.twoSided(lambda: lambda).derivative(gradientNorm: abs(psi)) * sign
        }
    }

    /// The gradient-descent field v(θ, ψ) = (−∂L_G/∂θ, −∂L_D/∂ψ).
    public func field(theta: Double, psi: Double) -> (dTheta: Double, dPsi: Double) {
        (-generatorGradient(theta: theta, psi: psi), -discriminatorGradient(theta: theta, psi: psi))
    }

    /// How the two players take their steps.
    public enum Schedule: String, CaseIterable, Sendable {
        /// Both step from the same point.
        case simultaneous
        /// The generator steps, then the discriminator steps from the generator's new position.
        case alternating
    }

    /// The trajectory of `steps` gradient steps of size `learningRate` from (θ₀, ψ₀), start included.
    public func trajectory(from start: (theta: Double, psi: Double), steps: Int, learningRate h: Double,
                           schedule: Schedule) -> [(theta: Double, psi: Double)] {
        var (theta, psi) = start
        var path = [(theta, psi)]
        path.reserveCapacity(steps + 1)
        for _ in 0..<steps {
            switch schedule {
            case .simultaneous:
                let v = field(theta: theta, psi: psi)
                theta += h * v.dTheta
                psi += h * v.dPsi
            case .alternating:
                theta -= h * generatorGradient(theta: theta, psi: psi)
                psi -= h * discriminatorGradient(theta: theta, psi: psi)
            }
            path.append((theta, psi))
        }
        return path
    }
}
