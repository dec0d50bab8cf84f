import LossMath
import LossPlot

/// The relativistic generators beside their standard forms, for one pair: (a) ∂L_G/∂ℓ_f against
/// the generated sample's logit with the real one at ℓ_r = 2, where RSGAN's gradient is the
/// non-saturating one moved right by ℓ_r and RaLSGAN's and RaHinge's stop at ℓ_r + 1; (b) ∂L_G/∂ℓ_r,
/// the generator's pull on the real sample's logit, which the standard games do not have.
enum RelativisticFigure {
    /// The real logit of panel (a), a discriminator fairly sure of the real sample.
    static let realLogit = 2.0
    /// The generated logit of panel (b).
    static let fakeLogit = 0.0

    /// Each relativistic game with the standard game it is drawn beside (one colour per family).
    static let pairs: [(standard: GeneratorLoss, relativistic: [GeneratorLoss])] = [
        (.nonsat, [.rsgan, .rasgan]), (.lsgan, [.ralsgan]), (.hinge, [.rahinge]),
    ]

    /// ∂L_G/∂ℓ_r of one pair, −2ᵖ φ′(ℓ_f − ℓ_r) (L_G = 2ᵖ φ(ℓ_f − ℓ_r)).
    static func realGradient(_ game: GeneratorLoss, real r: Double, fake f: Double) -> Double {
        0 - game.gradientLogit(atLogit: f, parameters: LossParameters(realLogit: r))
    }

    /// The `figures` summary, from the gradients at the figure's points (RelativisticFigureTests
    /// holds each claim over the whole axis).
    static func summary() -> String {
        let p = LossParameters(realLogit: realLogit)
        let rsgan = GeneratorLoss.rsgan.gradientLogit(atLogit: 0, parameters: p)
        let nonsat = GeneratorLoss.nonsat.gradientLogit(atLogit: 0)
        let kink = realLogit + 1
        let pull = realGradient(.rsgan, real: realLogit, fake: fakeLogit)
        return "The relativistic generators for one pair, with the real logit at ℓ_r = \(Self.text(realLogit, 0)): "
            + "RSGAN's gradient −σ(ℓ_r − ℓ) is the non-saturating one moved right by ℓ_r (\(Self.text(rsgan)) at ℓ = 0 against \(Self.text(nonsat))), RaSGAN's twice it; "
            + "RaLSGAN's 4(ℓ − ℓ_r − 1) vanishes at ℓ = ℓ_r + 1 = \(Self.text(kink, 0)), and RaHinge's −2 stops there, where the hinge generator's −1 never does; "
            + "and they pull the real logit down, ∂L_G/∂ℓ_r > 0 (RSGAN's \(Self.text(pull)) at ℓ_r = \(Self.text(realLogit, 0)), ℓ_f = \(Self.text(fakeLogit, 0))), where the standard games' is 0."
    }

    /// A value to `decimals` decimals (3 by default) with the minus sign U+2212.
    static func text(_ x: Double, _ decimals: Int = 3) -> String {
        String(cFormat: "%.\(decimals)f", x).replacing("-", with: "−")
    }

    static func figure(theme: Theme) -> Figure {
        let dashes: [Dash] = [.dashed, .dashDot]
        func style(_ family: Int, _ k: Int?) -> SeriesStyle {
            SeriesStyle(color: theme.palette[family], dash: k.map { dashes[$0] } ?? .solid,
                        width: k == nil ? 1.6 * theme.lineWidth : theme.lineWidth)
        }
        var fakeMarks: [Mark] = [CatalogFigures.zeroLine], realMarks: [Mark] = [CatalogFigures.zeroLine]
        realMarks.append(.function(FunctionCurve(label: "standard games (0)", style: SeriesStyle(color: theme.palette[7], dash: .solid)) { _ in 0 }))
        for (family, pair) in pairs.enumerated() {
            fakeMarks.append(.function(FunctionCurve(label: pair.standard.id, style: style(family, nil)) {
                pair.standard.gradientLogit(atLogit: $0)
            }))
            for (k, game) in pair.relativistic.enumerated() {
                fakeMarks.append(.function(FunctionCurve(label: game.id, style: style(family, k)) {
                    game.gradientLogit(atLogit: $0, parameters: LossParameters(realLogit: realLogit))
                }))
                realMarks.append(.function(FunctionCurve(label: game.id, style: style(family, k)) {
                    realGradient(game, real: $0, fake: fakeLogit)
                }))
            }
        }
        let fake = Panel(title: "on the generated logit, $\\ell_r = 2$",
                         x: Axis(label: #"generated sample's output $\ell_f$"#, range: -4...8),
                         y: Axis(label: #"$\partial L_G/\partial\ell_f$"#, range: -4...4), marks: fakeMarks, legend: .none)
        let real = Panel(title: "on the real logit, $\\ell_f = 0$",
                         x: Axis(label: #"real sample's output $\ell_r$"#, range: -4...8),
                         y: Axis(label: #"$\partial L_G/\partial\ell_r$"#, range: -4...4), marks: realMarks, legend: .none)
        return Figure(width: 10, height: 4.8, title: "Relativistic generators beside their standard forms (one pair)",
                      panels: [fake, real], columns: 2, sharesX: false, sharedLegend: true, theme: theme)
    }
}
