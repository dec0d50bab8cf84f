public import LossMath
public import LossPlot

/// The figure of `gan-losses plot`: generator losses or their logit gradients against D(G(z)) or
/// against the logit, with the saturating region shaded when a saturating loss is shown.
public struct LossCurveFigure: Sendable {
    public enum XVariable: String, CaseIterable, Sendable { case d, logit }
    public enum Quantity: String, CaseIterable, Sendable { case loss, grad, both }

    public var losses: [GeneratorLoss]
    public var x: XVariable
    public var quantity: Quantity
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var logY: Bool
    public var theme: Theme
    public var title: String?
    /// nil: 6.4 in, 8 in with the slides theme.
    public var width: Double?
    /// nil: 4.8 in, 6 in with the slides theme; 1.5 times that for two stacked panels.
    public var height: Double?
    public var parameters: LossParameters

    public init(losses: [GeneratorLoss], x: XVariable = .d, quantity: Quantity = .loss,
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, logY: Bool = false,
                theme: Theme = .paper, title: String? = nil, width: Double? = nil, height: Double? = nil,
                parameters: LossParameters = .standard) {
        self.losses = losses; self.x = x; self.quantity = quantity; self.xRange = xRange; self.yRange = yRange
        self.logY = logY; self.theme = theme; self.title = title; self.width = width; self.height = height
        self.parameters = parameters
    }

    /// The width used: as given, else 6.4 in (8 in with the slides theme).
    public var effectiveWidth: Double { width ?? (theme == .slides ? 8 : 6.4) }

    /// The height used: as given, else 4.8 in (6 in with the slides theme), 1.5 times that for
    /// two stacked panels.
    public var effectiveHeight: Double { height ?? (theme == .slides ? 6 : 4.8) * (quantity == .both ? 1.5 : 1) }

    /// D below which the figures call the discriminator's verdict confident (the shaded region).
    public static let confidentD = 0.01

    public var defaultXRange: ClosedRange<Double> { x == .d ? 0...1 : -10...10 }

    public func figure() throws -> Figure {
        let xView = xRange ?? defaultXRange
        let quantities: [Quantity] = quantity == .both ? [.loss, .grad] : [quantity]
        var panels = try quantities.map { try panel(for: $0, xView: xView) }
        // Stacked panels show the same series: one legend, in the top panel, is enough.
        for i in panels.indices.dropFirst() { panels[i].legend = .none }
        let defaultTitle: String
        switch quantity {
        case .loss: defaultTitle = "Generator losses against " + (x == .d ? "$D(G(z))$" : "the logit $\\ell$")
        case .grad: defaultTitle = "Generator gradients with respect to the logit $\\ell$"
        case .both: defaultTitle = "Generator losses and their logit gradients"
        }
        return Figure(width: effectiveWidth, height: effectiveHeight, title: title ?? defaultTitle, panels: panels,
                      columns: 1, sharesX: true, theme: theme)
    }

    private func panel(for q: Quantity, xView: ClosedRange<Double>) throws -> Panel {
        let p = parameters
        let inD = x == .d
        // In D-space the curves stop just short of 0 and 1, where some losses are infinite.
        let domain: ClosedRange<Double> = inD ? Self.openInterior(of: xView) : xView
        var marks: [Mark] = []
        // On the logit axis the region where the discriminator is confident is wide enough to shade
        // (on the D axis it is a sliver); it is where the saturating gradients vanish.
        // The arrow annotation, where there is one, names the region; otherwise the legend does.
        let annotated = q == .grad && !inD && losses.contains(.minimax) && xView.lowerBound < -4 && !logY
        if !inD, losses.contains(where: \.saturatesAsDToZero) {
            let edge = Double.logit(Self.confidentD)
            if xView.lowerBound < edge {
                marks.append(.verticalSpan(VerticalSpan(from: xView.lowerBound, to: edge,
                                                        label: annotated ? nil : "$D < 0.01$: saturated")))
            }
        }
        marks.append(.horizontalLine(ReferenceLine(at: 0, color: Color(hex: 0x999999), dash: .solid, width: 0.6)))
        for loss in losses {
            let magnitude = logY
            let gradient = q == .grad
            // Logit axis: the batch API, one pass over each batch of the sampler for L and ∂L/∂ℓ.
            let curve: @Sendable ([Double]) -> [Double] = { xs in
                var values: [Double] = [], gradients: [Double] = []
                if inD {
                    for v in xs {
                        let e = loss.evaluate(atD: v, parameters: p)
                        values.append(e.value)
                        gradients.append(e.gradientLogit)
                    }
                } else {
                    loss.evaluate(logits: xs, values: &values, gradients: &gradients, parameters: p)
                }
                let ys = gradient ? gradients : values
                return magnitude ? ys.map(abs) : ys
            }
            let formula = "$" + (q == .grad ? loss.latexGradientLogitFormula(parameters: p)
                                 : (inD ? loss.latexFormulaInD : nil) ?? loss.latexFormula(parameters: p)) + "$"
            marks.append(.function(.batch(label: "\(loss.id)  \(formula)", domain: domain, curve)))
        }
        if annotated {
            let target = max(xView.lowerBound + 0.1 * (xView.upperBound - xView.lowerBound), -8)
            marks.append(.annotation(Annotation("$D < 0.01$:\nminimax gradient → 0", at: Point(0.03, 0.3),
                                                anchor: Point(0, 0.5), arrowTo: Point(target, -Double.sigmoid(target)))))
        }
        if logY { marks.removeAll { if case .horizontalLine = $0 { true } else { false } } }

        let yLabel: String
        switch q {
        case .grad: yLabel = logY ? #"$|\partial L_G/\partial\ell|$"# : #"$\partial L_G/\partial\ell$"#
        default: yLabel = logY ? "$|L_G|$" : "generator loss $L_G$"
        }
        let xLabel = inD ? "$D(G(z))$, the discriminator's output on a generated sample"
            : #"discriminator logit $\ell$ on a generated sample ($D = \sigma(\ell)$)"#
        return Panel(x: Axis(label: xLabel, scale: .linear, range: xView),
                     y: Axis(label: yLabel, scale: logY ? .log : .linear, range: try yView(for: q, xView: xView)),
                     marks: marks)
    }

