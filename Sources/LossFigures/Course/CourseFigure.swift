import LossMath
public import LossPlot

/// The coursework figure set written by `gan-losses figures`: each figure has a stable kebab-case
/// name (its file name), a one-sentence summary (for the README and the progress output) and a
/// ``Figure`` built from LossMath's closed forms.
public enum CourseFigure: String, CaseIterable, Sendable {
    case generatorCostsVsD = "generator-costs-vs-d"
    case generatorGradientVsLogit = "generator-gradient-vs-logit"
    case gradientMagnitudeLog = "gradient-magnitude-log"
    case gradientVsD = "gradient-vs-d"
    case allGeneratorLosses = "all-generator-losses"
    case discriminatorLosses = "discriminator-losses"
    case labelSmoothing = "label-smoothing"
    case stabilityFloatVsDouble = "stability-float-vs-double"
    case leastSquaresRawVsSigmoid = "least-squares-raw-vs-sigmoid"
    case wassersteinVsJS = "wasserstein-vs-js"
    case optimalDVsCritic = "optimal-d-vs-critic"
    case gradientPenalty = "gradient-penalty"
    case lipschitz = "lipschitz"
    case diracVectorFields = "dirac-vector-fields"
    case generatorGradientDecay = "generator-gradient-decay"
    case modeCollapse = "mode-collapse"

    public var name: String { rawValue }

    /// Whether drawing the figure runs a simulation (seconds, where the others take a tenth):
    /// `figures` starts these first, so that the quick ones fill the wait.
    public var simulates: Bool { self == .modeCollapse || self == .generatorGradientDecay }

    /// One sentence on what the figure shows.
    public var summary: String {
        switch self {
        case .generatorCostsVsD:
            "Goodfellow's Figure 16: the minimax cost is flat where D(G(z)) is small, so a rejected generator learns little; the non-saturating and maximum-likelihood costs are not."
        case .generatorGradientVsLogit:
            "∂L/∂ℓ against the logit: the minimax gradient −σ(ℓ) dies where the discriminator is confident, the non-saturating −σ(−ℓ) stays at −1."
        case .gradientMagnitudeLog:
            "On log axes down to D = 1e−12 the minimax gradient falls exactly like D, while the non-saturating one stays near 1."
        case .gradientVsD:
            "In D-space the minimax slope is −1 at D → 0: the vanishing comes from the sigmoid's factor D(1 − D)."
        case .allGeneratorLosses:
            "Every generator loss of the catalog and its logit derivative, on the same axes."
        case .discriminatorLosses:
            "BCE, hinge, least squares and Wasserstein on a real and on a fake logit, with their derivatives."
        case .labelSmoothing:
            "One-sided label smoothing moves the real-sample optimum from +∞ to ℓ* = log(t/(1 − t))."
        case .stabilityFloatVsDouble:
            "Naive log(1 − σ(ℓ)) and −log σ(ℓ) against the stable forms: where each returns −∞, a wrong 0 or loses its digits, in Float and Double."
        case .leastSquaresRawVsSigmoid:
            "Least squares on the raw output keeps its gradient; least squares on σ saturates at both ends."
        case .wassersteinVsJS:
            "Parallel lines at distance θ: W = |θ| gives a constant gradient, JS = log 2 gives none."
        case .optimalDVsCritic:
            "Two Gaussians far apart: the optimal discriminator is flat where the generator is, the optimal critic has slope 1 everywhere."
        case .gradientPenalty:
            "The two-sided, one-sided and R1 penalties; the interpolates x̂; a critic's gradient norms pulled to 1."
        case .lipschitz:
            "A 1-Lipschitz function stays inside the cones of slope 1 at each of its points; a steeper one leaves them."
        case .diracVectorFields:
            "DiracGAN: simultaneous gradient steps spiral out, alternating ones circle, R1 and WGAN-GP converge."
        case .generatorGradientDecay:
            "Against a discriminator in training, the minimax generator's gradient shrinks while the non-saturating one grows."
        case .modeCollapse:
            "A mixture of four Gaussians: the minimax and non-saturating generators hop between modes and end on the two outer ones; WGAN-GP spreads its mass but fits none well."
        }
    }

    /// The figure, in the given theme. Slides get 1.25 times the paper size (8 × 6 in for the
    /// single-panel figures), which leaves the larger text as much room as on paper.
    public func figure(theme: Theme = .paper) throws -> Figure {
        var figure = try paperSizedFigure(theme: theme)
        if theme == .slides {
            figure.width *= 1.25
            figure.height *= 1.25
        }
        return figure
    }

    private func paperSizedFigure(theme: Theme) throws -> Figure {
        switch self {
        case .generatorCostsVsD: SaturationFigures.generatorCosts(theme: theme)
        case .generatorGradientVsLogit:
            try LossCurveFigure(losses: [.minimax, .nonsat], x: .logit, quantity: .grad, theme: theme,
                                title: "Generator gradients with respect to the logit $\\ell$").figure()
        case .gradientMagnitudeLog: SaturationFigures.gradientMagnitude(theme: theme)
        case .gradientVsD: SaturationFigures.gradientInD(theme: theme)
        case .allGeneratorLosses: CatalogFigures.allGeneratorLosses(theme: theme)
        case .discriminatorLosses: CatalogFigures.discriminatorLosses(theme: theme)
        case .labelSmoothing: CatalogFigures.labelSmoothing(theme: theme)
        case .stabilityFloatVsDouble: StabilityFigure.figure(theme: theme)
        case .leastSquaresRawVsSigmoid: CatalogFigures.leastSquares(theme: theme)
        case .wassersteinVsJS: WassersteinFigures.wassersteinVsJS(theme: theme)
        case .optimalDVsCritic: WassersteinFigures.optimalDVsCritic(theme: theme)
        case .gradientPenalty: WassersteinFigures.gradientPenalty(theme: theme)
        case .lipschitz: WassersteinFigures.lipschitz(theme: theme)
        case .diracVectorFields: DynamicsFigures.diracFields(theme: theme)
        case .generatorGradientDecay: DynamicsFigures.gradientDecay(theme: theme)
        case .modeCollapse: DynamicsFigures.modeCollapse(theme: theme)
        }
    }

    /// The figure with this name, or nil.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }
}
