/// A shaded band between two x values, the full height of the axes.
public struct VerticalSpan: Sendable {
    /// The band's left edge, in data x.
    public var from: Double
    /// The band's right edge, in data x.
    public var to: Double
    /// The fill, translucent by default so that what lies under it shows.
    public var color: Color
    /// Shown in the legend as a patch when set.
    public var label: String?

    /// A band over from…to, light grey at 35% by default.
    public init(from: Double, to: Double, color: Color = Color(hex: 0xBBBBBB, alpha: 0.35), label: String? = nil) {
        self.from = from; self.to = to; self.color = color; self.label = label
    }
}

extension VerticalSpan: MarkContent {
    var layer: MarkLayer { .background }
    var seriesStyle: SeriesStyle? { nil }

    /// None: a span shades whatever part of the view it covers and never widens the view.
    func xExtent() -> [Double] { [] }

    /// None: a span is as tall as the axes.
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double] { [] }

    func legendEntry(style: StrokeStyle?) -> Legend.Entry? {
        label.map { Legend.Entry(label: $0, handle: .patch(color)) }
    }

    /// A rectangle from page x(from) to x(to), cut to the axes, full height; nothing if empty.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        let rect = panel.axes, transform = panel.transform
        let x0 = max(transform.pageX(from), rect.minX), x1 = min(transform.pageX(to), rect.maxX)
        if x1 > x0 {
            page.list.append(.fill(.rectangle(Rect(x: x0, y: rect.minY, width: x1 - x0, height: rect.height)), color))
        }
    }
}
