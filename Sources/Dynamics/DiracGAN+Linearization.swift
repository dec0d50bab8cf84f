/// The DiracGAN's field near its equilibrium (0, 0): the Jacobian J of v(θ, ψ), its eigenvalues,
/// and the spectral radius of one gradient step of size h, which decides whether the steps
/// move toward the equilibrium (< 1), circle (= 1) or away (> 1) once they are close to it:
/// ```
/// simultaneous  x ← x + h v(x)                       M = I + hJ
/// alternating   θ ← θ + h v_θ(θ, ψ); ψ ← ψ + h v_ψ(θ′, ψ)
///               M = [[1, 0], [h J₂₁, 1 + h J₂₂]] · [[1 + h J₁₁, h J₁₂], [0, 1]]
/// ```
/// For the unregularized games J = [[0, ½], [−½, 0]] (eigenvalues ±i/2; WGAN's field is the exact
/// rotation, ±i): simultaneous steps have radius √(1 + h²/4) > 1, alternating ones det M = 1 with
/// complex eigenvalues on the unit circle. R1 adds −γ to J₂₂. WGAN-GP's penalty λ(|ψ| − 1)² has a
/// kink at ψ = 0, where J does not exist.
extension DiracGAN {
    /// The linearization at (0, 0) for steps of size `h`; nil where the field is not
    /// differentiable there (WGAN-GP).
    public func linearization(stepSize h: Double) -> Linearization? {
        if game == .wgangp { return nil }
        // Central differences of the field: it is analytic at (0, 0) for these games, and
        // a step of 1e−5 leaves an error of about 1e−11 in entries of size ½ or 1.
        let d = 1e-5
        let (tp, tm) = (field(theta: d, psi: 0), field(theta: -d, psi: 0))
        let (pp, pm) = (field(theta: 0, psi: d), field(theta: 0, psi: -d))
        let j = Matrix2(a: (tp.dTheta - tm.dTheta) / (2 * d), b: (pp.dTheta - pm.dTheta) / (2 * d),
                        c: (tp.dPsi - tm.dPsi) / (2 * d), d: (pp.dPsi - pm.dPsi) / (2 * d))
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
        /// J's eigenvalues (re, im), the one with im ≥ 0 first.
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
