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
    case fganGeneratorGradients = "fgan-generator-gradients"
    case relativisticLosses = "relativistic-losses"
    case labelSmoothing = "label-smoothing"
    case stabilityFloatVsDouble = "stability-float-vs-double"
    case leastSquaresRawVsSigmoid = "least-squares-raw-vs-sigmoid"
    case earthMoversDistance = "earth-movers-distance"
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

    /// One sentence on what the figure shows (for `dirac-vector-fields` written from its runs).
    public var summary: String {
        switch self {
        case .generatorCostsVsD:
            "Goodfellow's Figure 16: where D(G(z)) is small the minimax and the maximum-likelihood costs are both flat (slope −½), the non-saturating one steep (slope −1/(2D)), so only it gives a rejected generator a strong gradient."
        case .generatorGradientVsLogit:
            "∂L/∂ℓ against the logit: where the discriminator is confident (D < 0.01) the minimax gradient −σ(ℓ) dies, while the non-saturating −σ(−ℓ) stays near −1."
        case .gradientMagnitudeLog:
            "On log axes down to D = 1e−12 the minimax gradient falls exactly like D, while the non-saturating one stays near 1."
        case .gradientVsD:
            "In D-space the minimax slope ∂L/∂D = −1/(1 − D) is −1 at D → 0 (and falls to −∞ at D → 1): the vanishing of ∂L/∂ℓ comes from the sigmoid's factor D(1 − D)."
        case .allGeneratorLosses:
            "Every generator loss of the catalog and its logit derivative, on the same axes."
        case .fganGeneratorGradients:
            FGANFigure.summary()
        case .relativisticLosses:
            RelativisticFigure.summary()
        case .discriminatorLosses:
            "BCE, hinge, least squares and Wasserstein on a real and on a fake logit, with their derivatives."
        case .labelSmoothing:
            "One-sided label smoothing moves the real-sample optimum from +∞ to ℓ* = log(t/(1 − t))."
        case .stabilityFloatVsDouble:
            "Naive log(1 − σ(ℓ)) and −log σ(ℓ) against the stable forms: where each returns −∞, a wrong 0 or loses its digits, in Float and Double."
        case .leastSquaresRawVsSigmoid:
            "Least squares on the raw output keeps its gradient; least squares on σ saturates at both ends."
        case .earthMoversDistance:
            "The earth mover's distance between a generated and a real sample: the cheapest plan moves mass in order, and its cost, Σ mass × distance, is the area between the two CDFs."
        case .wassersteinVsJS:
            "Parallel lines at distance θ: W = |θ| gives a constant gradient, JS = log 2 gives none."
        case .optimalDVsCritic:
            "Two Gaussians far apart: the optimal discriminator is flat where the generator is, the optimal critic has slope −1 everywhere, downhill toward the data."
        case .gradientPenalty:
            "The two-sided and one-sided penalties (λ = 1), taken at interpolates x̂, and R1 (γ = 1), taken at real data; a batch and its interpolates; a critic's gradient norms on 2000 interpolates, spread over 0.5–4.7, all within 0.9–1.3 after 12 steps on the two-sided penalty."
        case .lipschitz:
            "A 1-Lipschitz function stays inside the cones of slope 1 at each of its points; a steeper one leaves them."
        case .diracVectorFields:
            // Written from the runs drawn (what each game's steps did, and where they ended).
            DiracSummary.sentence()
        case .generatorGradientDecay:
            "Against a discriminator trained from scratch by Adam (5 runs), the minimax generator's gradient peaks at step 21 and then falls 5 orders of magnitude by step 3000, while the non-saturating one grows 1776-fold, to 10⁸ times the minimax one."
        case .modeCollapse:
            DynamicsFigures.modeCollapseSummary()
        }
    }

    /// The figure in the given theme, `width` × `height` inches when given; otherwise on paper
    /// its own size (6.4 × 4.8 in for one panel, wider for panels side by side) and on slides the
    /// theme's page (10 × 7.5 or 13.33 × 7.5 in).
    public func figure(theme: Theme = .paper, width: Double? = nil, height: Double? = nil) throws -> Figure {
        var figure = try paperSizedFigure(theme: theme)
        if theme.isForProjection {
            (figure.width, figure.height) = (theme.pageWidth, theme.pageHeight)
        }
        if let width { figure.width = width }
        if let height { figure.height = height }
        // Panels may move to other columns, except where rows and columns mean something (mode
        // collapse: one row per objective, one column per step).
        figure.reflows = self != .modeCollapse
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
        case .fganGeneratorGradients: FGANFigure.figure(theme: theme)
        case .relativisticLosses: RelativisticFigure.figure(theme: theme)
        case .labelSmoothing: CatalogFigures.labelSmoothing(theme: theme)
        case .stabilityFloatVsDouble: StabilityFigure.figure(theme: theme)
        case .leastSquaresRawVsSigmoid: CatalogFigures.leastSquares(theme: theme)
        case .earthMoversDistance: EarthMoversFigure.figure(theme: theme)
        case .wassersteinVsJS: WassersteinFigures.wassersteinVsJS(theme: theme)
        case .optimalDVsCritic: WassersteinFigures.optimalDVsCritic(theme: theme)
        case .gradientPenalty: WassersteinFigures.gradientPenalty(theme: theme)
        case .lipschitz: WassersteinFigures.lipschitz(theme: theme)
        case .diracVectorFields: DynamicsFigures.diracFields(theme: theme, runs: DiracSummary.runs)
        case .generatorGradientDecay: DynamicsFigures.gradientDecay(theme: theme)
        case .modeCollapse: DynamicsFigures.modeCollapse(theme: theme)
        }
    }

    /// The figure with this name, or nil.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }
}
