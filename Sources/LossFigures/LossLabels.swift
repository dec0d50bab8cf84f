import LossMath


/// How the figures name a loss: short math for legends.
extension GeneratorLoss {
    /// L in the figure's x variable: D-space where the loss has it and x is D, else ℓ.
    public func legendFormula(inD: Bool, parameters: LossParameters) -> String {
        let c = LossLabelNumber.text(parameters.leastSquaresTarget)
        switch self {
        case .minimax: return inD ? #"$\log(1-D)$"# : #"$-\mathrm{softplus}(\ell)$"#
        case .nonsat: return inD ? #"$-\log D$"# : #"$\mathrm{softplus}(-\ell)$"#
        case .maxlik: return inD ? #"$-D/(2(1-D))$"# : #"$-e^{\ell}/2$"#
        case .lsgan: return "$(\\ell-\(c))^2/2$"
        case .lssigmoid: return inD ? #"$(D-1)^2/2$"# : #"$\sigma(-\ell)^2/2$"#
        case .wgan, .hinge: return #"$-\ell$"#
        case .ragan: return #"$2\,\mathrm{softplus}(\ell_r-\ell)$"#
        }
    }

    /// ∂L/∂ℓ as a formula.
    public func legendGradientFormula(parameters: LossParameters) -> String {
        let c = LossLabelNumber.text(parameters.leastSquaresTarget)
        switch self {
        case .minimax: return #"$-\sigma(\ell)$"#
        case .nonsat: return #"$-\sigma(-\ell)$"#
        case .maxlik: return #"$-e^{\ell}/2$"#
        case .lsgan: return "$\\ell-\(c)$"
        case .lssigmoid: return #"$-\sigma(\ell)\,\sigma(-\ell)^2$"#
        case .wgan, .hinge: return "$-1$"
        case .ragan: return #"$-2\sigma(\ell_r-\ell)$"#
        }
    }

    /// Whether ∂L/∂ℓ vanishes as D → 0 (the generator stalls when the discriminator wins).
    public var saturatesAsDToZero: Bool { gradientAsDToZero.value == 0 }
}

enum LossLabelNumber {
    /// A parameter value for a label: integers without ".0", minus as U+2212 inside math.
    static func text(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}
