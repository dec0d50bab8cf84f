/// Closed-form values and derivatives of the generator losses, in stable form.
///
/// Notation: ℓ the logit, D = σ(ℓ), e = e^(−|ℓ|) ∈ [0, 1]. Chain rule: ∂L/∂ℓ = (∂L/∂D)·D(1 − D).
///
/// ```
/// minimax    L = log(1 − D) = −softplus(ℓ)     ∂L/∂ℓ = −σ(ℓ)            ∂L/∂D = −1/(1 − D) = −(1 + eˡ)
/// nonsat     L = −log D = softplus(−ℓ)         ∂L/∂ℓ = −σ(−ℓ)           ∂L/∂D = −1/D = −(1 + e⁻ˡ)
/// maxlik     L = −D/(1 − D) = −eˡ              ∂L/∂ℓ = −eˡ              ∂L/∂D = −1/(1 − D)² = −(1 + eˡ)²
/// lsgan      L = ½ (ℓ − c)²                    ∂L/∂ℓ = ℓ − c
/// lssigmoid  L = ½ (D − 1)² = ½ σ(−ℓ)²         ∂L/∂ℓ = −σ(ℓ) σ(−ℓ)²     ∂L/∂D = D − 1 = −σ(−ℓ)
/// wgan       L = −ℓ                            ∂L/∂ℓ = −1
/// hinge      L = −ℓ                            ∂L/∂ℓ = −1
/// ragan      L = 2 softplus(ℓ_r − ℓ)           ∂L/∂ℓ = −2 σ(ℓ_r − ℓ)
/// fgan-…     L = −f*(g_f(ℓ))                   ∂L/∂ℓ = −(f* ∘ g_f)′(ℓ)   (``FDivergence``)
/// rsgan      L = softplus(ℓ_r − ℓ)             ∂L/∂ℓ = −σ(ℓ_r − ℓ)
/// rasgan     L = 2 softplus(ℓ_r − ℓ)           ∂L/∂ℓ = −2σ(ℓ_r − ℓ)
/// ralsgan    L = 2 (ℓ − ℓ_r − 1)²              ∂L/∂ℓ = 4 (ℓ − ℓ_r − 1)
/// rahinge    L = 2 max(0, 1 + ℓ_r − ℓ)         ∂L/∂ℓ = −2 [ℓ < 1 + ℓ_r]  (``RelativisticGame``)
/// ebgan      L = ℓ (an energy)                 ∂L/∂ℓ = 1
/// ```
/// Derivations: `docs/losses.md`. Each is checked against automatic differentiation and a
/// 60-digit reference (`gan-losses check`, `swift test`).
extension GeneratorLoss {
    /// L(ℓ).
    public func value(atLogit l: Double, parameters: LossParameters = .standard) -> Double {
        switch self {
        case .minimax: -Double.softplus(l)
        case .nonsat: Double.softplus(-l)
        case .maxlik: Self.maxlikValue(l)
        case .lsgan: halfSquare(l, minus: parameters.leastSquaresTarget)
        case .lssigmoid: Self.lsSigmoidValue(l)
        case .wgan, .hinge: -l
        case .ebgan: l
        case .ragan, .rsgan, .rasgan, .ralsgan, .rahinge: relativistic!.generatorPair(logit: l, realLogit: parameters.realLogit).value
        case .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN: fDivergence!.generatorValue(l)
        }
    }

    /// ∂L/∂ℓ.
    public func gradientLogit(atLogit l: Double, parameters: LossParameters = .standard) -> Double {
        switch self {
        case .minimax: -Double.sigmoid(l)
        case .nonsat: -Double.sigmoid(-l)
        case .maxlik: Self.maxlikValue(l)
        case .lsgan: l - parameters.leastSquaresTarget
        case .lssigmoid: Self.lsSigmoidGradientLogit(l)
        case .wgan, .hinge: l.isNaN ? l : -1
        case .ebgan: l.isNaN ? l : 1
        case .ragan, .rsgan, .rasgan, .ralsgan, .rahinge: relativistic!.generatorPair(logit: l, realLogit: parameters.realLogit).gradient
        case .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN: -fDivergence!.fakeGradient(l)
        }
    }

    /// ∂L/∂D at D = σ(ℓ); nil where the loss is not a function of D.
    public func gradientD(atLogit l: Double) -> Double? {
        switch self {
        // −(1 + e^(±ℓ)) and −(1 + eˡ)², each rounded once (``OnePlusExp``).
        case .minimax: l.isNaN ? l : -OnePlusExp(l).rounded
        case .nonsat: l.isNaN ? l : -OnePlusExp(-l).rounded
        case .maxlik: l.isNaN ? l : -OnePlusExp(l).squareRounded
        case .lssigmoid: -Double.sigmoid(-l)
        case .lsgan, .wgan, .hinge, .ragan, .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN,
             .rsgan, .rasgan, .ralsgan, .rahinge, .ebgan: nil
        }
    }

