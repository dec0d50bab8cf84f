/// Something drawn inside a panel, in data coordinates. Each case carries a type of its own, which
/// also says how the mark widens the automatic view, what it puts in the legend and how it is drawn.
public enum Mark: Sendable {
    /// y = f(x) over a domain, sampled adaptively.
    case function(FunctionCurve)
    /// A polyline through data points; NaN breaks it.
    case line(DataLine)
    /// A shaded band between two x values, the full height of the axes.
    case verticalSpan(VerticalSpan)
    /// A horizontal reference line at y.
    case horizontalLine(ReferenceLine)
    /// A vertical reference line at x.
    case verticalLine(ReferenceLine)
    /// Text, optionally with an arrow to a point.
    case annotation(Annotation)
    /// Bars over bins: counts or densities of a sample.
    case histogram(Histogram)
    /// Markers at data points.
    case scatter(Scatter)
    /// A set of separate line segments between data points.
    case segments(SegmentSet)
    /// The area between y = f(x) and a baseline, filled.
    case area(FilledArea)
    /// A closed polygon in data coordinates, filled.
    case polygon(DataPolygon)
    /// Arrows from points along vectors: a vector field (quiver plot).
    case arrows(ArrowSet)
}

extension Mark {
    /// What the renderer asks of the mark (``MarkContent``): the one switch over the cases.
    var content: any MarkContent {
        switch self {
        case .function(let curve): curve
        case .line(let line): line
        case .verticalSpan(let span): span
        case .horizontalLine(let line): OrientedReferenceLine(line: line, orientation: .horizontal)
        case .verticalLine(let line): OrientedReferenceLine(line: line, orientation: .vertical)
        case .annotation(let annotation): annotation
        case .histogram(let histogram): histogram
        case .scatter(let scatter): scatter
        case .segments(let segments): segments
        case .area(let area): area
        case .polygon(let polygon): polygon
        case .arrows(let arrows): arrows
        }
    }
}
