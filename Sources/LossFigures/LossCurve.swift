import LossMath

/// One curve of a ``LossCurveFigure``: a generator loss, or one half of a game's discriminator
/// loss (the real or the generated sample's term, as a function of the output ℓ on that sample),
/// with its name, its formulas and its values.
struct LossCurve: Sendable {
    /// The games it stands for (several when their curves are the same: wgan = hinge).
    var games: [String]
    /// For a discriminator half, which sample: "real" or "generated"; nil for a generator loss.
    var part: String?
    /// Whether the curve is a function of D = σ(ℓ) (false on a critic's raw output).
    var hasD: Bool
    /// Whether its ∂/∂ℓ vanishes as D → 0 (the shaded region of the generator figures).
    var saturatesAsDToZero: Bool
    /// The LaTeX of a quantity, in D when `inD` and the loss has one; nil where it does not exist.
    let formula: @Sendable (_ quantity: LossCurveFigure.Quantity, _ inD: Bool) -> String?
    /// The quantity at points of the x axis (D when `inD`, else ℓ).
    let values: @Sendable (_ quantity: LossCurveFigure.Quantity, _ xs: [Double], _ inD: Bool) -> [Double]

    /// The name in the legend: "nonsat", "wgan = hinge", "minimax = nonsat, real".
    var name: String { games.joined(separator: " = ") + (part.map { ", " + $0 } ?? "") }

    /// The generator loss of `loss`.
    static func generator(_ loss: GeneratorLoss, parameters p: LossParameters) -> LossCurve {
        LossCurve(
            games: [loss.id], part: nil, hasD: loss.isDefinedThroughD, saturatesAsDToZero: loss.saturatesAsDToZero,
            formula: { q, inD in
                switch q {
                case .grad: loss.latexGradientLogitFormula(parameters: p)
                case .gradD: loss.latexGradientDFormula
                case .loss, .both: (inD ? loss.latexFormulaInD : nil) ?? loss.latexFormula(parameters: p)
                }
            },
            values: { q, xs, inD in
                switch (q, inD) {
                case (.loss, false), (.both, false), (.grad, false):
                    // The batch API: one pass over the points for L and ∂L/∂ℓ.
                    var values: [Double] = [], gradients: [Double] = []
                    loss.evaluate(logits: xs, values: &values, gradients: &gradients, parameters: p)
                    return q == .grad ? gradients : values
                case (.loss, true), (.both, true): return xs.map { loss.evaluate(atD: $0, parameters: p).value }
                case (.grad, true): return xs.map { loss.evaluate(atD: $0, parameters: p).gradientLogit }
                case (.gradD, _): return xs.map { loss.gradientD(atLogit: inD ? Double.logit($0) : $0) ?? .nan }
                }
            })
    }

    /// The two halves of `game`'s discriminator loss: the real sample's term and the generated
    /// sample's, each against its own output ℓ (the relativistic halves against the other side's
    /// mean output 0).
    static func discriminatorHalves(_ game: GeneratorLoss, parameters p: LossParameters) -> [LossCurve] {
        let d = game.discriminatorLoss(parameters: p)
        let against = game.relativistic.map { $0.comparesWithMean ? " (other side's mean 0)" : " (partner's logit 0)" } ?? ""
        let real = LossCurve(
            games: [game.id], part: "real" + against, hasD: d.hasProbability, saturatesAsDToZero: false,
            formula: { q, inD in
                switch q {
                case .grad: d.latexRealTermGradient()
                case .gradD: d.latexRealTermGradientD()
                case .loss, .both: (inD ? d.latexRealTermInD() : nil) ?? d.latexRealTerm()
                }
            },
            values: { q, xs, inD in
                xs.map { v in
                    let l = inD ? Double.logit(v) : v
                    switch q {
                    case .loss, .both: return d.realValue(l)
                    case .grad: return d.realTerm(l).gradient
                    case .gradD: return d.gradientsD(realLogit: l, fakeLogit: 0)?.real ?? .nan
                    }
                }
            })
        let generated = LossCurve(
            games: [game.id], part: "generated" + against, hasD: d.hasProbability, saturatesAsDToZero: false,
            formula: { q, inD in
                switch q {
                case .grad: d.latexFakeTermGradient()
                case .gradD: d.latexFakeTermGradientD()
                case .loss, .both: (inD ? d.latexFakeTermInD() : nil) ?? d.latexFakeTerm()
                }
            },
            values: { q, xs, inD in
                xs.map { v in
                    let l = inD ? Double.logit(v) : v
                    switch q {
                    case .loss, .both: return d.fakeValue(l)
                    case .grad: return d.fakeTerm(l).gradient
                    case .gradD: return d.gradientsD(realLogit: 0, fakeLogit: l)?.fake ?? .nan
                    }
                }
            })
        return [real, generated]
    }

    /// Whether two curves draw the same line: the same part, and equal values and derivatives
    /// at logits from −12 to 12.
    func drawsLike(_ other: LossCurve) -> Bool {
        let probes = Array(stride(from: -12.0, through: 12.0, by: 0.75))
        return part == other.part && values(.loss, probes, false) == other.values(.loss, probes, false)
            && values(.grad, probes, false) == other.values(.grad, probes, false)
    }
}
