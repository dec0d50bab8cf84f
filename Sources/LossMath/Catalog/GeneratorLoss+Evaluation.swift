/// Closed-form values and derivatives of the generator losses, in stable form.
///
/// Notation: ℓ the logit, D = σ(ℓ), e = e^(−|ℓ|) ∈ [0, 1]. Chain rule: ∂L/∂ℓ = (∂L/∂D)·D(1 − D).
///
/// ```
/// minimax    L = log(1 − D) = −softplus(ℓ)     ∂L/∂ℓ = −σ(ℓ)            ∂L/∂D = −1/(1 − D) = −(1 + eˡ)
/// nonsat     L = −log D = softplus(−ℓ)         ∂L/∂ℓ = −σ(−ℓ)           ∂L/∂D = −1/D = −(1 + e⁻ˡ)
/// maxlik     L = −½ D/(1 − D) = −½ eˡ          ∂L/∂ℓ = −½ eˡ            ∂L/∂D = −½/(1 − D)² = −½ (1 + eˡ)²
/// lsgan      L = ½ (ℓ − c)²                    ∂L/∂ℓ = ℓ − c
/// lssigmoid  L = ½ (D − 1)² = ½ σ(−ℓ)²         ∂L/∂ℓ = −σ(ℓ) σ(−ℓ)²     ∂L/∂D = D − 1 = −σ(−ℓ)
/// wgan       L = −ℓ                            ∂L/∂ℓ = −1
/// hinge      L = −ℓ                            ∂L/∂ℓ = −1
/// ragan      L = 2 softplus(ℓ_r − ℓ)           ∂L/∂ℓ = −2 σ(ℓ_r − ℓ)
/// ```
/// Derivations: `docs/losses.md`. Each is checked against automatic differentiation and a
/// 60-digit reference (`gan-losses check`, `swift test`).
extension GeneratorLoss {
    /// L(ℓ).
    @inlinable
    public func value(atLogit l: Double, parameters: LossParameters = .standard) -> Double {
        switch self {
        case .minimax: -softplus(l)
        case .nonsat: softplus(-l)
        case .maxlik: -0.5 * exp(l)
        case .lsgan: halfSquare(l, minus: parameters.leastSquaresTarget)
        case .lssigmoid: Self.lsSigmoidValue(l)
        case .wgan, .hinge: -l
        case .ragan: 2 * softplus(parameters.realLogit - l)
        }
    }

    /// ∂L/∂ℓ.
    @inlinable
    public func gradientLogit(atLogit l: Double, parameters: LossParameters = .standard) -> Double {
        switch self {
        case .minimax: -sigmoid(l)
        case .nonsat: -sigmoid(-l)
        case .maxlik: -0.5 * exp(l)
        case .lsgan: l - parameters.leastSquaresTarget
        case .lssigmoid: Self.lsSigmoidGradientLogit(l)
        case .wgan, .hinge: l.isNaN ? l : -1
        case .ragan: -2 * sigmoid(parameters.realLogit - l)
        }
    }

    /// ∂L/∂D at D = σ(ℓ); nil where the loss is not a function of D.
    @inlinable
    public func gradientD(atLogit l: Double) -> Double? {
        switch self {
        case .minimax: -(1 + exp(l))
        case .nonsat: -(1 + exp(-l))
        case .maxlik:
            // −½ (1 + eˡ)²; for ℓ > 0 factor out eˡ: −½ e²ˡ (1 + e⁻ˡ)², which cannot overflow early.
            l <= 0 ? -0.5 * OnePlusPower(exp(l), power: 2).sum
                : -0.5 * exp(2 * l) * OnePlusPower(exp(-l), power: 2).sum
        case .lssigmoid: -sigmoid(-l)
        case .lsgan, .wgan, .hinge, .ragan: nil
        }
    }

    /// Value and both derivatives at ℓ.
    @inlinable
    public func evaluate(atLogit l: Double, parameters: LossParameters = .standard) -> LossEvaluation<Double> {
        LossEvaluation(value: value(atLogit: l, parameters: parameters),
                       gradientLogit: gradientLogit(atLogit: l, parameters: parameters),
                       gradientD: gradientD(atLogit: l))
    }

    /// Value and both derivatives at ℓ in single precision: computed in `Double`, rounded once.
    @inlinable
    public func evaluate(atLogit l: Float, parameters: LossParameters = .standard) -> LossEvaluation<Float> {
        LossEvaluation(rounding: evaluate(atLogit: Double(l), parameters: parameters))
    }

    // MARK: Stable pieces

    /// `½ σ(−ℓ)²`, with e = e^(−|ℓ|):
    /// ```
    /// ℓ ≥ 0:  ½ e² / (1 + e)²     (e² computed as e^(−2ℓ): doubling is exact, one rounding less)
    /// ℓ < 0:  ½ / (1 + e)²
    /// ```
    @inlinable
    static func lsSigmoidValue(_ l: Double) -> Double {
        if l.isNaN { return l }
        let e = exp(-abs(l))
        let numerator = l >= 0 ? exp(-2 * l) : 1
        return 0.5 * OnePlusPower(e, power: 2).dividing(numerator)
    }

    /// `−σ(ℓ) σ(−ℓ)²`, with e = e^(−|ℓ|):
    /// ```
    /// ℓ ≥ 0:  σ(ℓ) = 1/(1 + e), σ(−ℓ) = e/(1 + e)   →  −e² / (1 + e)³
    /// ℓ < 0:  σ(ℓ) = e/(1 + e), σ(−ℓ) = 1/(1 + e)   →  −e / (1 + e)³
    /// ```
    @inlinable
    static func lsSigmoidGradientLogit(_ l: Double) -> Double {
        if l.isNaN { return l }
        let e = exp(-abs(l))
        let numerator = l >= 0 ? exp(-2 * l) : e
        return -OnePlusPower(e, power: 3).dividing(numerator)
    }
}

/// `½ (a − b)²` with the subtraction's rounding error carried (TwoSum), so the square rounds once:
/// ```
/// d + δ = a − b exactly (Knuth's TwoSum);  ½ (d + δ)² ≈ fma(½d, d, dδ)   (δ² < 2⁻¹⁰⁶ d²)
/// ```
/// The correction is dδ, not 2dδ: doubling it would overflow to −∞ next to d² = +∞ for
/// |d| > 8.9e307 and give ∞ − ∞.
@inlinable
func halfSquare(_ a: Double, minus b: Double) -> Double {
    let d = a - b
    guard d.isFinite else { return 0.5 * d * d }
    let bPart = d - a
    let delta = (a - (d - bPart)) + (-b - bPart)
    return fma(0.5 * d, d, d * delta)
}
