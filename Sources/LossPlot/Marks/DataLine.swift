/// A polyline through data points, in order; a NaN (or a point outside a scale) breaks it.
public struct DataLine: Sendable {
    /// The legend's label (math markup), or nil to leave the line out of the legend.
    public var label: String?
    /// The points' x, in data coordinates.
    public var x: [Double]
    /// The points' y, one per x.
    public var y: [Double]
    /// Colour, dash and width; nil fields come from the theme's cycle.
    public var style: SeriesStyle

    /// A line through (x[i], y[i]) for i in order.
    public init(label: String?, x: [Double], y: [Double], style: SeriesStyle = SeriesStyle()) {
        self.label = label; self.x = x; self.y = y; self.style = style
    }
}

extension DataLine: MarkContent {
    var layer: MarkLayer { .lines }
    var seriesStyle: SeriesStyle? { style }

    /// Every finite x.
    func xExtent() -> [Double] { x.filter { $0.isFinite } }

    /// The y of the points whose x is in view.
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double] {
        MarkExtent.ys(x: x, y: y, within: xView)
    }

    func legendEntry(style: StrokeStyle?) -> Legend.Entry? { MarkExtent.lineEntry(label: label, style: style) }

    /// The points on the page (NaN where outside a scale, y clamped to ±10⁹ pt), stroked.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        guard let style else { return }
        let transform = panel.transform
        let points = zip(x, y).map { x, y in
            transform.xScale.contains(x) && transform.yScale.contains(y) ? transform.page(x, y) : Point(.nan, .nan)
        }.map { Point($0.x, PanelContext.clampedY($0.y)) }
        page.strokeLine(points, style: style, in: panel)
    }
}
