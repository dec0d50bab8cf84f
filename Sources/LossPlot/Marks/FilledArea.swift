/// The region between y = f(x) and y = baseline over a domain, filled, with the curve on top.
public struct FilledArea: Sendable {
    /// The legend's label, shown with a patch of the fill; nil for none.
    public var label: String?
    /// The upper (or lower) edge, y = f(x).
    public var function: @Sendable (Double) -> Double
    /// Where to fill; nil means the whole x view.
    public var domain: ClosedRange<Double>?
    /// The other edge, y = baseline.
    public var baseline: Double
    /// The colour of the curve and of the fill; nil takes the next colour of the theme's cycle.
    public var color: Color?
    /// The fill's opacity (the curve is opaque).
    public var opacity: Double

    /// The area between `function` and `baseline` over `domain`, filled at 30% by default.
    public init(label: String?, domain: ClosedRange<Double>? = nil, baseline: Double = 0, color: Color? = nil,
                opacity: Double = 0.3, _ function: @escaping @Sendable (Double) -> Double) {
        self.label = label; self.domain = domain; self.baseline = baseline; self.color = color; self.opacity = opacity
        self.function = function
    }
}

extension FilledArea: MarkContent {
    var layer: MarkLayer { .fills }
    var seriesStyle: SeriesStyle? { SeriesStyle(color: color, dash: .solid) }

    /// The domain's ends, if one is given.
    func xExtent() -> [Double] { domain.map { [$0.lowerBound, $0.upperBound] } ?? [] }

    /// The baseline, and f at 201 points uniform in data x over the visible domain.
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double] {
        var ys = [baseline]
        let (lo, hi) = VisibleDomain.data(domain, in: xView)
        if lo < hi { for i in 0...200 { ys.append(function(lo + (hi - lo) * Double(i) / 200)) } }
        return ys
    }

    func legendEntry(style: StrokeStyle?) -> Legend.Entry? {
        guard let label, let style else { return nil }
        return Legend.Entry(label: label, handle: .patch(style.color.withAlpha(opacity)))
    }

    /// The curve sampled adaptively over the visible domain (its finite points), closed down to
    /// the baseline and filled at `opacity`, then the curve itself stroked solid.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        guard let style else { return }
        let transform = panel.transform
        guard let (t0, t1) = VisibleDomain.scaled(domain, in: transform.xView, scale: transform.xScale) else { return }
        let curve = AdaptiveSampler().sample(function, from: t0, to: t1, transform: transform)
            .filter { $0.y.isFinite }
        guard let first = curve.first, let last = curve.last else { return }
        let base = PanelContext.clampedY(transform.pageY(baseline))
        var outline = Path(polyline: [Point(first.x, base)] + curve + [Point(last.x, base)])
        outline.elements.append(.close)
        page.list.append(.fill(outline, style.color.withAlpha(opacity)))
        page.strokeLine(curve, style: StrokeStyle(color: style.color, width: style.width), in: panel)
    }
}
