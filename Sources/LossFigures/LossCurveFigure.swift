public import LossMath
public import LossPlot

/// The figure of `gan-losses plot`: generator losses or their gradients against D(G(z)) (on a
/// linear, log or logit axis) or against the logit, with the region where the discriminator is
/// confident (D < 0.01) shaded when a saturating loss is shown; or, for the discriminator, the
/// two halves of each game's L_D (the real sample's term and the generated sample's) against the
/// output on that sample. Losses on a critic's raw output are drawn against ℓ only.
public struct LossCurveFigure: Sendable {
    /// Whose losses are drawn.
    public enum Player: String, CaseIterable, Sendable {
        /// The generator: L_G(ℓ) on a generated sample.
        case generator
        /// The discriminator (critic): the real and generated halves of L_D, each against its output.
        case discriminator
    }

    /// The x axis: D on a linear, log or logit scale, or the logit ℓ.
    public enum XVariable: String, CaseIterable, Sendable {
        /// D(G(z)) on a linear axis over (0, 1).
        case d
        /// The logit ℓ, D = σ(ℓ).
        case logit
        /// D on a log axis, 10⁻⁶ to 1 by default: the saturating end D → 0 spread over decades.
        case logD = "log-d"
        /// D on a logit axis, 10⁻⁴ to 1 − 10⁻⁴ by default: both ends spread out.
        case logitD = "logit-d"

        /// Whether the axis shows D (on any scale) rather than ℓ.
        public var showsD: Bool { self != .logit }

        /// The scale of the x axis.
        public var scale: Scale {
            switch self {
            case .d, .logit: .linear
            case .logD: .log
            case .logitD: .logit
            }
        }

        /// The x range unless given.
        public var defaultRange: ClosedRange<Double> {
            switch self {
            case .d: 0...1
            case .logit: -10...10
            case .logD: 1e-6...1
            case .logitD: 1e-4...(1 - 1e-4)
            }
        }
    }

    /// What the y axis shows.
    public enum Quantity: String, CaseIterable, Sendable {
        /// The loss L_G.
        case loss
        /// ∂L_G/∂ℓ, the gradient the generator receives through the logit.
        case grad
        /// ∂L_G/∂D, for the losses defined through D.
        case gradD = "grad-d"
        /// L_G and ∂L_G/∂ℓ in two stacked panels.
        case both
    }

    /// The y axis's scale.
    public enum YScale: String, CaseIterable, Sendable {
        /// Values as they are.
        case linear
        /// Magnitudes |y| on a log axis.
        case log
        /// Values on matplotlib's symlog axis: linear within ±1, logarithmic beyond.
        case symlog
    }

    public var losses: [GeneratorLoss]
    /// Whose losses: the generator's (default) or the discriminator's halves.
    public var player: Player = .generator
    public var x: XVariable
    public var quantity: Quantity
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var yScale: YScale
    public var theme: Theme
    public var title: String?
    /// nil: the theme's page width (6.4 in on paper, 10 in on a 4:3 slide, 13.33 in on a 16:9 one).
    public var width: Double?
    /// nil: the theme's page height (4.8 in on paper, 7.5 in on slides); on paper 1.5 times
    /// that for two stacked panels.
    public var height: Double?
    public var parameters: LossParameters
    /// Where the legend goes: inside where it covers nothing, else outside, unless given.
    public var legend: LegendPlacement = .best
    /// The x axis label in math markup; nil for the default, which names the variable.
    public var xLabel: String?
    /// The y axis label; nil for the default, which names the quantity.
    public var yLabel: String?
    /// Light grid lines at the major ticks.
    public var grid = false
    /// The look of each series, in the order of `losses`; a missing or nil field takes the
    /// theme's cycle.
    public var styles: [SeriesStyle] = []
    /// A logit ℓ to mark on every panel (the explorer's probe): a dotted vertical line at ℓ, or at
    /// D = σ(ℓ) on an axis of D, and a dot in each curve's colour where the curve crosses it
    /// (none where its value is infinite or out of view). It must lie in the x range
    /// (``Problem/markOutside(logit:onD:range:)``).
    public var mark: Double?

    public init(losses: [GeneratorLoss], x: XVariable = .d, quantity: Quantity = .loss,
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, yScale: YScale = .linear,
                theme: Theme = .paper, title: String? = nil, width: Double? = nil, height: Double? = nil,
                parameters: LossParameters = .standard) {
        self.losses = losses; self.x = x; self.quantity = quantity; self.xRange = xRange; self.yRange = yRange
        self.yScale = yScale; self.theme = theme; self.title = title; self.width = width; self.height = height
        self.parameters = parameters
    }

