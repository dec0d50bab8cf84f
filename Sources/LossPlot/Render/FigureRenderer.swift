// Where each step lives: PanelPlan.swift and AxisView.swift (styles, views), FigureLayout.swift
// and PanelMargins.swift (page layout, ticks, margins), PanelDrawing.swift, PanelAxes.swift and
// PanelLegend.swift (a panel on the page), and Marks/ (what each kind of mark contributes: its
// extent, legend entry and drawing, one file per mark type, through MarkContent).

/// Turns a ``Figure`` into a ``DisplayList``: decides view limits, ticks and margins (measuring
/// every label through the backend first), samples the curves, places the legend, and emits the
/// drawing operations. It knows nothing of what the curves mean.
///
/// The steps: each panel's series styles (the theme's cycle, in mark order) and axis views (the
/// given range, else the data plus 5%); the layout of the page (title, shared legend, axes
/// rectangles sized from the measured tick labels, in two passes); then each panel's marks, frame,
/// ticks, labels and legend; last the shared legend and the title.
public struct FigureRenderer {
    /// Measures text for the layout: the backend that will draw the display list.
    public let measurer: any TextMeasuring

    /// A renderer that measures text with `measurer`.
    public init(measurer: any TextMeasuring) { self.measurer = measurer }

    /// What was drawn in one panel, for tests: the axes rectangle, the view, the curves on the page
    /// (after clipping) and the legend box.
    public struct PanelGeometry: Sendable {
        /// The axes rectangle on the page, in points.
        public var axes: Rect
        /// The map from the panel's data to the page.
        public var transform: AxesTransform
        /// Every polyline drawn, on the page after clipping: curves and lines, bar tops, segments,
        /// and one-point polylines for markers.
        public var curves: [[Point]]
        /// The panel's legend box, nil without one (or when the figure's legend is shared).
        public var legend: Rect?
        /// The x axis's ticks.
        public var xTicks: AxisTicks
        /// The y axis's ticks.
        public var yTicks: AxisTicks
    }

    /// The figure's display list; errors as for ``renderWithGeometry(_:)``.
    public func render(_ figure: Figure) throws -> DisplayList { try renderWithGeometry(figure).list }

    /// The figure's display list and what went where in each panel. Throws ``FigureError`` for a
    /// page too small for its panels, an empty or non-finite axis range, or a range outside its
    /// scale or beyond what its ticks can be computed for.
    public func renderWithGeometry(_ figure: Figure) throws -> (list: DisplayList, panels: [PanelGeometry]) {
        let theme = figure.theme
        let page = try FigureLayout.page(of: figure)
        let painter = TextPainter(measurer: measurer)
        var list = DisplayList(width: page.width, height: page.height)
        // Views: explicit ranges, else the data plus a 5% margin.
        var plans = try figure.panels.map { try PanelPlan(panel: $0, theme: theme) }
        let layout = try FigureLayout(figure: figure, plans: &plans, painter: painter)
        var geometries: [PanelGeometry] = []
        for (i, plan) in plans.enumerated() {
            geometries.append(plan.draw(in: layout.axes[i], showsX: layout.showsX[i], theme: theme, painter: painter,
                                        sharedLegend: layout.sharedLegend != nil, into: &list))
        }
        if let shared = layout.sharedLegend, let box = layout.sharedLegendBox(fontSize: theme.fontSize) {
            shared.draw(in: box, painter: painter, theme: theme, into: &list)
        }
        if let title = figure.title {
            painter.draw(title, font: layout.titleFont, at: Point(page.width / 2, 0.5 * theme.fontSize), anchor: Point(0.5, 1),
                         into: &list)
        }
        return (list, geometries)
    }
}
