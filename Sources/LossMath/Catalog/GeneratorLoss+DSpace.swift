internal import Glibc

/// Evaluation at a value of D = D(G(z)) instead of a logit.
///
/// For the losses defined through D the textbook D-space forms are evaluated directly, and the
/// logit derivative is the chain rule through σ′(ℓ) = D(1 − D), simplified before it is evaluated:
/// ```
///               L(D)              ∂L/∂D              ∂L/∂ℓ = ∂L/∂D · D(1 − D)
/// minimax       log(1 − D)        −1/(1 − D)         −D
/// nonsat        −log D            −1/D               −(1 − D)
/// maxlik        −D/(1 − D)        −1/(1 − D)²        −D/(1 − D)
/// lssigmoid     ½ (D − 1)²        D − 1              −D(1 − D)²
/// ```
/// (The unsimplified product rounds twice more: at D = 1e−300 it gives −0.9999999999999999 for
/// the non-saturating −(1 − D) = −1.)
/// This is exact with respect to the given D: going through ℓ = logit(D) would round ℓ, which
/// moves D by up to |ℓ|·2⁻⁵³ relative (250 ULP at D = 1e−300). The losses on the raw output
/// (lsgan, wgan, hinge, the relativistic and f-GAN games) have no D-space form and are evaluated at ℓ = logit(D).
/// At D = 0 and D = 1 the chain-rule product is ∞ · 0, so the limits come from ℓ = ∓∞.
extension GeneratorLoss {
    /// Value and both derivatives at D ∈ [0, 1] (NaN outside).
    public func evaluate(atD d: Double, parameters: LossParameters = .standard) -> LossEvaluation<Double> {
        guard isDefinedThroughD, d > 0, d < 1 else {
            return evaluate(atLogit: Double.logit(d), parameters: parameters)
        }
        let oneMinusD = 1 - d
        switch self {
        case .minimax:
            return LossEvaluation(value: log1p(-d), gradientLogit: -d, gradientD: -1 / oneMinusD)
        case .nonsat:
            return LossEvaluation(value: -log(d), gradientLogit: -oneMinusD, gradientD: -1 / d)
        case .maxlik:
            let ratio = d / oneMinusD
            return LossEvaluation(value: -ratio, gradientLogit: -ratio, gradientD: -1 / (oneMinusD * oneMinusD))
        case .lssigmoid:
            return LossEvaluation(value: 0.5 * oneMinusD * oneMinusD, gradientLogit: -d * oneMinusD * oneMinusD,
                                  gradientD: -oneMinusD)
        case .lsgan, .wgan, .hinge, .ragan, .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN,
             .rsgan, .rasgan, .ralsgan, .rahinge, .ebgan:
            preconditionFailure("raw-output losses are evaluated at logit(D)")
        }
    }

    /// Value and both derivatives at D in single precision: computed in `Double`, rounded once.
    @inlinable
    public func evaluate(atD d: Float, parameters: LossParameters = .standard) -> LossEvaluation<Float> {
        LossEvaluation(rounding: evaluate(atD: Double(d), parameters: parameters))
    }
}
