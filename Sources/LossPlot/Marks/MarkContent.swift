/// What the renderer needs of one kind of mark: where its data lies (for the automatic view), its
/// colour in the theme's cycle, its legend entry and its drawing.
///
/// Every mark type conforms, in its own file under `Marks/`, and ``Mark/content`` maps each case
/// of ``Mark`` to its value in one exhaustive switch. Adding a mark is a new file with a type that
/// conforms, a case of ``Mark`` and one line of that switch; the compiler names every requirement
/// (none has a default). The renderer never switches over marks: it asks every mark the same
/// questions.
///
/// Internal on purpose: drawing works on the renderer's own state (the panel's display list as
/// it is built, the legend's handles, the text painter), which is not API, and ``Mark`` is a
/// closed enum that callers switch over. A library user builds figures from the public mark types.
protocol MarkContent {
    /// When the mark is drawn relative to the other marks and to the frame.
    var layer: MarkLayer { get }

    /// The mark's look as a series, or nil if it takes nothing from the theme's cycle. Series take
    /// the cycle's colours and dashes in mark order, each advancing it by one.
    var seriesStyle: SeriesStyle? { get }

    /// Data x values the automatic x view must include (the caller drops those outside the scale).
    func xExtent() -> [Double]

    /// Data y values the automatic y view must include, given the x view already chosen and the
    /// x axis's scale (the caller drops those outside the y scale).
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double]

    /// The mark's row in the legend, or nil if it has none; `style` is the series style the panel
    /// resolved from ``seriesStyle`` and the theme (nil for marks that are not series).
    func legendEntry(style: StrokeStyle?) -> Legend.Entry?

    /// Appends the mark's drawing to `page`, through the panel's transform; `style` as for
    /// ``legendEntry(style:)``.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage)
}

/// The order in which a panel draws its marks: layer by layer, in the order of the cases, and
/// within a layer in the panel's mark order.
enum MarkLayer: CaseIterable {
    /// Under everything: shaded spans and reference lines.
    case background
    /// Filled and thin marks under the lines: areas, bars, polygons, arrows, segment sets.
    case fills
    /// Curves, data lines and markers.
    case lines
    /// On top of the frame and the tick labels, not clipped to the axes: annotations.
    case overlay

    /// Whether the layer is drawn inside the axes' clip, before the frame (else after it).
    var isClipped: Bool {
        switch self {
        case .background, .fills, .lines: true
        case .overlay: false
        }
    }
}

/// A panel as its marks see it while they draw: the transform from data to page (which holds the
/// axes rectangle, the scales and the views), the box lines are clipped to, the theme and the text.
struct PanelContext {
    let transform: AxesTransform
    /// The axes grown by two line widths: lines clipped to it end under the frame, not at it.
    let clipBox: Rect
    let theme: Theme
    let painter: TextPainter
    /// Long polylines are drawn simplified (matplotlib's path simplification).
    let simplifier = PolylineSimplifier()

    /// The axes rectangle on the page.
    var axes: Rect { transform.rect }

    /// A page y kept within ±10⁹ pt, so that a point far off the axes stays finite to draw and to
    /// clip (NaN stays NaN).
    static func clampedY(_ y: Double) -> Double { min(max(y, -1e9), 1e9) }
}

/// What the marks of one panel leave behind: the drawing operations, the page polylines of what
/// they drew (the legend's placement avoids them; tests read them), and boxes the legend must
/// not cover.
struct PanelPage {
    var list: DisplayList
    var curves: [[Point]] = []
    var obstacles: [Rect] = []

    /// Strokes a page polyline as one path: clipped to the panel's clip box (NaN points break
    /// it), each run a subpath, drawn simplified; every clipped point is kept in `curves`.
    mutating func strokeLine(_ points: [Point], style: StrokeStyle, in panel: PanelContext) {
        let runs = LineClipping.clip(polyline: points, to: panel.clipBox)
        if let path = panel.simplifier.path(runs) { list.append(.stroke(path, style)) }
        curves += runs
    }
}

/// The part of the x view a mark defined over a domain covers.
enum VisibleDomain {
    /// [max(domain.lo, view.lo), min(domain.hi, view.hi)], the whole view when `domain` is nil;
    /// empty when lo ≥ hi.
    static func data(_ domain: ClosedRange<Double>?, in view: ClosedRange<Double>) -> (lo: Double, hi: Double) {
        (max(domain?.lowerBound ?? view.lowerBound, view.lowerBound),
         min(domain?.upperBound ?? view.upperBound, view.upperBound))
    }

    /// ``data(_:in:)`` in the scale's coordinate, t = scale.forward(x); nil unless both ends are
    /// finite and t0 < t1.
    static func scaled(_ domain: ClosedRange<Double>?, in view: ClosedRange<Double>, scale: Scale) -> (t0: Double, t1: Double)? {
        let (lo, hi) = data(domain, in: view)
        let (t0, t1) = (scale.forward(lo), scale.forward(hi))
        guard t0.isFinite, t1.isFinite, t0 < t1 else { return nil }
        return (t0, t1)
    }
}

/// What several marks share in answering ``MarkContent``.
enum MarkExtent {
    /// The y of the points (x, y) whose x is in the x view: what a set of data points adds to the
    /// automatic y view.
    static func ys(x: [Double], y: [Double], within xView: ClosedRange<Double>) -> [Double] {
        var ys: [Double] = []
        for (x, y) in zip(x, y) where xView.contains(x) { ys.append(y) }
        return ys
    }

    /// The legend row of a labelled line series (a line handle in its style), or nil.
    static func lineEntry(label: String?, style: StrokeStyle?) -> Legend.Entry? {
        guard let label, let style else { return nil }
        return Legend.Entry(label: label, handle: .line(style))
    }
}
