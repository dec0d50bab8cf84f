/// A straight line across the axes at one data value: horizontal at y (``Mark/horizontalLine(_:)``)
/// or vertical at x (``Mark/verticalLine(_:)``).
public struct ReferenceLine: Sendable {
    /// The data value the line marks: a y for a horizontal line, an x for a vertical one.
    public var at: Double
    /// The line's colour, mid grey by default.
    public var color: Color
    /// The line's dash pattern, dashed by default.
    public var dash: Dash
    /// The line's width in points.
    public var width: Double

    /// A reference line at `at`, grey, dashed and 0.8 pt wide by default.
    public init(at: Double, color: Color = Color(hex: 0x777777), dash: Dash = .dashed, width: Double = 0.8) {
        self.at = at; self.color = color; self.dash = dash; self.width = width
    }
}

/// A ``ReferenceLine`` with its direction: the content of the two reference-line cases of ``Mark``.
struct OrientedReferenceLine: MarkContent {
    /// Which way the line runs across the axes.
    enum Orientation {
        /// At y = `at`, from the left edge of the axes to the right.
        case horizontal
        /// At x = `at`, from the top edge of the axes to the bottom.
        case vertical
    }

    var line: ReferenceLine
    var orientation: Orientation

    var layer: MarkLayer { .background }
    var seriesStyle: SeriesStyle? { nil }

    /// The line's x if it is vertical; a horizontal line spans whatever x view there is.
    func xExtent() -> [Double] {
        switch orientation {
        case .horizontal: []
        case .vertical: [line.at]
        }
    }

    /// The line's y if it is horizontal.
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double] {
        switch orientation {
        case .horizontal: [line.at]
        case .vertical: []
        }
    }

    /// None: a reference line has no label.
    func legendEntry(style: StrokeStyle?) -> Legend.Entry? { nil }

    /// A stroke from edge to edge of the axes at the line's page coordinate, if that is finite.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        let rect = panel.axes, transform = panel.transform
        let stroke = StrokeStyle(color: line.color, width: line.width, dash: line.dash.pattern(width: line.width))
        switch orientation {
        case .horizontal:
            let y = transform.pageY(line.at)
            if y.isFinite { page.list.append(.stroke(Path(polyline: [Point(rect.minX, y), Point(rect.maxX, y)]), stroke)) }
        case .vertical:
            let x = transform.pageX(line.at)
            if x.isFinite { page.list.append(.stroke(Path(polyline: [Point(x, rect.minY), Point(x, rect.maxY)]), stroke)) }
        }
    }
}
