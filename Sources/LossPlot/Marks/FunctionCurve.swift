/// y = f(x), sampled by the renderer where the curve bends (adaptively, in batches).
///
/// One initialiser takes a function of one x (`FunctionCurve(label: "x²") { $0 * $0 }`); a
/// function that evaluates whole batches at once is given through ``batch(label:domain:style:_:)``,
/// a name of its own, so that a trailing closure never has two initialisers to choose from.
public struct FunctionCurve: Sendable {
    /// The legend's label (math markup), or nil to leave the curve out of the legend.
    public var label: String?
    /// y for a batch of x, in order: the renderer samples the curve in a few large batches.
    public var values: @Sendable ([Double]) -> [Double]
    /// Where to evaluate; nil means the whole x view.
    public var domain: ClosedRange<Double>?
    /// Colour, dash and width; nil fields come from the theme's cycle.
    public var style: SeriesStyle

    /// A curve from a function of one x.
    public init(label: String?, domain: ClosedRange<Double>? = nil, style: SeriesStyle = SeriesStyle(),
                _ function: @escaping @Sendable (Double) -> Double) {
        self.label = label; self.domain = domain; self.style = style; self.values = { $0.map(function) }
    }

    /// A curve from a function evaluated for whole batches of x (one y per x, in order), such as
    /// LossMath's batch evaluation.
    public static func batch(label: String?, domain: ClosedRange<Double>? = nil, style: SeriesStyle = SeriesStyle(),
                             _ values: @escaping @Sendable ([Double]) -> [Double]) -> FunctionCurve {
        var curve = FunctionCurve(label: label, domain: domain, style: style) { _ in 0 }
        curve.values = values
        return curve
    }
}

extension FunctionCurve: MarkContent {
    var layer: MarkLayer { .lines }
    var seriesStyle: SeriesStyle? { style }

    /// The domain's ends, if one is given: a curve over the whole view does not set the view.
    func xExtent() -> [Double] { domain.map { [$0.lowerBound, $0.upperBound] } ?? [] }

    /// The curve at 401 points uniform in the x scale's coordinate over the visible domain.
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double] {
        guard let (t0, t1) = VisibleDomain.scaled(domain, in: xView, scale: xScale) else { return [] }
        return values((0...400).map { xScale.inverse(t0 + (t1 - t0) * Double($0) / 400) })
    }

    func legendEntry(style: StrokeStyle?) -> Legend.Entry? { MarkExtent.lineEntry(label: label, style: style) }

    /// Samples the visible domain adaptively (``AdaptiveSampler``) and strokes the result.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        guard let style else { return }
        let transform = panel.transform
        var points: [Point] = []
        if let (t0, t1) = VisibleDomain.scaled(domain, in: transform.xView, scale: transform.xScale) {
            points = AdaptiveSampler().sample(values, from: t0, to: t1, transform: transform)
        }
        page.strokeLine(points, style: style, in: panel)
    }
}