    /// A D-range without the endpoints 0 and 1 (where some losses are infinite): an end at 0 or 1
    /// moves inward by a billionth of the range. Expects 0 ≤ lo < hi ≤ 1.
    static func openInterior(of r: ClosedRange<Double>) -> ClosedRange<Double> {
        let width = r.upperBound - r.lowerBound
        let lo = r.lowerBound > 0 ? r.lowerBound : width * 1e-9
        let hi = r.upperBound < 1 ? r.upperBound : r.upperBound - width * 1e-9
        return lo < hi ? lo...hi : r
    }

    /// The y range: as given, else the curves' extent over the informative part of x (D in
    /// [0.01, 0.99], ℓ in [logit 0.01, logit 0.99] ≈ [−4.6, 4.6], where −log D, log(1 − D) and
    /// −½eˡ are still readable) with a 5% margin. Curves that leave it are clipped at the edge.
    public func yView(for q: Quantity, xView: ClosedRange<Double>) throws -> ClosedRange<Double>? {
        if let yRange, quantity != .both || q == .loss { return yRange }
        if logY {
            return nil  // the library's autoscale on the log axis
        }
        let p = parameters
        let core = x == .d ? Self.confidentD...(1 - Self.confidentD) : Double.logit(Self.confidentD)...Double.logit(1 - Self.confidentD)
        var lo = max(xView.lowerBound, core.lowerBound), hi = min(xView.upperBound, core.upperBound)
        if lo >= hi { (lo, hi) = (xView.lowerBound, xView.upperBound) }
        var values: [Double] = [0]
        for loss in losses {
            let curve = (0...400).map { i in
                let v = lo + (hi - lo) * Double(i) / 400
                let e = x == .d ? loss.evaluate(atD: v, parameters: p) : loss.evaluate(atLogit: v, parameters: p)
                return q == .grad ? e.gradientLogit : e.value
            }
            guard curve.contains(where: \.isFinite) else { throw Problem.notFinite(loss: loss.id) }
            values += curve
        }
        let finite = values.filter(\.isFinite)
        guard let a = finite.min(), let b = finite.max(), b > a else { return nil }
        // Curves near ±1.8e308 (--ls-target 1e308) cannot be drawn with room for ticks.
        let reach = max(abs(a), abs(b))
        guard reach <= Axis.largestAutomaticMagnitude else { throw Problem.curvesTooLarge(reach: reach) }
        let margin = 0.05 * (b - a)
        return (a - margin)...(b + margin)
    }

    /// Why the curves cannot be drawn as asked.
    public enum Problem: Error, CustomStringConvertible {
        case curvesTooLarge(reach: Double)
        case notFinite(loss: String)

        public var description: String {
            switch self {
            case .curvesTooLarge(let reach):
                "the curves reach \(reach), beyond the ±\(Axis.largestAutomaticMagnitude) a figure can show; choose loss parameters (such as --ls-target) that keep them smaller, or give --y-range"
            case .notFinite(let loss):
                "\(loss) is not finite anywhere on the x range (it overflows); choose loss parameters (such as --ls-target) that keep it finite"
            }
        }
    }
}