    /// The width used: as given, else the theme's page width.
    public var effectiveWidth: Double { width ?? theme.pageWidth }

    /// The height used: as given, else the theme's page height (on paper 1.5 times that for two
    /// stacked panels; a slide's height is the slide's).
    public var effectiveHeight: Double {
        height ?? theme.pageHeight * (quantity == .both && !theme.isForProjection ? 1.5 : 1)
    }

    /// D below which the figures call the discriminator's verdict confident (the shaded region).
    public static let confidentD = 0.01

    /// The x range used: as given, else the variable's default.
    public var defaultXRange: ClosedRange<Double> { x.defaultRange }

    public func figure() throws -> Figure {
        let xView = xRange ?? defaultXRange
        let curves = self.curves
        if let mark, !xView.contains(markedX(mark)) { throw Problem.markOutside(logit: mark, onD: x.showsD, range: xView) }
        if quantity == .gradD, let curve = curves.first(where: { !$0.hasD }) { throw Problem.noD(loss: curve.games[0]) }
        // A critic's output is not a probability: losses on the raw output are drawn against ℓ only.
        if x.showsD, let curve = curves.first(where: { !$0.hasD }) { throw Problem.criticAgainstD(loss: curve.games[0]) }
        let quantities: [Quantity] = quantity == .both ? [.loss, .grad] : [quantity]
        // Stacked panels show the same series: one legend is enough, across the page below them
        // (each label with both formulas) unless a place is asked for (then in the top panel).
        let shared = quantities.count > 1 && legend == .best
        var panels = try quantities.map { try panel(for: $0, xView: xView, sharedLabels: shared) }
        for i in panels.indices.dropFirst() { panels[i].legend = .none }
        let defaultTitle: String
        switch player {
        case .generator:
            let against = x.showsD ? "$D(G(z))$"
                : curves.allSatisfy(\.hasD) ? "the logit $\\ell$" : "the output $\\ell$"
            switch quantity {
            case .loss: defaultTitle = "Generator losses against " + against
            case .grad: defaultTitle = "Generator gradients with respect to the logit $\\ell$"
            case .gradD: defaultTitle = "Generator gradients with respect to $D$"
            case .both: defaultTitle = "Generator losses and their logit gradients"
            }
        case .discriminator:
            let against = x.showsD ? "$D$" : "its output $\\ell$"
            switch quantity {
            case .loss: defaultTitle = "Discriminator losses: each sample's term against " + against
            case .grad: defaultTitle = "Discriminator gradients: each sample's term against " + against
            case .gradD: defaultTitle = "Discriminator gradients with respect to $D$"
            case .both: defaultTitle = "Discriminator losses and their gradients, each sample's term"
            }
        }
        return Figure(width: effectiveWidth, height: effectiveHeight, title: title ?? defaultTitle, panels: panels,
                      columns: 1, sharesX: true, sharedLegend: shared, theme: theme)
    }

    /// The number of series drawn: one per curve, games with the same curve sharing one.
    public var seriesCount: Int { curves.count }

    /// The curves, one series each: the chosen games' generator losses, or the two halves of
    /// their discriminator losses; games whose curves are the same share one (wgan = hinge:
    /// L_G = −ℓ; minimax = nonsat = maxlik for BCE's halves).
    var curves: [LossCurve] {
        let all: [LossCurve]
        switch player {
        case .generator: all = losses.map { LossCurve.generator($0, parameters: parameters) }
        case .discriminator: all = losses.flatMap { LossCurve.discriminatorHalves($0, parameters: parameters) }
        }
        var groups: [LossCurve] = []
        for curve in all {
            if let i = groups.firstIndex(where: { $0.drawsLike(curve) }) { groups[i].games += curve.games } else { groups.append(curve) }
        }
        return groups
    }

