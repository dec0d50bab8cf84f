/// A figure: one or more panels on a grid, a title, a size and a theme. Declarative: it says what
/// to show; ``FigureRenderer`` decides where everything goes.
public struct Figure: Sendable {
    /// Width and height in inches.
    public var width: Double
    public var height: Double
    public var title: String?
    public var panels: [Panel]
    /// The grid: panels fill it row by row.
    public var columns: Int
    /// Panels in one column share their x axis: only the bottom one shows its tick labels and label.
    public var sharesX: Bool
    /// One legend for the whole figure, in rows below the panels, with each label once; the
    /// panels' own legends are then not drawn.
    public var sharedLegend: Bool
    public var theme: Theme

    public init(width: Double = 6.4, height: Double = 4.8, title: String? = nil, panels: [Panel],
                columns: Int = 1, sharesX: Bool = false, sharedLegend: Bool = false, theme: Theme = .paper) {
        self.width = width; self.height = height; self.title = title; self.panels = panels
        self.columns = max(1, columns); self.sharesX = sharesX; self.sharedLegend = sharedLegend; self.theme = theme
    }

    public var rows: Int { (panels.count + columns - 1) / columns }
}

/// One set of axes and what is drawn in it.
public struct Panel: Sendable {
    public var title: String?
    public var x: Axis
    public var y: Axis
    public var marks: [Mark]
    public var legend: LegendPlacement

    public init(title: String? = nil, x: Axis = Axis(), y: Axis = Axis(), marks: [Mark] = [],
                legend: LegendPlacement = .best) {
        self.title = title; self.x = x; self.y = y; self.marks = marks; self.legend = legend
    }
}

/// An axis: label, scale and range. With no range the data range plus a 5% margin is shown.
public struct Axis: Sendable {
    /// The largest magnitude an automatic view reaches: data beyond ±5e307 is drawn at the edge,
    /// so that the view, its margin and the ticks beyond it stay below the largest Double.
    public static let largestAutomaticMagnitude = 5e307

    public var label: String?
    public var scale: Scale
    public var range: ClosedRange<Double>?

    public init(label: String? = nil, scale: Scale = .linear, range: ClosedRange<Double>? = nil) {
        self.label = label; self.scale = scale; self.range = range
    }
}

/// Where the legend goes: matplotlib's 'best' search, a fixed position, or no legend.
public enum LegendPlacement: Sendable, Hashable {
    case best
    case fixed(LegendLocation)
    case none
}

/// matplotlib's legend locations, in the order 'best' tries them.
public enum LegendLocation: String, Sendable, Hashable, CaseIterable {
    case upperRight, upperLeft, lowerLeft, lowerRight, right, centerLeft, centerRight, lowerCenter, upperCenter, center
}
