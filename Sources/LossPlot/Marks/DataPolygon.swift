/// A closed polygon in data coordinates, filled.
public struct DataPolygon: Sendable {
    /// The legend's label, shown with a patch of the fill; nil for none.
    public var label: String?
    /// The vertices, in data coordinates and in order; the last joins the first.
    public var points: [Point]
    /// The fill.
    public var color: Color

    /// A polygon through `points`, filled with `color`.
    public init(label: String?, points: [Point], color: Color) {
        self.label = label; self.points = points; self.color = color
    }
}

extension DataPolygon: MarkContent {
    var layer: MarkLayer { .fills }
    var seriesStyle: SeriesStyle? { nil }

    /// Every vertex's x.
    func xExtent() -> [Double] { points.map(\.x) }

    /// Every vertex's y.
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double] { points.map(\.y) }

    func legendEntry(style: StrokeStyle?) -> Legend.Entry? {
        label.map { Legend.Entry(label: $0, handle: .patch(color)) }
    }

    /// The vertices on the page (y clamped to ±10⁹ pt), closed and filled; the clip cuts it to the axes.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        let transform = panel.transform
        var path = Path(polyline: points.map { transform.page($0.x, $0.y) }.map { Point($0.x, PanelContext.clampedY($0.y)) })
        path.elements.append(.close)
        page.list.append(.fill(path, color))
    }
}