    private func panel(for q: Quantity, xView: ClosedRange<Double>, sharedLabels: Bool = false) throws -> Panel {
        let inD = x.showsD
        // In D-space the curves stop just short of 0 and 1, where some losses are infinite.
        let domain: ClosedRange<Double> = inD ? Self.openInterior(of: xView) : xView
        let magnitude = yScale == .log
        var marks: [Mark] = []
        // The region where the discriminator is confident (D < 0.01): where the saturating
        // gradients vanish. The arrow annotation, where there is one, names it; otherwise the legend.
        let curves = self.curves
        let annotated = player == .generator && q == .grad && !inD && losses.contains(.minimax) && xView.lowerBound < -4 && !magnitude
        if curves.contains(where: \.saturatesAsDToZero) {
            let edge = inD ? Self.confidentD : Double.logit(Self.confidentD)
            if xView.lowerBound < edge {
                marks.append(.verticalSpan(VerticalSpan(from: xView.lowerBound, to: min(edge, xView.upperBound),
                                                        label: annotated ? nil : "$D < 0.01$: saturated")))
            }
        }
        if !magnitude {
            marks.append(.horizontalLine(ReferenceLine(at: 0, color: Color(hex: 0x999999), dash: .solid, width: 0.6)))
        }
        // The range is chosen from samples of each curve on its core, taken once: the renderer's
        // autoscale cannot leave out a runaway curve, and it knows nothing of the core of D.
        let sampled = ownsYRange(q) && yScale == .linear ? samples(q, xView: xView) : []
        let view = try yView(for: q, samples: sampled)
        let leaving = yRange == nil ? view.map { leavingCurves(sampled, view: $0) } ?? [:] : [:]
        for (index, series) in curves.enumerated() {
            let curve: @Sendable ([Double]) -> [Double] = { xs in
                let ys = series.values(q, xs, inD)
                return magnitude ? ys.map(abs) : ys
            }
            let formula = series.formula(q, inD) ?? ""
            let style = index < styles.count ? styles[index] : SeriesStyle()
            var label = "\(series.name)  $\(formula)$"
            if sharedLabels {
                label = "\(series.name)  $\(series.formula(.loss, inD) ?? "")$; $\(series.formula(.grad, inD) ?? "")$"
            }
            if let exit = leaving[index] {
                // Marked where it leaves: an arrow in its colour to the edge, and its reach in the legend.
                if !sharedLabels {
                    label += " (to $\(Self.short(exit.extreme.y))$ at $\(x.showsD ? "D" : "\\ell") = \(Self.short(exit.extreme.x))$)"
                }
                let color = style.color ?? theme.palette[index % theme.palette.count]
                // From 10% of the view's height inside the edge to 3% inside it.
                let span = (exit.edge > 0 ? 1 : -1) * ((view?.upperBound ?? 1) - (view?.lowerBound ?? 0))
                marks.append(.arrows(ArrowSet(label: nil, points: [Point(exit.x, exit.edge - 0.1 * span)],
                                              vectors: [Point(0, 0.07 * span)], weights: [1], widthPerWeight: 1.2 * theme.lineWidth,
                                              color: color)))
            }
            marks.append(.function(.batch(label: label, domain: domain, style: style, curve)))
        }
        if let mark {
            let at = markedX(mark)
            // In proportion to the curves (0.9 pt and 4.5 pt on paper, twice that on a slide),
            // so that the dots stand out of the 3-pt lines of a slide too.
            marks.append(.verticalLine(ReferenceLine(at: at, color: Color(hex: 0x555555), dash: .dotted, width: 0.6 * theme.lineWidth)))
            for (index, series) in curves.enumerated() {
                var y = series.values(q, [at], inD)[0]
                if magnitude { y = abs(y) }
                guard y.isFinite, view.map({ $0.contains(y) }) ?? true, !(yScale == .log && y <= 0) else { continue }
                let color = (index < styles.count ? styles[index].color : nil) ?? theme.palette[index % theme.palette.count]
                marks.append(.scatter(Scatter(label: nil, x: [at], y: [y], color: color, size: 3 * theme.lineWidth)))
            }
        }
        if annotated {
            let target = max(xView.lowerBound + 0.1 * (xView.upperBound - xView.lowerBound), -8)
            marks.append(.annotation(Annotation("$D < 0.01$:\nminimax gradient → 0", at: Point(0.03, 0.3),
                                                anchor: Point(0, 0.5), arrowTo: Point(target, -Double.sigmoid(target)))))
        }
        let player = player == .generator ? "G" : "D"
        let defaultYLabel: String
        switch q {
        case .grad: defaultYLabel = magnitude ? "$|\\partial L_\(player)/\\partial\\ell|$" : "$\\partial L_\(player)/\\partial\\ell$"
        case .gradD: defaultYLabel = magnitude ? "$|\\partial L_\(player)/\\partial D|$" : "$\\partial L_\(player)/\\partial D$"
        case .loss, .both:
            defaultYLabel = magnitude ? "$|L_\(player)|$" : (player == "G" ? "generator loss $L_G$" : "discriminator loss $L_D$, each term")
        }
        let sample = self.player == .generator ? "a generated sample" : "the sample"
        let critics = curves.filter { !$0.hasD }
        let defaultXLabel = inD ? (self.player == .generator ? "$D(G(z))$, the discriminator's output on a generated sample"
                                   : "$D$, the discriminator's output on the sample")
            : critics.count == curves.count ? #"critic output $\ell$ on "# + sample + " (no sigmoid)"
            : critics.isEmpty ? #"discriminator logit $\ell$ on "# + sample + #" ($D = \sigma(\ell)$)"#
            : #"output $\ell$ on "# + sample + #" (a logit, $D = \sigma(\ell)$, for "#
                + curves.filter(\.hasD).flatMap(\.games).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    .joined(separator: ", ") + ")"
        let yAxisScale: Scale
        switch yScale {
        case .linear: yAxisScale = .linear
        case .log: yAxisScale = .log
        case .symlog: yAxisScale = .symlog
        }
        return Panel(x: Axis(label: xLabel ?? defaultXLabel, scale: x.scale, range: xView),
                     y: Axis(label: yLabel ?? defaultYLabel, scale: yAxisScale, range: view),
                     marks: marks, legend: legend, grid: grid)
    }

