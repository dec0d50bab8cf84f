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

public struct FunctionCurve: Sendable {
    public var label: String?
    public var function: @Sendable (Double) -> Double
    /// Where to evaluate; nil means the whole x view.
    public var domain: ClosedRange<Double>?
    public var style: SeriesStyle

    public init(label: String?, domain: ClosedRange<Double>? = nil, style: SeriesStyle = SeriesStyle(),
                _ function: @escaping @Sendable (Double) -> Double) {
        self.label = label; self.domain = domain; self.style = style; self.function = function
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
