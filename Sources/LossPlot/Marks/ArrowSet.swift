/// Arrows at `points` along `vectors`, both in data coordinates: a vector field (quiver plot).
/// With `normalized`, every arrow has the same length on the page (`length` points) and shows
/// direction only.
public struct ArrowSet: Sendable {
    /// A name for the set; arrows are not listed in the legend, so it is not drawn.
    public var label: String?
    /// Where each arrow starts, in data coordinates.
    public var points: [Point]
    /// Each arrow's direction (and, unless `normalized`, its length), in data coordinates.
    public var vectors: [Point]
    /// The arrows' colour, mid grey by default.
    public var color: Color
    /// Every arrow `length` points long on the page, showing direction only.
    public var normalized: Bool
    /// The length of a normalized arrow, in points.
    public var length: Double

    /// One arrow per point; `points` and `vectors` must have the same count.
    public init(label: String?, points: [Point], vectors: [Point], color: Color = Color(hex: 0x777777),
                normalized: Bool = true, length: Double = 9) {
        precondition(points.count == vectors.count, "one vector per point")
        self.label = label; self.points = points; self.vectors = vectors; self.color = color
        self.normalized = normalized; self.length = length
    }
}

extension ArrowSet: MarkContent {
    var layer: MarkLayer { .fills }
    var seriesStyle: SeriesStyle? { nil }

    /// The arrows' starting x (their tips do not widen the view).
    func xExtent() -> [Double] { points.map(\.x) }

    /// The arrows' starting y.
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double] { points.map(\.y) }

    /// None: a field of arrows is not listed in the legend, labelled or not.
    func legendEntry(style: StrokeStyle?) -> Legend.Entry? { nil }

    /// An arrow from each start inside the axes to start + vector on the page, or, normalized,
    /// `length` points along that direction: (dx, dy) · length/‖(dx, dy)‖. Zero and non-finite
    /// vectors are skipped; the head is 0.35 em.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        let transform = panel.transform
        for (base, vector) in zip(points, vectors) {
            let a = transform.page(base.x, base.y)
            let tipData = transform.page(base.x + vector.x, base.y + vector.y)
            var (dx, dy) = (tipData.x - a.x, tipData.y - a.y)
            let norm = (dx * dx + dy * dy).squareRoot()
            guard a.x.isFinite, a.y.isFinite, norm.isFinite, norm > 0, panel.axes.contains(a) else { continue }
            if normalized { dx *= length / norm; dy *= length / norm }
            Arrow.draw(from: a, to: Point(a.x + dx, a.y + dy), head: 0.35 * panel.theme.fontSize, width: 0.6,
                       color: color, into: &page.list)
        }
    }
}
