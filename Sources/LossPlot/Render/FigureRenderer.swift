import Glibc
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
        /// How many curve vertices, curve segments and annotation boxes the legend covers.
        public var legendCovers: Int
        /// Where the panel's legend went: a `.best` legend's location as `.fixed`, `.outside` as
        /// given or where the legend was moved out; nil without one.
        public var legendPlacement: LegendPlacement?
        /// The x axis's ticks.
        public var xTicks: AxisTicks
        /// The y axis's ticks.
        public var yTicks: AxisTicks
    }

    /// The figure's display list; errors as for ``renderWithGeometry(_:)``.
    public func render(_ figure: Figure) throws -> DisplayList { try renderWithGeometry(figure).list }

    /// The figure's display list and what went where in each panel. Throws ``FigureError`` for a
    /// page too small for its panels, an empty or non-finite axis range, or a range outside its
    /// scale or beyond what its ticks can be computed for; ``LayoutError`` when the figure does
    /// not fit its page: a text that cannot be set in its room even on several lines at 80%
    /// size, axes smaller than half an inch, or text that would reach outside the page or over
    /// other text.
    ///
    /// The theme is the figure's, compacted for its width (``Theme/compact(forPageWidth:)``). A
    /// panel whose `.best` legend covers data wherever it goes inside the axes is laid out
    /// again with the legend outside them.
    public func renderWithGeometry(_ figure: Figure) throws -> (list: DisplayList, panels: [PanelGeometry]) {
        try FigureTexts.validate(figure)  // FigureError.markup for markup MathText cannot set
        do {
            return try fitted(figure)
        } catch var error as LayoutError {
            if let (width, height) = smallestFittingSize(of: figure) {
                error.description += "; it fits at \(LayoutError.inches(width * 72)) × \(LayoutError.inches(height * 72)) in"
            }
            throw error
        }
    }

    /// The figure drawn and checked, in another number of columns if it does not fit in its own
    /// and may reflow (``Figure/reflows``).
    private func fitted(_ figure: Figure) throws -> (list: DisplayList, panels: [PanelGeometry]) {
        do {
            return try fittedInColumns(figure)
        } catch let error as LayoutError {
            guard figure.reflows, figure.panels.count > 1 else { throw error }
            let n = figure.panels.count
            func skew(_ columns: Int) -> Double {
                let rows = (n + columns - 1) / columns
                return abs(log((figure.width / Double(columns)) / (figure.height / Double(rows)) / (4.0 / 3)))
            }
            for columns in (1...n).filter({ $0 != figure.columns }).sorted(by: { skew($0) < skew($1) }) {
                var reflowed = figure
                reflowed.columns = columns
                if let result = try? fittedInColumns(reflowed) { return result }
            }
            throw error
        }
    }

    /// The figure drawn, its legends moved outside where they would cover data, and checked.
    private func fittedInColumns(_ figure: Figure) throws -> (list: DisplayList, panels: [PanelGeometry]) {
        var figure = figure
        figure.theme = figure.theme.compact(forPageWidth: figure.width)
        var result = try draw(figure)
        // Legends inside the axes that cover data ('best' found no free place) or do not fit
        // inside the axes at all go outside; again, since moving one changes the other panels'
        // axes (at most once per panel).
        for _ in figure.panels.indices {
            let crowded = figure.panels.indices.filter { i in
                guard let box = result.panels[i].legend else { return false }
                let axes = result.panels[i].axes.insetBy(-0.5)
                let overflows = !axes.contains(Point(box.minX, box.minY)) || !axes.contains(Point(box.maxX, box.maxY))
                switch figure.panels[i].legend {
                case .best: return result.panels[i].legendCovers > 0 || overflows
                case .fixed: return overflows
                case .outside, .none: return false
                }
            }
            guard !crowded.isEmpty else { break }
            for i in crowded { figure.panels[i].legend = .outside }
            result = try draw(figure)
        }
        try LayoutCheck(list: result.list, legends: result.panels.compactMap(\.legend)).verify()
        return result
    }

    /// The smallest size near the figure's at which it fits, in inches, or nil: first the same
    /// width with the height raised by tenths of an inch up to twice it (a journal's column width
    /// is fixed), then both sides scaled by 1.1, 1.2, … 3 (at most 40 in a side).
    public func smallestFittingSize(of figure: Figure) -> (width: Double, height: Double)? {
        func fits(_ width: Double, _ height: Double) -> Bool {
            var larger = figure
            (larger.width, larger.height) = (min(40, width), min(40, height))
            return (try? fitted(larger)) != nil
        }
        let height = (figure.height * 10).rounded(.up) / 10
        for step in 1...max(1, Int(figure.height * 10)) where fits(figure.width, height + 0.1 * Double(step)) {
            return (figure.width, min(40, height + 0.1 * Double(step)))
        }
        for step in 1...20 {
            let scale = 1 + 0.1 * Double(step)
            let (w, h) = ((figure.width * scale * 10).rounded(.up) / 10, (figure.height * scale * 10).rounded(.up) / 10)
            if fits(w, h) { return (min(40, w), min(40, h)) }
        }
        return nil
    }

    /// One layout and drawing of the figure, as it is specified.
    private func draw(_ figure: Figure) throws -> (list: DisplayList, panels: [PanelGeometry]) {
        let theme = figure.theme
        let page = try FigureLayout.page(of: figure)
        let painter = TextPainter(measurer: measurer)
        var list = DisplayList(width: page.width, height: page.height)
        // Views: explicit ranges, else the data plus a 5% margin.
        var plans = try figure.panels.map { try PanelPlan(panel: $0, theme: theme) }
        let layout = try FigureLayout(figure: figure, plans: &plans, painter: painter)
        var geometries: [PanelGeometry] = []
        for (i, plan) in plans.enumerated() {
            geometries.append(plan.draw(in: layout.axes[i], shows: layout.shows[i], theme: theme, painter: painter,
                                        sharedLegend: layout.sharedLegend != nil, into: &list))
        }
        if let shared = layout.sharedLegend, let box = layout.sharedLegendBox(fontSize: theme.fontSize) {
            shared.draw(in: box, painter: painter, theme: theme, into: &list)
        }
        layout.title?.draw(at: Point(page.width / 2, 0.5 * theme.fontSize), anchor: Point(0.5, 1), painter: painter,
                           into: &list)
        return (list, geometries)
    }
}
