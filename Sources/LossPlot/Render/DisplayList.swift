/// What a figure looks like, as drawing operations in points: the interface between the layout
/// and the backends. Nothing here knows about axes or data.
public struct DisplayList: Sendable {
    /// The page size in points.
    public var width: Double
    /// The page height in points.
    public var height: Double
    /// The drawing operations, in painting order.
    public var items: [DisplayItem] = []

    /// An empty page of `width` × `height` points.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Adds `item` after the others, so that it is painted over them.
    public mutating func append(_ item: DisplayItem) { items.append(item) }

    /// Every text item, for tests and for overlap checks.
    public var texts: [TextItem] {
        items.compactMap { if case .text(let t) = $0 { t } else { nil } }
    }
}

/// One drawing operation.
public enum DisplayItem: Sendable {
    /// Draws the outline of a path in a stroke style.
    case stroke(Path, StrokeStyle)
    /// Fills a path with a colour.
    case fill(Path, Color)
    /// Draws a run of text.
    case text(TextItem)
    /// Restricts what follows to a rectangle until the matching `popClip`.
    case pushClip(Rect)
    /// Ends the clip of the matching `pushClip`.
    case popClip
}

/// A sequence of straight-line subpaths.
public struct Path: Sendable, Hashable {
    /// One step of a path: start a subpath, draw a straight line, or close the subpath.
    public enum Element: Sendable, Hashable {
        /// Starts a subpath at a point.
        case move(Point)
        /// A straight line from the current point to a point.
        case line(Point)
        /// A straight line back to the start of the subpath, closing it.
        case close
    }

    /// The steps of the path, in order.
    public var elements: [Element] = []

    /// An empty path.
    public init() {}

    /// A path that moves to the first point and draws straight lines through the rest.
    public init(polyline: [Point]) {
        for (i, p) in polyline.enumerated() { elements.append(i == 0 ? .move(p) : .line(p)) }
    }

    /// The closed outline of `r`, from its top-left corner clockwise as seen on the page.
    public static func rectangle(_ r: Rect) -> Path {
        var p = Path(polyline: [Point(r.minX, r.minY), Point(r.maxX, r.minY), Point(r.maxX, r.maxY), Point(r.minX, r.maxY)])
        p.elements.append(.close)
        return p
    }

    /// The points of the path, in order.
    public var points: [Point] {
        elements.compactMap { switch $0 { case .move(let p), .line(let p): p; case .close: nil } }
    }
}

/// How a line is drawn.
public struct StrokeStyle: Sendable, Hashable {
    /// The colour of the line.
    public var color: Color
    /// The line width in points.
    public var width: Double
    /// Dash pattern in points, empty for solid.
    public var dash: [Double]
    /// Round line ends instead of butt ends.
    public var roundCaps: Bool

    /// A style from its colour, width in points, dash pattern (solid by default) and caps (butt by default).
    public init(color: Color, width: Double, dash: [Double] = [], roundCaps: Bool = false) {
        self.color = color; self.width = width; self.dash = dash; self.roundCaps = roundCaps
    }
}

/// A font: DejaVu Sans at a size, upright or oblique, regular or bold.
public struct Font: Sendable, Hashable {
    /// The size in points.
    public var size: Double
    /// Whether the face is oblique.
    public var italic: Bool
    /// Whether the face is bold.
    public var bold: Bool
    /// The font family: DejaVu Sans unless given.
    public var family: String

    /// The default family: DejaVu Sans, matplotlib's default.
    public static let sansFamily = "DejaVu Sans"

    /// A font of `size` points, upright, regular and DejaVu Sans unless given.
    public init(size: Double, italic: Bool = false, bold: Bool = false, family: String = Font.sansFamily) {
        self.size = size; self.italic = italic; self.bold = bold; self.family = family
    }

    /// The same font at `factor` times the size.
    public func scaled(_ factor: Double) -> Font { Font(size: size * factor, italic: italic, bold: bold, family: family) }
}

/// A run of text in one font, drawn from a baseline origin, optionally rotated.
public struct TextItem: Sendable, Hashable {
    /// The text as drawn, without markup.
    public var string: String
    /// The font of the run.
    public var font: Font
    /// The start of the baseline.
    public var origin: Point
    /// Rotation in radians, counter-clockwise as seen on the page (π/2 for a y-axis label).
    public var angle: Double
    /// The colour of the text.
    public var color: Color
    /// The box the run covers, in page coordinates (rotation applied), from the backend's metrics.
    public var bounds: Rect

    /// A run of text at a baseline origin; `bounds` is the box it covers on the page.
    public init(string: String, font: Font, origin: Point, angle: Double = 0, color: Color = .black, bounds: Rect) {
        self.string = string; self.font = font; self.origin = origin; self.angle = angle; self.color = color
        self.bounds = bounds
    }
}
