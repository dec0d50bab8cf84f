/// Arrows at `points` along `vectors`, both in data coordinates: a vector field (quiver plot).
/// With `normalized`, every arrow has the same length on the page (`length` points) and shows
/// direction only. With `weights`, each arrow's line is as wide as the quantity it carries (a
/// flow diagram: mass moved, traffic, probability), `widthPerWeight` points per unit.
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
    /// What each arrow carries, one non-negative weight per arrow, or nil for arrows of one width
    /// (0.6 pt). Arrow i's line is then `weights[i] × widthPerWeight` points wide and its head
    /// grows with it; an arrow of weight 0 is not drawn.
    public var weights: [Double]?
    /// Points of line width per unit of weight (with `weights`).
    public var widthPerWeight: Double

    /// One arrow per point; `points` and `vectors` must have the same count.
    public init(label: String?, points: [Point], vectors: [Point], color: Color = Color(hex: 0x777777),
                normalized: Bool = true, length: Double = 9) {
        precondition(points.count == vectors.count, "one vector per point")
        self.label = label; self.points = points; self.vectors = vectors; self.color = color
        self.normalized = normalized; self.length = length
        self.weights = nil; self.widthPerWeight = 1
    }

    /// Arrows from `points` along `vectors` (not normalized: each ends at point + vector), arrow i
    /// `weights[i] × widthPerWeight` points wide: a flow whose ink shows how much each arrow
    /// carries. `points`, `vectors` and `weights` must have the same count; weights not negative.
    public init(label: String?, points: [Point], vectors: [Point], weights: [Double], widthPerWeight: Double,
                color: Color = Color(hex: 0x777777)) {
        precondition(points.count == vectors.count && points.count == weights.count, "one vector and one weight per point")
        precondition(weights.allSatisfy { $0 >= 0 } && widthPerWeight > 0, "weights not negative, a positive width per weight")
        self.init(label: label, points: points, vectors: vectors, color: color, normalized: false)
        self.weights = weights; self.widthPerWeight = widthPerWeight
    }

    /// Arrow i's line width in points: its weight × `widthPerWeight`, or 0.6 without weights.
    public func lineWidth(_ i: Int) -> Double {
        guard let weights else { return 0.6 }
        return weights[i] * widthPerWeight
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
    /// vectors are skipped; the head is 0.35 em long (0.7 em for weighted arrows, or 2.5 line
    /// widths for a wider line).
    /// Weighted arrows (which carry something the legend must not hide) also leave their line,
    /// start to tip and clipped, in the panel's polylines; a field's arrows do not.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        let transform = panel.transform
        for (i, (base, vector)) in zip(points, vectors).enumerated() {
            let a = transform.page(base.x, base.y)
            let tipData = transform.page(base.x + vector.x, base.y + vector.y)
            var (dx, dy) = (tipData.x - a.x, tipData.y - a.y)
            let norm = (dx * dx + dy * dy).squareRoot()
            let width = lineWidth(i)
            guard a.x.isFinite, a.y.isFinite, norm.isFinite, norm > 0, width > 0, panel.axes.contains(a) else { continue }
            if normalized { dx *= length / norm; dy *= length / norm }
            let tip = Point(a.x + dx, a.y + dy)
            let head = weights == nil ? 0.35 * panel.theme.fontSize : max(0.7 * panel.theme.fontSize, 2.5 * width)
            Arrow.draw(from: a, to: tip, head: head, width: width,
                       color: color, into: &page.list)
            if weights != nil, let (p, q) = LineClipping.clip(a, tip, to: panel.clipBox) { page.curves.append([p, q]) }
        }
    }
}
