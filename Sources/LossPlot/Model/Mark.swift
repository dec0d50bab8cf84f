/// Something drawn inside a panel, in data coordinates.
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

/// Arrows at `points` along `vectors`, both in data coordinates. With `normalized`, every arrow
/// has the same length on the page (`length` points) and shows direction only.
public struct ArrowSet: Sendable {
    public var label: String?
    public var points: [Point]
    public var vectors: [Point]
    public var color: Color
    public var normalized: Bool
    public var length: Double

    public init(label: String?, points: [Point], vectors: [Point], color: Color = Color(hex: 0x777777),
                normalized: Bool = true, length: Double = 9) {
        precondition(points.count == vectors.count, "one vector per point")
        self.label = label; self.points = points; self.vectors = vectors; self.color = color
        self.normalized = normalized; self.length = length
    }
}

/// Bars: `edges` has one more element than `heights`; bar i spans edges[i]…edges[i+1].
public struct Histogram: Sendable {
    public var label: String?
    public var edges: [Double]
    public var heights: [Double]
    public var color: Color?

    public init(label: String?, edges: [Double], heights: [Double], color: Color? = nil) {
        precondition(edges.count == heights.count + 1, "a histogram has one more edge than bars")
        self.label = label; self.edges = edges; self.heights = heights; self.color = color
    }

    /// Bins `samples` into `bins` equal bins over `range`; with `density`, heights integrate to 1.
    public init(label: String?, samples: [Double], range: ClosedRange<Double>, bins: Int, density: Bool = true,
                color: Color? = nil) {
        let width = (range.upperBound - range.lowerBound) / Double(bins)
        var counts = [Double](repeating: 0, count: bins)
        for s in samples where range.contains(s) { counts[min(bins - 1, Int((s - range.lowerBound) / width))] += 1 }
        let scale = density ? 1 / (Double(max(samples.count, 1)) * width) : 1
        self.init(label: label, edges: (0...bins).map { range.lowerBound + Double($0) * width },
                  heights: counts.map { $0 * scale }, color: color)
    }
}

/// Round markers of a given diameter in points.
public struct Scatter: Sendable {
    public var label: String?
    public var x: [Double]
    public var y: [Double]
    public var color: Color?
    public var size: Double
    /// Hollow markers (a ring) instead of filled discs, so that two sets stay apart in grey print.
    public var hollow: Bool

    public init(label: String?, x: [Double], y: [Double], color: Color? = nil, size: Double = 4, hollow: Bool = false) {
        self.label = label; self.x = x; self.y = y; self.color = color; self.size = size; self.hollow = hollow
    }
}

/// Separate segments from (x0, y0) to (x1, y1).
public struct SegmentSet: Sendable {
    public var label: String?
    public var segments: [(from: Point, to: Point)]
    public var color: Color
    public var width: Double

    public init(label: String?, segments: [(from: Point, to: Point)], color: Color = Color(hex: 0x999999), width: Double = 0.6) {
        self.label = label; self.segments = segments; self.color = color; self.width = width
    }
}

/// The region between y = f(x) and y = baseline over a domain, filled, with the curve on top.
public struct FilledArea: Sendable {
    public var label: String?
    public var function: @Sendable (Double) -> Double
    public var domain: ClosedRange<Double>?
    public var baseline: Double
    public var color: Color?
    public var opacity: Double

    public init(label: String?, domain: ClosedRange<Double>? = nil, baseline: Double = 0, color: Color? = nil,
                opacity: Double = 0.3, _ function: @escaping @Sendable (Double) -> Double) {
        self.label = label; self.domain = domain; self.baseline = baseline; self.color = color; self.opacity = opacity
        self.function = function
    }
}

/// A filled polygon with an optional outline.
public struct DataPolygon: Sendable {
    public var label: String?
    public var points: [Point]
    public var color: Color

    public init(label: String?, points: [Point], color: Color) {
        self.label = label; self.points = points; self.color = color
    }
}

/// The look of a series; nil fields come from the theme's cycle.
public struct SeriesStyle: Sendable, Hashable {
    public var color: Color?
    public var dash: Dash?
    public var width: Double?

