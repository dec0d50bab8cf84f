/// What a generator loss looks like on paper and how it behaves at the ends of D-space:
/// the data behind `gan-losses list`, the tables in `docs/losses.md` and the figures' legends.
extension GeneratorLoss {
    /// A one-line name for people.
    public var title: String {
        switch self {
        case .minimax: "minimax (saturating)"
        case .nonsat: "non-saturating"
        case .maxlik: "maximum likelihood"
        case .lsgan: "least squares on the raw output"
        case .lssigmoid: "least squares on σ"
        case .wgan: "Wasserstein"
        case .hinge: "hinge"
        case .ragan: "relativistic average (one pair)"
        case .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN: "f-GAN, " + fDivergence!.title
        case .rsgan, .rasgan, .ralsgan, .rahinge: "relativistic, " + relativistic!.title
        case .ebgan: "energy-based (EBGAN)"
        }
    }

    /// L in LaTeX (math mode, without the `$`) as a function of the logit ℓ, as the figures typeset
    /// it: `-\mathrm{softplus}(\ell)` for minimax. The least-squares target c is written as its value
    /// in `parameters`, `(\ell-1)^2/2`, or as the symbol c when `parameters` is nil; ℓ_r stays a symbol.
    ///
    /// This and the other `latex…` properties are the one spelling of each formula: the figures
    /// typeset them and `gan-losses list` prints them as Unicode text.
    public func latexFormula(parameters: LossParameters? = .standard) -> String {
        switch self {
        case .minimax: #"-\mathrm{softplus}(\ell)"#
        case .nonsat: #"\mathrm{softplus}(-\ell)"#
        case .maxlik: #"-e^{\ell}"#
        case .lsgan: #"(\ell-"# + Self.latexTarget(parameters) + ")^2/2"
        case .lssigmoid: #"\sigma(-\ell)^2/2"#
        case .wgan, .hinge: #"-\ell"#
        case .ebgan: #"\ell"#
        case .ragan, .rsgan, .rasgan, .ralsgan, .rahinge:
            relativistic!.latexTerm(#"\ell"#, minus: #"\ell_r"#, coefficient: relativistic!.latexPairCoefficient)
        case .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN: fDivergence!.latexGeneratorLoss.replacing("v", with: #"\ell"#)
        }
    }

    /// L in LaTeX as a function of D = σ(ℓ), `\log(1-D)` for minimax; nil for the losses on the raw
    /// output, which have no D-space form.
    public var latexFormulaInD: String? {
        switch self {
        case .minimax: #"\log(1-D)"#
        case .nonsat: #"-\log D"#
        case .maxlik: #"-D/(1-D)"#
        case .lssigmoid: #"(D-1)^2/2"#
        case .lsgan, .wgan, .hinge, .ragan, .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN, .rsgan, .rasgan, .ralsgan, .rahinge, .ebgan: nil
        }
    }

    /// ∂L/∂D in LaTeX, `-1/(1-D)` for minimax (d/dD of ``latexFormulaInD``); nil for the losses
    /// on the raw output, which have no D.
    public var latexGradientDFormula: String? {
        switch self {
        case .minimax: #"-1/(1-D)"#
        case .nonsat: #"-1/D"#
        case .maxlik: #"-1/(1-D)^2"#
        case .lssigmoid: #"D-1"#
        case .lsgan, .wgan, .hinge, .ragan, .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN, .rsgan, .rasgan, .ralsgan, .rahinge, .ebgan: nil
        }
    }

    /// ∂L/∂ℓ in LaTeX, `-\sigma(\ell)` for minimax, with c written as in ``latexFormula(parameters:)``.
    public func latexGradientLogitFormula(parameters: LossParameters? = .standard) -> String {
        switch self {
        case .minimax: #"-\sigma(\ell)"#
        case .nonsat: #"-\sigma(-\ell)"#
        case .maxlik: #"-e^{\ell}"#
        case .lsgan: #"\ell-"# + Self.latexTarget(parameters)
        case .lssigmoid: #"-\sigma(\ell)\,\sigma(-\ell)^2"#
        case .wgan, .hinge: "-1"
        case .ebgan: "1"
        case .ragan, .rsgan, .rasgan, .ralsgan, .rahinge:
            relativistic!.latexDerivative(#"\ell"#, minus: #"\ell_r"#, coefficient: relativistic!.latexPairCoefficient)
        case .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN: fDivergence!.latexGeneratorGradient.replacing("v", with: #"\ell"#)
        }
    }

    /// The least-squares target c in a formula: its value in `parameters`, or "c" without them.
    static func latexTarget(_ parameters: LossParameters?) -> String {
        parameters.map { latexNumber($0.leastSquaresTarget) } ?? "c"
    }

    /// A parameter value in a formula: integers without ".0" (below 10¹⁵), else Swift's shortest
    /// decimal (a negative value keeps its ASCII minus).
    static func latexNumber(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }

    /// How ∂L/∂ℓ behaves as D → 0 (ℓ → −∞): its limit and a few words on how it gets there.
    public var gradientAsDToZero: Limit {
        switch self {
        case .minimax: Limit(-0.0, "→ 0: vanishes like −D ≈ −e^ℓ (saturates)")
        case .nonsat: Limit(-1, "→ −1: strong gradient")
        case .maxlik: Limit(-0.0, "→ 0: vanishes like −e^ℓ")
        case .lsgan: Limit(-.infinity, "→ −∞: grows linearly, ℓ − c")
        case .lssigmoid: Limit(-0.0, "→ 0: vanishes like −D (saturates)")
        case .wgan, .hinge: Limit(-1, "−1: constant")
        case .ragan, .rasgan: Limit(-2, "→ −2 (for fixed ℓ_r)")
        case .rsgan: Limit(-1, "→ −1 (for fixed ℓ_r)")
        case .ralsgan: Limit(-.infinity, "→ −∞: grows linearly, 4 (ℓ − ℓ_r − 1)")
        case .rahinge: Limit(-2, "−2: constant while ℓ < 1 + ℓ_r")
        case .ebgan: Limit(1, "1: constant (ℓ is an energy, lower is more real)")
        case .fganKL: Limit(-0.0, "→ 0: vanishes like −e^(ℓ−1) (saturates)")
        case .fganRKL: Limit(-1, "−1: constant")
        case .fganPearson: Limit(.infinity, "→ +∞: grows like −ℓ/2 (the loss falls without bound)")
        case .fganHellinger: Limit(-0.0, "→ 0: vanishes like −e^ℓ (saturates)")
        case .fganJS, .fganGAN: Limit(-0.0, "→ 0: vanishes like −e^ℓ (saturates)")
        }
    }

    /// Whether ∂L/∂ℓ vanishes as D → 0: the generator stalls when the discriminator wins.
    public var saturatesAsDToZero: Bool { gradientAsDToZero.value == 0 }

    /// How ∂L/∂ℓ behaves as D → 1 (ℓ → +∞).
    public var gradientAsDToOne: Limit {
        switch self {
        case .minimax: Limit(-1, "→ −1")
        case .nonsat: Limit(-0.0, "→ 0: vanishes like −(1 − D)")
        case .maxlik: Limit(-.infinity, "→ −∞: grows like −e^ℓ")
        case .lsgan: Limit(.infinity, "→ +∞: 0 at ℓ = c, then pulls back")
        case .lssigmoid: Limit(-0.0, "→ 0: vanishes like −(1 − D)²")
        case .wgan, .hinge: Limit(-1, "−1: constant")
        case .ragan, .rasgan, .rsgan: Limit(-0.0, "→ 0 (for fixed ℓ_r)")
        case .ralsgan: Limit(.infinity, "→ +∞: 0 at ℓ = ℓ_r + 1, then pulls back")
        case .rahinge: Limit(0, "0 from ℓ = 1 + ℓ_r on")
        case .ebgan: Limit(1, "1: constant")
        case .fganKL: Limit(-.infinity, "→ −∞: grows like −e^(ℓ−1)")
        case .fganRKL: Limit(-1, "−1: constant")
        case .fganPearson: Limit(-.infinity, "→ −∞: grows like −ℓ/2")
        case .fganHellinger: Limit(-.infinity, "→ −∞: grows like −e^ℓ")
        case .fganJS, .fganGAN: Limit(-1, "→ −1")
        }
    }

    /// A limit of ∂L/∂ℓ: the number, and how it is approached.
    public struct Limit: Sendable, Hashable {
        /// The limit of ∂L/∂ℓ, possibly ±∞.
        public var value: Double
        /// How the limit is approached, in a few words, such as "→ −1: strong gradient".
        public var behaviour: String

        /// A limit `value`, approached as `behaviour` says.
        public init(_ value: Double, _ behaviour: String) {
            self.value = value
            self.behaviour = behaviour
        }
    }
}
