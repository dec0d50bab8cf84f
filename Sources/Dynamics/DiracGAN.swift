public import LossMath

/// The DiracGAN of Mescheder, Geiger & Nowozin (2018), "Which training methods for GANs do
/// actually converge?": the data is a point mass at 0, the generator a point mass at θ, and the
/// discriminator is linear, D(x) = ψx (a logit). Everything is a function of the fake logit ψθ
/// (the real logit is ψ·0 = 0), so the catalog's closed forms give the gradient field exactly:
/// ```
/// generator      L_G(θ, ψ) = L(ℓ = ψθ)           ∂L_G/∂θ = L′(ψθ) · ψ
/// discriminator  L_D(θ, ψ) = D-loss(0, ψθ) + R   ∂L_D/∂ψ = ∂L_D/∂ℓ_f · θ + R′(ψ)
/// field          v(θ, ψ) = (−∂L_G/∂θ, −∂L_D/∂ψ)  (both players descend their own loss)
/// ```
/// with the regularizer R = λ(|ψ| − 1)² for WGAN-GP (|∇ₓ D| = |ψ|) and R = (γ/2)ψ² for R1.
/// Consensus optimization adds γ·½‖v‖² to both losses (``consensusGradients(theta:psi:)``),
/// instance noise blurs both samples with 𝒩(0, σ²) (``noisyGradients(theta:psi:)``). The
/// equilibrium is (0, 0); the eigenvalues of the field's Jacobian there
/// (``jacobianAtEquilibrium``) decide what gradient steps do near it: purely imaginary for the
/// unregularized GANs (simultaneous steps spiral out, alternating ones circle), negative real
/// parts for the regularized ones (both converge).
public struct DiracGAN: Sendable {
    /// The games of the convergence grid: the unregularized GANs, then the regularizers, each
    /// with its weight fixed (``Game/gamma``, ``Game/lambda``, ``Game/noise``), so that an id names
    /// one field; ``init(game:gamma:lambda:)`` gives another weight.
    public enum Game: String, CaseIterable, Sendable {
        /// The minimax GAN: L_G = log(1 − σ(ψθ)), L_D = BCE.
        case minimax
        /// The non-saturating GAN: L_G = −log σ(ψθ), L_D = BCE.
        case nonsat
        /// WGAN with an unconstrained linear critic: L_G = −ψθ, L_D = ψθ − ψ·0.
        case wgan
        /// WGAN with the two-sided gradient penalty λ(|ψ| − 1)², λ = 1.
        case wgangp = "wgan-gp"
        /// The minimax GAN with consensus optimization, γ = 1.
        case consensus
        /// The minimax GAN with Gaussian instance noise of standard deviation σ = 1 on both samples.
        case instanceNoise = "instance-noise"
        /// The non-saturating GAN with R1, γ = 0.3: below the critical γ = 1, complex eigenvalues.
        case r1Weak = "r1-weak"
        /// The non-saturating GAN with R1, γ = 1: the critical value, a double real eigenvalue.
        case r1
        /// The non-saturating GAN with R1, γ = 3: above the critical γ, two real eigenvalues.
        case r1Strong = "r1-strong"

        /// The panel title: the game, or the regularizer and its weight, "R1, γ = 0.3" (the game
        /// under it is ``generatorLoss``: minimax for consensus and instance noise, non-saturating
        /// for R1).
        public var title: String { DiracGAN(game: self).title }

        /// The generator's loss of the game (the regularizers keep their base game's).
        public var generatorLoss: GeneratorLoss {
            switch self {
            case .minimax, .consensus, .instanceNoise: .minimax
            case .nonsat, .r1Weak, .r1, .r1Strong: .nonsat
            case .wgan, .wgangp: .wgan
            }
        }

        /// The discriminator's loss, before any regularizer.
        public var discriminatorLoss: DiscriminatorLoss {
            switch self {
            case .minimax, .nonsat, .consensus, .instanceNoise, .r1Weak, .r1, .r1Strong: .bce
            case .wgan, .wgangp: .wasserstein
            }
        }