    /// A D-range without the endpoints 0 and 1 (where some losses are infinite): an end at 0 or 1
    /// moves inward by a billionth of the range. Expects 0 ≤ lo < hi ≤ 1.
    static func openInterior(of r: ClosedRange<Double>) -> ClosedRange<Double> {
        let width = r.upperBound - r.lowerBound
        let lo = r.lowerBound > 0 ? r.lowerBound : width * 1e-9
        let hi = r.upperBound < 1 ? r.upperBound : r.upperBound - width * 1e-9
        return lo < hi ? lo...hi : r
    }

    /// The part of the x view where the curves are informative: D in [0.01, 0.99] (ℓ within
    /// ±4.6), where −log D, log(1 − D) and −eˡ are still readable.
    func core(of xView: ClosedRange<Double>) -> ClosedRange<Double> {
        let core = x.showsD ? Self.confidentD...(1 - Self.confidentD)
            : Double.logit(Self.confidentD)...Double.logit(1 - Self.confidentD)
        let lo = max(xView.lowerBound, core.lowerBound), hi = min(xView.upperBound, core.upperBound)
        return lo < hi ? lo...hi : xView
    }

    /// One series' values at points of the x view.
    typealias Sample = (name: String, xs: [Double], ys: [Double])

    /// Whether the panel of `q` picks its own y range: `--y-range` sets the loss panel's alone.
    func ownsYRange(_ q: Quantity) -> Bool { yRange == nil || (quantity == .both && q != .loss) }

    /// Each series' values on 401 points of the core of the x view.
    func samples(_ q: Quantity, xView: ClosedRange<Double>) -> [Sample] {
        let core = core(of: xView)
        let xs: [Double] = (0...400).map { i in
            let t = Double(i) / 400
            if x.scale == .linear { return core.lowerBound + (core.upperBound - core.lowerBound) * t }
            let (a, b) = (x.scale.forward(core.lowerBound), x.scale.forward(core.upperBound))
            return x.scale.inverse(a + (b - a) * t)
        }
        return curves.map { ($0.name, xs, $0.values(q, xs, x.showsD)) }
    }

    /// The y range: as given, else the curves' extent over the core of the x view with a 5%
    /// margin and 0 included — except a curve that runs away (its extent more than four times
    /// the median extent of the curves) is left out of the range, drawn to the edge and marked
    /// as leaving the axes. Log and symlog axes take the library's autoscale.
    /// `samples` are ``samples(_:xView:)`` (unused when the range is given or the scale not linear).
    func yView(for q: Quantity, samples curves: [Sample]) throws -> ClosedRange<Double>? {
        if !ownsYRange(q) { return yRange }
        if yScale != .linear { return nil }
        var extents: [(lo: Double, hi: Double)] = []
        for curve in curves {
            let finite = curve.ys.filter(\.isFinite)
            guard let lo = finite.min(), let hi = finite.max() else { throw Problem.notFinite(loss: curve.name) }
            extents.append((lo, hi))
        }
        let kept = Self.keptExtents(extents)
        var lo = min(0, kept.map(\.lo).min() ?? 0), hi = max(0, kept.map(\.hi).max() ?? 0)
        guard hi > lo else { return nil }
        // Curves near ±1.8e308 (--ls-target 1e308) cannot be drawn with room for ticks.
        let reach = max(abs(lo), abs(hi))
        guard reach <= Axis.largestAutomaticMagnitude else { throw Problem.curvesTooLarge(reach: reach) }
        let margin = 0.05 * (hi - lo)
        lo -= margin; hi += margin
        return lo...hi
    }

