import _Differentiation

/// Derivatives computed by reverse-mode automatic differentiation of the ``Textbook`` expressions.
extension GeneratorLoss {
    /// ∂L/∂ℓ by `gradient(at:of:)` of the loss's textbook expression in the logit.
    public func autodiffGradientLogit(atLogit l: Double, parameters: LossParameters = .standard) -> Double {
        switch self {
        case .minimax: gradient(at: l, of: Textbook.minimax)
        case .nonsat: gradient(at: l, of: Textbook.nonsat)
        case .maxlik: gradient(at: l, of: Textbook.maxlik)
        case .lsgan:
            gradient(at: l) { l in Textbook.lsgan(l, target: parameters.leastSquaresTarget) }
        case .lssigmoid: gradient(at: l, of: Textbook.lssigmoid)
        case .wgan, .hinge: gradient(at: l, of: Textbook.negated)
        case .ebgan: gradient(at: l, of: Textbook.identity)
        case .ragan, .rsgan, .rasgan, .ralsgan, .rahinge:
            gradient(at: l) { [game = relativistic!] l in Textbook.relativisticGenerator(l, realLogit: parameters.realLogit, game: game) }
        case .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN:
            gradient(at: l) { [d = fDivergence!] l in Textbook.fganGenerator(l, divergence: d) }
        }
    }

    /// ∂L/∂D by `gradient(at:of:)` of the loss's textbook expression in D; nil where the loss is
    /// not a function of D.
    public func autodiffGradientD(atD d: Double) -> Double? {
        switch self {
        case .minimax: gradient(at: d, of: Textbook.minimaxInD)
        case .nonsat: gradient(at: d, of: Textbook.nonsatInD)
        case .maxlik: gradient(at: d, of: Textbook.maxlikInD)
        case .lssigmoid: gradient(at: d, of: Textbook.lssigmoidInD)
        case .lsgan, .wgan, .hinge, .ragan, .fganKL, .fganRKL, .fganPearson, .fganHellinger, .fganJS, .fganGAN,
             .rsgan, .rasgan, .ralsgan, .rahinge, .ebgan: nil
        }
    }
}

extension DiscriminatorLoss {
    /// (∂L_D/∂ℓ_r, ∂L_D/∂ℓ_f) by automatic differentiation of the textbook expression.
    public func autodiffGradients(realLogit r: Double, fakeLogit f: Double) -> (real: Double, fake: Double) {
        let g: (Double, Double)
        switch self {
        case .bce:
            g = gradient(at: r, f) { r, f in Textbook.discriminatorBCE(real: r, fake: f, target: 1) }
        case .bceSmoothed(let t):
            g = gradient(at: r, f) { r, f in Textbook.discriminatorBCE(real: r, fake: f, target: t) }
        case .leastSquares(let a, let b):
            g = gradient(at: r, f) { r, f in Textbook.discriminatorLeastSquares(real: r, fake: f, fakeTarget: a, realTarget: b) }
        case .leastSquaresSigmoid:
            g = gradient(at: r, f, of: Textbook.discriminatorLeastSquaresSigmoid)
        case .wasserstein:
            g = gradient(at: r, f, of: Textbook.discriminatorWasserstein)
        case .hinge:
            g = gradient(at: r, f, of: Textbook.discriminatorHinge)
        case .relativistic(let game):
            g = gradient(at: r, f) { r, f in Textbook.discriminatorRelativistic(real: r, fake: f, game: game) }
        case .fDivergence(let d):
            g = gradient(at: r, f) { r, f in Textbook.discriminatorFGAN(real: r, fake: f, divergence: d) }
        case .energy(let m):
            g = gradient(at: r, f) { r, f in Textbook.discriminatorEnergy(real: r, fake: f, margin: m) }
        }
        return (g.0, g.1)
    }

    /// (∂L_D/∂D_r, ∂L_D/∂D_f) by automatic differentiation of the textbook expression in D; nil for
    /// the losses without a probability.
    public func autodiffGradientsD(realD dr: Double, fakeD df: Double) -> (real: Double, fake: Double)? {
        let g: (Double, Double)
        switch self {
        case .bce: g = gradient(at: dr, df) { dr, df in Textbook.discriminatorBCEInD(real: dr, fake: df, target: 1) }
        case .bceSmoothed(let t):
            g = gradient(at: dr, df) { dr, df in Textbook.discriminatorBCEInD(real: dr, fake: df, target: t) }
        case .leastSquaresSigmoid: g = gradient(at: dr, df, of: Textbook.discriminatorLeastSquaresSigmoidInD)
        case .leastSquares, .wasserstein, .hinge, .relativistic, .fDivergence, .energy: return nil
        }
        return (g.0, g.1)
    }
}
