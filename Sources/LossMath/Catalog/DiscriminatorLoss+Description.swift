/// What a discriminator loss looks like on paper and where it settles: the data behind
/// `gan-losses list --player d` and the discriminator table of `docs/losses.md`.
extension DiscriminatorLoss {
    /// A one-line name for people.
    public var title: String {
        switch self {
        case .bce: "binary cross-entropy"
        case .bceSmoothed: "binary cross-entropy, real target t"
        case .leastSquares: "least squares on the raw output"
        case .leastSquaresSigmoid: "least squares on σ"
        case .wasserstein: "Wasserstein critic"
        case .hinge: "hinge"
        case .relativistic(let game): game == .rasgan ? "relativistic average (one pair)" : "relativistic, " + game.title
        case .fDivergence(let d): "f-GAN, " + d.title
        case .energy: "energy margin (EBGAN)"
        }
    }

    /// Whether the loss is written on D = σ(ℓ), so that a probability D exists; the critics
    /// (Wasserstein, hinge), least squares on the raw output and the relativistic pair have none.
    public var hasProbability: Bool {
        switch self {
        case .bce, .bceSmoothed, .leastSquaresSigmoid: true
        case .leastSquares, .wasserstein, .hinge, .relativistic, .fDivergence, .energy: false
        }
    }

