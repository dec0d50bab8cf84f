/// A figure: one or more panels on a grid, a title, a size and a theme. Declarative: it says what
/// to show; ``FigureRenderer`` decides where everything goes.
public struct Figure: Sendable {
    /// Width and height in inches.
    public var width: Double
    /// The page height in inches.
    public var height: Double
    /// The title above the panels, in math markup; nil for none. A newline starts a new line;
    /// a line too wide for the page is broken at spaces.
    public var title: String?
    /// The panels, in the order they fill the grid.
    public var panels: [Panel]
    /// The grid: panels fill it row by row.
    public var columns: Int
    /// Panels in one column share their x axis: only the bottom one shows its tick labels and label.
    public var sharesX: Bool
    /// Panels in one row share their y axis: only the first one shows its tick labels and label
    /// (matplotlib's `sharey`); give them the same y range. False unless set.
    public var sharesY = false
    /// One legend for the whole figure, in rows below the panels, with each label once; the
    /// panels' own legends are then not drawn.
    public var sharedLegend: Bool
    /// The sizes and colours: `.paper` unless given.
    public var theme: Theme
    /// Whether the renderer may lay the panels out in another number of columns when they do
    /// not fit the page in `columns` (a 7 × 3 in strip, a 3.3 in column): it tries the other
    /// counts, those whose cells come closest to 4:3 first. False unless set.
    public var reflows = false
    /// The height over the width of every axes rectangle, when set: 1 gives square axes, so that
    /// equal data ranges on both axes draw a circle as a circle (matplotlib's
    /// `set_aspect('equal', adjustable='box')`). The layout shrinks the longer side of the axes
    /// and centres each in its grid cell, whose room its title and labels may use. Nil (the default): the axes fill the page.
    public var axesAspect: Double?

    /// A figure of `width` × `height` inches (6.4 × 4.8 by default); fewer than one column counts as one.
    public init(width: Double = 6.4, height: Double = 4.8, title: String? = nil, panels: [Panel],
                columns: Int = 1, sharesX: Bool = false, sharedLegend: Bool = false, theme: Theme = .paper) {
        self.width = width; self.height = height; self.title = title; self.panels = panels
        self.columns = max(1, columns); self.sharesX = sharesX; self.sharedLegend = sharedLegend; self.theme = theme
    }

    /// Puts every legend at `placement`: each panel that has one, or, for a figure with a shared
    /// legend, that one unless `placement` is `.none` (which removes every legend).
    public mutating func placeLegends(_ placement: LegendPlacement) {
        if placement == .none { sharedLegend = false }
        guard !sharedLegend else { return }
        for i in panels.indices where panels[i].legend != .none { panels[i].legend = placement }
    }

    /// The number of grid rows: the panel count over `columns`, rounded up.
    public var rows: Int { (panels.count + columns - 1) / columns }
}

/// One set of axes and what is drawn in it.
public struct Panel: Sendable {
    /// The title above the axes, in math markup; nil for none. A newline starts a new line (two
    /// at most); a line too wide for the panel is set smaller, then broken at spaces.
    public var title: String?
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// What the axes show: curves, lines, spans, annotations and the other marks.
    public var marks: [Mark]
    /// Where the panel's legend goes: `.best` unless given.
    public var legend: LegendPlacement
    /// Light grey lines across the axes at the major ticks, under the marks.
    public var grid: Bool

    /// A panel with its title, axes, marks, legend placement and (off unless given) grid.
    public init(title: String? = nil, x: Axis = Axis(), y: Axis = Axis(), marks: [Mark] = [],
                legend: LegendPlacement = .best, grid: Bool = false) {
        self.title = title; self.x = x; self.y = y; self.marks = marks; self.legend = legend; self.grid = grid
    }
}

/// An axis: label, scale and range. With no range the data range plus a 5% margin is shown.
public struct Axis: Sendable {
    /// The largest magnitude an automatic view reaches: data beyond ±5e307 is drawn at the edge,
    /// so that the view, its margin and the ticks beyond it stay below the largest Double.
    public static let largestAutomaticMagnitude = 5e307

    /// The axis label, in math markup; nil for none.
    public var label: String?
    /// How data values map onto the axis: `.linear` unless given.
    public var scale: Scale
    /// The view limits in data coordinates; nil for the data's extent plus a 5% margin.
    public var range: ClosedRange<Double>?

    /// An axis with a label, a scale (linear by default) and a range (the data's by default).
    public init(label: String? = nil, scale: Scale = .linear, range: ClosedRange<Double>? = nil) {
        self.label = label; self.scale = scale; self.range = range
    }
}

/// Where the legend goes: matplotlib's 'best' search, a fixed position, outside the axes, or no legend.
public enum LegendPlacement: Sendable, Hashable {
    /// matplotlib's 'best' inside the axes: the first location that covers no curve, marker,
    /// annotation or other box; where every location covers something, ``outside``.
    case best
    /// Outside the axes: to their right, or below the x label in as many columns as fit,
    /// whichever leaves the larger axes.
    case outside
    /// Always at the given location.
    case fixed(LegendLocation)
    /// No legend.
    case none
}

/// matplotlib's legend locations, in the order 'best' tries them.
public enum LegendLocation: String, Sendable, Hashable, CaseIterable {
    /// A position inside the axes, named after matplotlib's `loc` values (`upperRight` is 'upper right').
    case upperRight, upperLeft, lowerLeft, lowerRight, right, centerLeft, centerRight, lowerCenter, upperCenter, center
}