    public init(color: Color? = nil, dash: Dash? = nil, width: Double? = nil) {
        self.color = color; self.dash = dash; self.width = width
    }
}

/// Line styles, with dash lengths in multiples of the line width (matplotlib's scaled dashes).
public enum Dash: String, Sendable, Hashable, CaseIterable {
    case solid, dashed, dotted, dashDot, longDash, denseDot, dashDotDot

    public func pattern(width: Double) -> [Double] {
        let unit: [Double]
        switch self {
        case .solid: return []
        case .dashed: unit = [3.7, 1.6]
        case .dotted: unit = [1, 1.65]
        case .dashDot: unit = [6.4, 1.6, 1, 1.6]
        case .longDash: unit = [8, 2.5]
        case .denseDot: unit = [0.7, 1.3]
        case .dashDotDot: unit = [5, 1.5, 1, 1.5, 1, 1.5]
        }
        return unit.map { $0 * max(width, 1) }
    }
}

/// y = f(x), sampled by the renderer where the curve bends (adaptively, in batches).
///
/// One initialiser takes a function of one x (`FunctionCurve(label: "x²") { $0 * $0 }`); a
/// function that evaluates whole batches at once is given through ``batch(label:domain:style:_:)``,
/// a name of its own, so that a trailing closure never has two initialisers to choose from.
public struct FunctionCurve: Sendable {
    public var label: String?
    /// y for a batch of x, in order: the renderer samples the curve in a few large batches.
    public var values: @Sendable ([Double]) -> [Double]
    /// Where to evaluate; nil means the whole x view.
    public var domain: ClosedRange<Double>?
    public var style: SeriesStyle

    /// A curve from a function of one x.
    public init(label: String?, domain: ClosedRange<Double>? = nil, style: SeriesStyle = SeriesStyle(),
                _ function: @escaping @Sendable (Double) -> Double) {
        self.label = label; self.domain = domain; self.style = style; self.values = { $0.map(function) }
    }

    /// A curve from a function evaluated for whole batches of x (one y per x, in order), such as
    /// LossMath's batch evaluation.
    public static func batch(label: String?, domain: ClosedRange<Double>? = nil, style: SeriesStyle = SeriesStyle(),
                             _ values: @escaping @Sendable ([Double]) -> [Double]) -> FunctionCurve {
        var curve = FunctionCurve(label: label, domain: domain, style: style) { _ in 0 }
        curve.values = values
        return curve
    }
}

public struct DataLine: Sendable {
    public var label: String?
    public var x: [Double]
    public var y: [Double]
    public var style: SeriesStyle

    public init(label: String?, x: [Double], y: [Double], style: SeriesStyle = SeriesStyle()) {
        self.label = label; self.x = x; self.y = y; self.style = style
    }
}

public struct VerticalSpan: Sendable {
    public var from: Double
    public var to: Double
    public var color: Color
    /// Shown in the legend as a patch when set.
    public var label: String?

    public init(from: Double, to: Double, color: Color = Color(hex: 0xBBBBBB, alpha: 0.35), label: String? = nil) {
        self.from = from; self.to = to; self.color = color; self.label = label
    }
}

public struct ReferenceLine: Sendable {
    public var at: Double
    public var color: Color
    public var dash: Dash
    public var width: Double

    public init(at: Double, color: Color = Color(hex: 0x777777), dash: Dash = .dashed, width: Double = 0.8) {
        self.at = at; self.color = color; self.dash = dash; self.width = width
    }
}

/// Text placed at a point given in axes fractions (0…1 from the lower left), with an optional
/// arrow to a point in data coordinates. A newline in the text starts a new line.
public struct Annotation: Sendable {
    public var text: String
    /// Position of the text's anchor in axes fractions.
    public var position: Point
    /// Which part of the text box sits at `position`: (0, 0) lower left … (1, 1) upper right.
    public var anchor: Point
    public var arrowTo: Point?
    public var color: Color

    public init(_ text: String, at position: Point, anchor: Point = Point(0.5, 0.5), arrowTo: Point? = nil,
                color: Color = .black) {
        self.text = text; self.position = position; self.anchor = anchor; self.arrowTo = arrowTo; self.color = color
    }
}