        /// γ: R1's weight in (γ/2)ψ², or consensus optimization's in γ·½‖v‖²; nil for the others.
        public var gamma: Double? {
            switch self {
            case .r1Weak: 0.3
            case .r1, .consensus: 1
            case .r1Strong: 3
            case .minimax, .nonsat, .wgan, .wgangp, .instanceNoise: nil
            }
        }

        /// λ: WGAN-GP's weight in λ(|ψ| − 1)²; nil for the others.
        public var lambda: Double? {
            switch self {
            case .wgangp: 1
            case .minimax, .nonsat, .wgan, .consensus, .instanceNoise, .r1Weak, .r1, .r1Strong: nil
            }
        }

        /// σ: the standard deviation of the instance noise; nil for the others.
        public var noise: Double? {
            switch self {
            case .instanceNoise: 1
            case .minimax, .nonsat, .wgan, .wgangp, .consensus, .r1Weak, .r1, .r1Strong: nil
            }
        }
    }

    public var game: Game
    /// γ of R1's (γ/2)ψ² or of consensus optimization's γ·½‖v‖²: the game's ``Game/gamma``
    /// unless another is given; nil for the games without one.
    public var gamma: Double?
    /// λ of WGAN-GP's λ(|ψ| − 1)²: the game's ``Game/lambda`` unless another is given; nil for
    /// the other games.
    public var lambda: Double?
    /// σ of the instance noise (``Game/noise``); nil for the other games.
    public var noise: Double?

    /// The game with its own weights, or with `gamma` and `lambda` in place of them where it has
    /// them (a weight the game does not have is ignored: `gamma` for WGAN-GP, say).
    public init(game: Game, gamma: Double? = nil, lambda: Double? = nil) {
        self.game = game
        self.gamma = game.gamma.map { gamma ?? $0 }
        self.lambda = game.lambda.map { lambda ?? $0 }
        self.noise = game.noise
    }

    /// The panel title: ``Game/title`` with this field's weight, "R1, γ = 0.5".
    public var title: String {
        // The shortest decimal that reads back as the weight, without a trailing ".0".
        func weight(_ x: Double?) -> String {
            let x = x ?? .nan
            return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
        }
        switch game {
        case .minimax: return "minimax"
        case .nonsat: return "non-saturating"
        case .wgan: return "WGAN"
        case .wgangp: return "WGAN-GP, λ = \(weight(lambda))"
        case .consensus: return "consensus, γ = \(weight(gamma))"
        case .instanceNoise: return "instance noise, σ = \(weight(noise))"
        case .r1Weak, .r1, .r1Strong: return "R1, γ = \(weight(gamma))"
        }
    }

    /// ∂L_G/∂θ (for consensus optimization, of L_G + γ·½‖v‖²; with instance noise, its expectation).
    public func generatorGradient(theta: Double, psi: Double) -> Double {
        switch game {
        case .minimax, .nonsat, .wgan, .wgangp, .r1Weak, .r1, .r1Strong:
            return game.generatorLoss.gradientLogit(atLogit: psi * theta) * psi
        case .consensus: return consensusGradients(theta: theta, psi: psi).generator
        case .instanceNoise: return noisyGradients(theta: theta, psi: psi).generator
        }
    }

    /// ∂L_D/∂ψ (for consensus optimization, of L_D + γ·½‖v‖²; with instance noise, its expectation).
    public func discriminatorGradient(theta: Double, psi: Double) -> Double {
        let fake = game.discriminatorLoss.evaluate(realLogit: 0, fakeLogit: psi * theta).gradientFake * theta
        switch game {
        case .minimax, .nonsat, .wgan:
            return fake
        case .r1Weak, .r1, .r1Strong:
            return fake + (gamma ?? 0) * psi
        case .wgangp:
            let sign: Double = psi > 0 ? 1 : (psi < 0 ? -1 : 0)
            return fake + GradientPenalty.twoSided(lambda: lambda ?? 0).derivative(gradientNorm: abs(psi)) * sign
        case .consensus: return consensusGradients(theta: theta, psi: psi).discriminator
        case .instanceNoise: return noisyGradients(theta: theta, psi: psi).discriminator
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