    /// L_D in LaTeX on the logits ℓ_r (real sample) and ℓ_f (generated sample). With `symbolic` the
    /// parameters are written as t, a and b; otherwise as their values.
    public func latexFormula(symbolic: Bool = false) -> String {
        switch self {
        case .bce: #"\mathrm{softplus}(-\ell_r)+\mathrm{softplus}(\ell_f)"#
        case .bceSmoothed(let t):
            Self.number(t, "t", symbolic) + #"\,\mathrm{softplus}(-\ell_r)+(1-"# + Self.number(t, "t", symbolic)
                + #")\,\mathrm{softplus}(\ell_r)+\mathrm{softplus}(\ell_f)"#
        case .leastSquares(let a, let b):
            #"(\ell_r-"# + Self.number(b, "b", symbolic) + #")^2/2+(\ell_f-"# + Self.number(a, "a", symbolic) + ")^2/2"
        case .leastSquaresSigmoid: #"\sigma(-\ell_r)^2/2+\sigma(\ell_f)^2/2"#
        case .wasserstein: #"\ell_f-\ell_r"#
        case .hinge: #"\max(0,1-\ell_r)+\max(0,1+\ell_f)"#
        case .relativistic(let game): game.latexTerm(#"\ell_r"#, minus: #"\ell_f"#, coefficient: game.latexPairCoefficient)
        case .fDivergence(let d):
            d.latexRealTerm.replacing("v", with: #"\ell_r"#) + "+" + d.latexFakeTerm.replacing("v", with: #"\ell_f"#)
        case .energy(let m): #"\ell_r+\max(0,"# + Self.number(m, "m", symbolic) + #"-\ell_f)"#
        }
    }

    /// L_D in LaTeX on D_r = σ(ℓ_r) and D_f = σ(ℓ_f); nil for the losses without a probability.
    public func latexFormulaInD(symbolic: Bool = false) -> String? {
        switch self {
        case .bce: #"-\log D_r-\log(1-D_f)"#
        case .bceSmoothed(let t):
            "-" + Self.number(t, "t", symbolic) + #"\log D_r-(1-"# + Self.number(t, "t", symbolic) + #")\log(1-D_r)-\log(1-D_f)"#
        case .leastSquaresSigmoid: #"(D_r-1)^2/2+D_f^2/2"#
        case .leastSquares, .wasserstein, .hinge, .relativistic, .fDivergence, .energy: nil
        }
    }

    /// ∂L_D/∂ℓ_r in LaTeX.
    public func latexGradientRealFormula(symbolic: Bool = false) -> String {
        switch self {
        case .bce: #"-\sigma(-\ell_r)"#
        case .bceSmoothed(let t): #"\sigma(\ell_r)-"# + Self.number(t, "t", symbolic)
        case .leastSquares(_, let b): #"\ell_r-"# + Self.number(b, "b", symbolic)
        case .leastSquaresSigmoid: #"-\sigma(\ell_r)\,\sigma(-\ell_r)^2"#
        case .wasserstein: "-1"
        case .hinge: #"-[\ell_r<1]"#
        case .relativistic(let game): game.latexDerivative(#"\ell_r"#, minus: #"\ell_f"#, coefficient: game.latexPairCoefficient)
        case .fDivergence(let d): Self.derivative(of: d, real: true).replacing("v", with: #"\ell_r"#)
        case .energy: "1"
        }
    }

    /// ∂L_D/∂ℓ_f in LaTeX.
    public func latexGradientFakeFormula(symbolic: Bool = false) -> String {
        switch self {
        case .bce, .bceSmoothed: #"\sigma(\ell_f)"#
        case .leastSquares(let a, _): #"\ell_f-"# + Self.number(a, "a", symbolic)
        case .leastSquaresSigmoid: #"\sigma(\ell_f)^2\,\sigma(-\ell_f)"#
        case .wasserstein: "1"
        case .hinge: #"[\ell_f>-1]"#
        case .relativistic(let game):
            game.latexDerivative(#"\ell_r"#, minus: #"\ell_f"#, coefficient: game.latexPairCoefficient, negated: true)
        case .fDivergence(let d): Self.derivative(of: d, real: false).replacing("v", with: #"\ell_f"#)
        case .energy(let m): #"-[\ell_f<"# + Self.number(m, "m", symbolic) + "]"
        }
    }

    /// The real sample's half of L_D as a function of its output ℓ, in LaTeX (as ``realValue(_:fakeMean:)``;
    /// the relativistic half with the generated samples' mean output F̄ = 0).
    public func latexRealTerm(symbolic: Bool = false) -> String {
        switch self {
        case .bce: #"\mathrm{softplus}(-\ell)"#
        case .bceSmoothed(let t):
            Self.number(t, "t", symbolic) + #"\,\mathrm{softplus}(-\ell)+(1-"# + Self.number(t, "t", symbolic) + #")\,\mathrm{softplus}(\ell)"#
        case .leastSquares(_, let b): #"(\ell-"# + Self.number(b, "b", symbolic) + ")^2/2"
        case .leastSquaresSigmoid: #"\sigma(-\ell)^2/2"#
        case .wasserstein: #"-\ell"#
        case .hinge: #"\max(0,1-\ell)"#
        case .relativistic(let game): game.latexTerm(#"\ell"#, minus: nil, coefficient: Self.latexHalf(game))
        case .fDivergence(let d): d.latexRealTerm.replacing("v", with: #"\ell"#)
        case .energy: #"\ell"#
        }
    }

    /// The generated sample's half of L_D as a function of its output ℓ, in LaTeX (the relativistic
    /// half with the real samples' mean output R̄ = 0).
    public func latexFakeTerm(symbolic: Bool = false) -> String {
        switch self {
        case .bce, .bceSmoothed: #"\mathrm{softplus}(\ell)"#
        case .relativistic(let game): game.latexTerm(nil, minus: #"\ell"#, coefficient: Self.latexHalf(game))
        case .leastSquares(let a, _): a == 0 && !symbolic ? #"\ell^2/2"# : #"(\ell-"# + Self.number(a, "a", symbolic) + ")^2/2"
        case .leastSquaresSigmoid: #"\sigma(\ell)^2/2"#
        case .wasserstein: #"\ell"#
        case .hinge: #"\max(0,1+\ell)"#
        case .fDivergence(let d): d.latexFakeTerm.replacing("v", with: #"\ell"#)
        case .energy(let m): #"\max(0,"# + Self.number(m, "m", symbolic) + #"-\ell)"#
        }
    }

    /// The derivative of the real half in its output ℓ, in LaTeX.
    public func latexRealTermGradient(symbolic: Bool = false) -> String {
        switch self {
        case .bce: #"-\sigma(-\ell)"#
        case .relativistic(let game): game.latexDerivative(#"\ell"#, minus: nil, coefficient: Self.latexHalf(game))
        case .bceSmoothed(let t): #"\sigma(\ell)-"# + Self.number(t, "t", symbolic)
        case .leastSquares(_, let b): #"\ell-"# + Self.number(b, "b", symbolic)
        case .leastSquaresSigmoid: #"-\sigma(\ell)\,\sigma(-\ell)^2"#
        case .wasserstein: "-1"
        case .hinge: #"-[\ell<1]"#
        case .fDivergence(let d): Self.derivative(of: d, real: true).replacing("v", with: #"\ell"#)
        case .energy: "1"
        }
    }

    /// The derivative of the generated half in its output ℓ, in LaTeX.
    public func latexFakeTermGradient(symbolic: Bool = false) -> String {
        switch self {
        case .bce, .bceSmoothed: #"\sigma(\ell)"#
        case .relativistic(let game): game.latexDerivative(nil, minus: #"\ell"#, coefficient: Self.latexHalf(game), negated: true)
        case .leastSquares(let a, _): a == 0 && !symbolic ? #"\ell"# : #"\ell-"# + Self.number(a, "a", symbolic)
        case .leastSquaresSigmoid: #"\sigma(\ell)^2\,\sigma(-\ell)"#
        case .wasserstein: "1"
        case .hinge: #"[\ell>-1]"#
        case .fDivergence(let d): Self.derivative(of: d, real: false).replacing("v", with: #"\ell"#)
        case .energy(let m): #"-[\ell<"# + Self.number(m, "m", symbolic) + "]"
        }
    }

    /// The real half in D = σ(ℓ), in LaTeX; nil for the losses without a probability.
    public func latexRealTermInD(symbolic: Bool = false) -> String? {
        switch self {
        case .bce: #"-\log D"#
        case .bceSmoothed(let t):
            "-" + Self.number(t, "t", symbolic) + #"\log D-(1-"# + Self.number(t, "t", symbolic) + #")\log(1-D)"#
        case .leastSquaresSigmoid: "(D-1)^2/2"
        case .leastSquares, .wasserstein, .hinge, .relativistic, .fDivergence, .energy: nil
        }
    }

    /// The generated half in D = σ(ℓ), in LaTeX; nil for the losses without a probability.
    public func latexFakeTermInD() -> String? {
        switch self {
        case .bce, .bceSmoothed: #"-\log(1-D)"#
        case .leastSquaresSigmoid: "D^2/2"
        case .leastSquares, .wasserstein, .hinge, .relativistic, .fDivergence, .energy: nil
        }
    }

    /// ∂/∂D of the real half, in LaTeX; nil for the losses without a probability.
    public func latexRealTermGradientD(symbolic: Bool = false) -> String? {
        switch self {
        case .bce: "-1/D"
        case .bceSmoothed(let t):
            "-" + Self.number(t, "t", symbolic) + "/D+(1-" + Self.number(t, "t", symbolic) + ")/(1-D)"
        case .leastSquaresSigmoid: "D-1"
        case .leastSquares, .wasserstein, .hinge, .relativistic, .fDivergence, .energy: nil
        }
    }

    /// ∂/∂D of the generated half, in LaTeX; nil for the losses without a probability.
    public func latexFakeTermGradientD() -> String? {
        switch self {
        case .bce, .bceSmoothed: "1/(1-D)"
        case .leastSquaresSigmoid: "D"
        case .leastSquares, .wasserstein, .hinge, .relativistic, .fDivergence, .energy: nil
        }
    }

    /// Where the loss settles when the generator has won (generated and real samples alike): the
    /// best constant logit ℓ* for both samples and L_D there. The BCE value 2 log 2 ≈ 1.386 at
    /// D = ½ is the equilibrium, not a discriminator that is stuck.
    /// ```
    /// bce           ℓ* = 0                 2 log 2
    /// target t      ℓ* = log(t/(2 − t))    t softplus(−ℓ*) + (2 − t) softplus(ℓ*)   (σ(ℓ*) = t/2)
    /// least squares ℓ* = (a + b)/2         (b − a)²/4
    /// on σ          ℓ* = 0                 1/4
    /// Wasserstein   any ℓ (0)              0
    /// hinge         any ℓ in [−1, 1] (0)   2
    /// relativistic  ℓ_f = ℓ_r (0)          2ᵖ φ(0): log 2 (RSGAN), 2 log 2 (RaSGAN), 2 (RaLSGAN, RaHinge)
    /// f-GAN         g_f⁻¹(f′(1)): 1 (KL), 0   −f(1): 0, log 4 (GAN)
    /// energy        any ℓ in [0, m] (0)    m
    /// ```
    /// Each ℓ* minimizes L_D(ℓ, ℓ): for target t, ∂/∂ℓ = −t σ(−ℓ) + (2 − t) σ(ℓ) = 0 gives σ(ℓ*) = t/2.
    public var equilibrium: (logit: Double, value: Double) {
        let l: Double
        switch self {
        case .bce, .leastSquaresSigmoid, .wasserstein, .hinge, .relativistic, .energy: l = 0
        case .bceSmoothed(let t): l = Double.logit(t / 2)
        case .leastSquares(let a, let b): l = a / 2 + b / 2
        case .fDivergence(let d): l = d.optimalOutput(densityRatio: 1)
        }
        return (l, evaluate(realLogit: l, fakeLogit: l).value)
    }

    /// The derivative of an f-GAN term in v, in LaTeX: −g_f′(v) for the real term, (f* ∘ g_f)′(v)
    /// for the generated one.
    static func derivative(of d: FDivergence, real: Bool) -> String {
        switch (d, real) {
        case (.kl, true), (.pearson, true): "-1"
        case (.rkl, true), (.hellinger, true): #"-e^{-v}"#
        case (.js, true), (.gan, true): #"-\sigma(-v)"#
        case (.kl, false): #"e^{v - 1}"#
        case (.rkl, false): "1"
        case (.pearson, false): #"\frac{v}{2} + 1"#
        case (.hellinger, false): #"e^{v}"#
        case (.js, false), (.gan, false): #"\sigma(v)"#
        }
    }

    /// The coefficient of a relativistic batch term: ½ for RSGAN, whose pair term is split between
    /// its two samples, none for the average games.
    static func latexHalf(_ game: RelativisticGame) -> String {
        game.comparesWithMean ? "" : #"\frac{1}{2}"#
    }

    /// A parameter in a formula: its symbol, or its value (integers without ".0").
    static func number(_ x: Double, _ symbol: String, _ symbolic: Bool) -> String {
        symbolic ? symbol : GeneratorLoss.latexNumber(x)
    }
}
