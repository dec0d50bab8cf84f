import LossMath

/// The DiracGAN's field near its equilibrium (0, 0): the Jacobian J of v(θ, ψ) in closed form,
/// its eigenvalues, and the spectral radius of one gradient step of size h, which decides
/// whether the steps move toward the equilibrium (< 1), circle (= 1) or away (> 1) once they are
/// close to it:
/// ```
/// simultaneous  x ← x + h v(x)                       M = I + hJ
/// alternating   θ ← θ + h v_θ(θ, ψ); ψ ← ψ + h v_ψ(θ′, ψ)
///               M = [[1, 0], [h J₂₁, 1 + h J₂₂]] · [[1 + h J₁₁, h J₁₂], [0, 1]]
/// ```
/// For the games without consensus or noise, v = (−L′(ψθ)ψ, −∂L_D/∂ℓ_f(ψθ)·θ − R′(ψ)), and at
/// (0, 0) every term that keeps a factor θ or ψ vanishes:
/// ```
/// J = [[0, −L′(0)], [−∂L_D/∂ℓ_f(0), −R″(0)]]
/// ```
/// L′(0) = −½ for minimax and non-saturating (−σ(0), −σ(−0)), −1 for WGAN; ∂L_D/∂ℓ_f(0) = ½
/// for BCE, 1 for WGAN's critic; R″ = γ for R1. So J = [[0, ½], [−½, 0]] (eigenvalues ±i/2) for
/// minimax and non-saturating, [[0, 1], [−1, 0]] (±i) for WGAN, and for R1
/// ```
/// J = [[0, ½], [−½, −γ]]     λ² + γλ + ¼ = 0     λ = (−γ ± √(γ² − 1)) / 2
/// ```
/// complex (a damped rotation, real part −γ/2) below the critical γ = 1 (``criticalR1Gamma``), a
/// double −½ at it, and real above it, the slower one −(γ − √(γ² − 1))/2 ≈ −1/(4γ) creeping
/// toward 0 as γ grows. (Mescheder et al. write J = [[0, −f′(0)], [f′(0), −γ]] with f′(0) = ½:
/// ψ → −ψ maps one onto the other, so the characteristic polynomial is the same, and so is the
/// critical γ = 2f′(0) = 1.) Consensus optimization: J − γJᵀJ
/// (``consensusGradients(theta:psi:)``); instance noise: [[0, ½], [−½, −σ²/2]]
/// (``noisyGradients(theta:psi:)``). WGAN-GP's penalty λ(|ψ| − 1)² has a kink at ψ = 0, where its
/// derivative jumps from +2λ to −2λ: the field itself jumps there, and J does not exist.
extension DiracGAN {
    /// The R1 weight at which J = [[0, ½], [−½, −γ]] turns from complex to real eigenvalues:
    /// the discriminant γ² + 4 J₁₂J₂₁ = γ² − 1 is 0 at γ = 2√(−J₁₂J₂₁) = 1.
    public static var criticalR1Gamma: Double {
        let j = DiracGAN(game: .nonsat).jacobianAtEquilibrium!
        return 2 * (-j.b * j.c).squareRoot()
    }

    /// J = ∂v/∂(θ, ψ) at (0, 0) in closed form (above), from the catalog's derivatives at ℓ = 0;
    /// nil for WGAN-GP, whose field jumps there (its penalty's kink).
    public var jacobianAtEquilibrium: Matrix2? {
        let generatorSlope = -game.generatorLoss.gradientLogit(atLogit: 0.0)                                    // −L′(0)
        let fakeSlope = game.discriminatorLoss.evaluate(realLogit: 0.0, fakeLogit: 0.0)
        let plain = Matrix2(a: 0, b: generatorSlope, c: -fakeSlope.gradientFake, d: 0)
        switch game {
        case .minimax, .nonsat, .wgan:
            return plain
        case .r1Weak, .r1, .r1Strong:
            return Matrix2(a: 0, b: plain.b, c: plain.c, d: -(gamma ?? 0))
        case .consensus:
            let gamma = self.gamma ?? 1
            let damping = plain.transposed.times(plain)
            return Matrix2(a: plain.a - gamma * damping.a, b: plain.b - gamma * damping.b,
                           c: plain.c - gamma * damping.c, d: plain.d - gamma * damping.d)
        case .instanceNoise:
            // ∂²L_D/∂ℓ² at 0 for the real and the fake term: σ(0)σ(−0) each for BCE.
            let s = fakeSlope.gradientFake
            let sigma = noise ?? 1
            return Matrix2(a: 0, b: plain.b, c: plain.c, d: -sigma * sigma * 2 * s * (1 - s))
        case .wgangp:
            return nil
        }
    }

    /// The linearization at (0, 0) for steps of size `h`; nil where the field is not
    /// differentiable there (WGAN-GP).
    public func linearization(stepSize h: Double) -> Linearization? {
        guard let j = jacobianAtEquilibrium else { return nil }
        let simultaneous = Matrix2(a: 1 + h * j.a, b: h * j.b, c: h * j.c, d: 1 + h * j.d)
        let generatorStep = Matrix2(a: 1 + h * j.a, b: h * j.b, c: 0, d: 1)
        let discriminatorStep = Matrix2(a: 1, b: 0, c: h * j.c, d: 1 + h * j.d)
        return Linearization(jacobian: j, eigenvalues: j.eigenvalues,
                             simultaneousRadius: simultaneous.spectralRadius,
                             alternatingRadius: discriminatorStep.times(generatorStep).spectralRadius)
    }

    /// The field's linearization at the equilibrium.
    public struct Linearization: Sendable {
        /// J at (0, 0).
        public var jacobian: Matrix2
        /// J's eigenvalues (re, im), the one with im ≥ 0 (or the larger real part) first.
        public var eigenvalues: [(re: Double, im: Double)]
        /// The spectral radius of a simultaneous step, and of an alternating one.
        public var simultaneousRadius: Double, alternatingRadius: Double
    }
}

/// A 2 × 2 real matrix [[a, b], [c, d]].
public struct Matrix2: Sendable, Hashable {
    public var a: Double, b: Double, c: Double, d: Double

    public init(a: Double, b: Double, c: Double, d: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d
    }

    /// The transpose [[a, c], [b, d]].
    public var transposed: Matrix2 { Matrix2(a: a, b: c, c: b, d: d) }

    /// The product self · other.
    public func times(_ o: Matrix2) -> Matrix2 {
        Matrix2(a: a * o.a + b * o.c, b: a * o.b + b * o.d, c: c * o.a + d * o.c, d: c * o.b + d * o.d)
    }

    /// The roots of λ² − tr λ + det: (tr ± √(tr² − 4 det))/2, complex when the discriminant is
    /// negative; the one with the larger real part (or im ≥ 0) first.
    public var eigenvalues: [(re: Double, im: Double)] {
        let trace = a + d, det = a * d - b * c
        let discriminant = trace * trace - 4 * det
        if discriminant >= 0 {
            let s = discriminant.squareRoot()
            return [((trace + s) / 2, 0), ((trace - s) / 2, 0)]
        }
        let s = (-discriminant).squareRoot()
        return [(trace / 2, s / 2), (trace / 2, -s / 2)]
    }

    /// The largest modulus of the eigenvalues.
    public var spectralRadius: Double {
        eigenvalues.map { ($0.re * $0.re + $0.im * $0.im).squareRoot() }.max() ?? .nan
    }
}
