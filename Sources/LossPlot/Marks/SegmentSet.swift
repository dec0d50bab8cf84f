/// Separate segments from (x0, y0) to (x1, y1).
public struct SegmentSet: Sendable {
    /// The legend's label, shown with a line in the segments' style; nil for none.
    public var label: String?
    /// The segments' ends, in data coordinates.
    public var segments: [(from: Point, to: Point)]
    /// The segments' colour, light grey by default.
    public var color: Color
    /// The segments' width in points.
    public var width: Double

    /// A set of segments, grey and 0.6 pt wide by default.
    public init(label: String?, segments: [(from: Point, to: Point)], color: Color = Color(hex: 0x999999), width: Double = 0.6) {
        self.label = label; self.segments = segments; self.color = color; self.width = width
    }
}

extension SegmentSet: MarkContent {
    var layer: MarkLayer { .fills }
    var seriesStyle: SeriesStyle? { nil }

    /// Both ends' x of every segment.
    func xExtent() -> [Double] { segments.flatMap { [$0.from.x, $0.to.x] } }

    /// Both ends' y of every segment.
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double] { segments.flatMap { [$0.from.y, $0.to.y] } }

    func legendEntry(style: StrokeStyle?) -> Legend.Entry? {
        label.map { Legend.Entry(label: $0, handle: .line(StrokeStyle(color: color, width: width))) }
    }

    /// Each segment on the page, clipped (Liang–Barsky) to the clip box, one stroke each.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        let stroke = StrokeStyle(color: color, width: width)
        let transform = panel.transform
        for segment in segments {
            let a = transform.page(segment.from.x, segment.from.y), b = transform.page(segment.to.x, segment.to.y)
            if let (p, q) = LineClipping.clip(a, b, to: panel.clipBox) {
                page.list.append(.stroke(Path(polyline: [p, q]), stroke))
                page.curves.append([p, q])
            }
        }
    }
}
