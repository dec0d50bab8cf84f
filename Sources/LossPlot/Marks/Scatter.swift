/// Round markers of a given diameter in points.
public struct Scatter: Sendable {
    /// The legend's label, shown with a marker; nil for none.
    public var label: String?
    /// The markers' x, in data coordinates.
    public var x: [Double]
    /// The markers' y, one per x.
    public var y: [Double]
    /// The markers' colour; nil takes the next colour of the theme's cycle.
    public var color: Color?
    /// The markers' diameter in points.
    public var size: Double
    /// Hollow markers (a ring) instead of filled discs, so that two sets stay apart in grey print.
    public var hollow: Bool

    /// Markers at (x[i], y[i]), filled discs 4 pt across by default.
    public init(label: String?, x: [Double], y: [Double], color: Color? = nil, size: Double = 4, hollow: Bool = false) {
        self.label = label; self.x = x; self.y = y; self.color = color; self.size = size; self.hollow = hollow
    }
}

extension Scatter: MarkContent {
    var layer: MarkLayer { .lines }
    var seriesStyle: SeriesStyle? { SeriesStyle(color: color, dash: .solid) }

    /// Every x.
    func xExtent() -> [Double] { x }

    /// The y of the markers whose x is in view.
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double] {
        MarkExtent.ys(x: x, y: y, within: xView)
    }

    func legendEntry(style: StrokeStyle?) -> Legend.Entry? {
        guard let label, let style else { return nil }
        return Legend.Entry(label: label, handle: .marker(style.color, hollow: hollow))
    }

    /// A disc (or a white disc with a ring) at every point that lands inside the axes; each
    /// marker's centre is a one-point polyline in `curves`.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        guard let style else { return }
        var points: [Point] = []
        for (x, y) in zip(x, y) {
            let p = panel.transform.page(x, y)
            guard p.x.isFinite, p.y.isFinite, panel.axes.contains(p) else { continue }
            points.append(p)
            let disc = Marker.circle(at: p, diameter: size)
            if hollow {
                page.list.append(.fill(disc, .white))
                page.list.append(.stroke(disc, StrokeStyle(color: style.color, width: 0.8)))
            } else {
                page.list.append(.fill(disc, style.color))
            }
        }
        page.curves += points.map { [$0] }
    }
}