    /// The extents that set the range: all but those more than four times as tall as the median
    /// (of at least three curves; of two, the shorter).
    static func keptExtents(_ extents: [(lo: Double, hi: Double)]) -> [(lo: Double, hi: Double)] {
        guard extents.count >= 2 else { return extents }
        let heights = extents.map { $0.hi - $0.lo }.sorted()
        let median = extents.count == 2 ? heights[0] : heights[heights.count / 2]
        guard median > 0 else { return extents }
        return extents.filter { $0.hi - $0.lo <= 4 * median }
    }

    /// Where a curve leaves the view: the x at which it crosses the edge (the last sample inside
    /// before its farthest point), the edge, and that farthest point.
    struct Exit { var x: Double; var edge: Double; var extreme: Point }

    /// The curves that leave the view over the core of the x view (as `samples` has them), and
    /// where, by their index among the series.
    func leavingCurves(_ samples: [Sample], view: ClosedRange<Double>) -> [Int: Exit] {
        var exits: [Int: Exit] = [:]
        for (index, curve) in samples.enumerated() {
            let points = zip(curve.xs, curve.ys).filter { $0.1.isFinite }
            guard let far = points.indices.max(by: { abs(points[$0].1) < abs(points[$1].1) }),
                  !view.contains(points[far].1) else { continue }
            let edge = points[far].1 < view.lowerBound ? view.lowerBound : view.upperBound
            // From the farthest point back toward the view, on the side nearer to it.
            let before = points[..<far].lastIndex { view.contains($0.1) }
            let after = points[(far + 1)...].firstIndex { view.contains($0.1) }
            let inside = [before, after].compactMap { $0 }.min { abs($0 - far) < abs($1 - far) }
            guard let inside else { continue }  // never inside the view: nothing to point at
            exits[index] = Exit(x: points[inside].0, edge: edge, extreme: Point(points[far].0, points[far].1))
        }
        return exits
    }

    /// Where ``mark`` is drawn on the x axis: ℓ itself, or D = σ(ℓ).
    func markedX(_ logit: Double) -> Double { x.showsD ? Double.sigmoid(logit) : logit }

    /// Three significant digits, with a proper minus: −49.5, 0.99.
    static func short(_ v: Double) -> String {
        String(cFormat: "%.3g", v).replacing("-", with: "−")
    }

    /// Why the curves cannot be drawn as asked.
    public enum Problem: Error, CustomStringConvertible {
        case curvesTooLarge(reach: Double)
        case notFinite(loss: String)
        case noD(loss: String)
        case criticAgainstD(loss: String)
        /// The mark's x (ℓ, or σ(ℓ) on an axis of D: `onD`) is outside the x range.
        case markOutside(logit: Double, onD: Bool, range: ClosedRange<Double>)

        public var description: String {
            switch self {
            case .markOutside(let logit, let onD, let range):
                "--mark \(logit)" + (onD ? " is at D = σ(\(logit)) = \(Double.sigmoid(logit)), which" : "")
                    + " lies outside the x range \(range.lowerBound) to \(range.upperBound); widen it with --x-range or mark another logit"
            case .curvesTooLarge(let reach):
                "the curves reach \(reach), beyond the ±\(Axis.largestAutomaticMagnitude) a figure can show; choose loss parameters (such as --ls-target) that keep them smaller, or give --y-range"
            case .notFinite(let loss):
                "\(loss) is not finite anywhere on the x range (it overflows); choose loss parameters (such as --ls-target) that keep it finite"
            case .criticAgainstD(let loss):
                "\(loss) is a loss on a critic's raw output, with no sigmoid and no D = σ(ℓ) (a critic is not a probability); draw it against the output with --x logit"
            case .noD(let loss):
                "\(loss) is a loss on the raw output, with no D = σ(ℓ): ∂L/∂D exists only for minimax, nonsat, maxlik and lssigmoid; use --y grad for ∂L/∂ℓ"
            }
        }
    }
}