    /// Value and both derivatives at ℓ.
    public func evaluate(atLogit l: Double, parameters: LossParameters = .standard) -> LossEvaluation<Double> {
        LossEvaluation(value: value(atLogit: l, parameters: parameters),
                       gradientLogit: gradientLogit(atLogit: l, parameters: parameters),
                       gradientD: gradientD(atLogit: l))
    }

    /// Value and both derivatives at ℓ in single precision: computed in `Double`, rounded once.
    public func evaluate(atLogit l: Float, parameters: LossParameters = .standard) -> LossEvaluation<Float> {
        LossEvaluation(rounding: evaluate(atLogit: Double(l), parameters: parameters))
    }

    // MARK: Stable pieces

    /// `−eˡ` from the extended exponential 2ᵏ (high + low): the pair rounded once, then scaled by 2ᵏ
    /// (exact unless the result is subnormal).
    static func maxlikValue(_ l: Double) -> Double {
        if l.isNaN { return l }
        let e = ExtendedExp(l)
        return -PowerOfTwo.scale(e.high + e.low, by: e.exponent)
    }

    /// `½ σ(−ℓ)²`, with e = e^(−|ℓ|) = 2ᵏ m (``ExtendedExp``, m a pair) and (1 + e)² a pair:
    /// ```
    /// ℓ ≥ 0:  ½ e² / (1 + e)² = 2²ᵏ⁻¹ m² / (1 + e)²     (m² exact by twoProduct)
    /// ℓ < 0:  ½ / (1 + e)²
    /// ```
    /// One corrected quotient, one rounding; the power of two applied last keeps subnormal
    /// results from rounding twice in the numerator.
    static func lsSigmoidValue(_ l: Double) -> Double {
        if l.isNaN { return l }
        let v = lsSigmoidValueUnscaled(l)
        return PowerOfTwo.scale(v.high + v.low, by: v.exponent)
    }

    /// ``lsSigmoidValue(_:)`` before its last rounding and scaling: 2ᵏ (high + low), for sums.
    static func lsSigmoidValueUnscaled(_ l: Double) -> (high: Double, low: Double, exponent: Double) {
        let e = ExtendedExp(l > 0 ? -l : l)
        let denominator = onePlusPower(e, 2)
        if l < 0 {
            let q = denominator.dividingPair(1)
            return (q.high, q.low, -1)
        }
        let m2 = Compensated.square(e.high, e.low)
        let q = denominator.dividingPair(m2.high, low: m2.low)
        return (q.high, q.low, 2 * e.exponent - 1)
    }

    /// `−σ(ℓ) σ(−ℓ)²`, with e = e^(−|ℓ|) = 2ᵏ m:
    /// ```
    /// ℓ ≥ 0:  σ(ℓ) = 1/(1 + e), σ(−ℓ) = e/(1 + e)   →  −e² / (1 + e)³ = −2²ᵏ m² / (1 + e)³
    /// ℓ < 0:  σ(ℓ) = e/(1 + e), σ(−ℓ) = 1/(1 + e)   →  −e / (1 + e)³  = −2ᵏ m / (1 + e)³
    /// ```
    static func lsSigmoidGradientLogit(_ l: Double) -> Double {
        if l.isNaN { return l }
        let e = ExtendedExp(l > 0 ? -l : l)
        let denominator = onePlusPower(e, 3)
        if l < 0 { return -PowerOfTwo.scale(denominator.dividing(e.high, low: e.low), by: e.exponent) }
        let m2 = Compensated.square(e.high, e.low)
        return -PowerOfTwo.scale(denominator.dividing(m2.high, low: m2.low), by: 2 * e.exponent)
    }

    /// (1 + e)ᵖ as a pair, for e = 2ᵏ m ≤ 1.
    static func onePlusPower(_ e: ExtendedExp, _ power: Int) -> OnePlusPower {
        let e = e.unscaled
        return OnePlusPower(e.high, low: e.low, power: power)
    }
}

/// `½ (a − b)²` with the subtraction's rounding error carried (TwoSum), so the square rounds once:
/// ```
/// d + δ = a − b exactly (Knuth's TwoSum);  ½ (d + δ)² ≈ fma(½d, d, dδ)   (δ² < 2⁻¹⁰⁶ d²)
/// ```
/// From |d| = 2⁵¹² on, ½d² is at least 2¹⁰²³ and dδ may overflow to −∞ beside it (∞ − ∞ at
/// ℓ = 1e308 with c = 24.5): there the square alone, which is ∞ or within 2⁻⁵³ of its value.
func halfSquare(_ a: Double, minus b: Double) -> Double {
    let (d, delta) = Compensated.twoSum(a, -b)
    guard d.isFinite, abs(d) < 0x1p512 else { return 0.5 * d * d }
    return (d * delta).addingProduct(0.5 * d, d)
}

/// ``halfSquare(_:minus:)`` before its last rounding, for sums: ½d² exactly (twoProduct) plus dδ.
func halfSquarePair(_ a: Double, minus b: Double) -> (high: Double, low: Double) {
    let (d, delta) = Compensated.twoSum(a, -b)
    let square = Compensated.twoProduct(0.5 * d, d)
    guard square.high.isFinite else { return (square.high, 0) }
    return (square.high, square.low + d * delta)
}
