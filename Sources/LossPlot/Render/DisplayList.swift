/// What a figure looks like, as drawing operations in points: the interface between the layout
/// and the backends. Nothing here knows about axes or data.
public struct DisplayList: Sendable {
    /// The page size in points.
    public var width: Double
    public var height: Double
    public var items: [DisplayItem] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    public mutating func append(_ item: DisplayItem) { items.append(item) }

    /// Every text item, for tests and for overlap checks.
    public var texts: [TextItem] {
        items.compactMap { if case .text(let t) = $0 { t } else { nil } }
    }
}

/// One drawing operation.
public enum DisplayItem: Sendable {
    case stroke(Path, StrokeStyle)
    case fill(Path, Color)
    case text(TextItem)
    /// Restricts what follows to a rectangle until the matching `popClip`.
    case pushClip(Rect)
    case popClip
}

/// A sequence of straight-line subpaths.
public struct Path: Sendable, Hashable {
    public enum Element: Sendable, Hashable {
        case move(Point)
        case line(Point)
        case close
    }

    public var elements: [Element] = []

    public init() {}

    public init(polyline: [Point]) {
        for (i, p) in polyline.enumerated() { elements.append(i == 0 ? .move(p) : .line(p)) }
    }

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
    public var color: Color
    public var width: Double
    /// Dash pattern in points, empty for solid.
    public var dash: [Double]
    public var roundCaps: Bool

    public init(color: Color, width: Double, dash: [Double] = [], roundCaps: Bool = false) {
        self.color = color; self.width = width; self.dash = dash; self.roundCaps = roundCaps
    }
}

/// A font: DejaVu Sans at a size, upright or oblique, regular or bold.
public struct Font: Sendable, Hashable {
    public var size: Double
    public var italic: Bool
    public var bold: Bool
    public var family: String

    public init(size: Double, italic: Bool = false, bold: Bool = false, family: String = "DejaVu Sans") {
        self.size = size; self.italic = italic; self.bold = bold; self.family = family
    }

    public func scaled(_ factor: Double) -> Font { Font(size: size * factor, italic: italic, bold: bold, family: family) }
}

/// A run of text in one font, drawn from a baseline origin, optionally rotated.
public struct TextItem: Sendable, Hashable {
    public var string: String
    public var font: Font
    /// The start of the baseline.
    public var origin: Point
    /// Rotation in radians, counter-clockwise as seen on the page (π/2 for a y-axis label).
    public var angle: Double
    public var color: Color
    /// The box the run covers, in page coordinates (rotation applied), from the backend's metrics.
    public var bounds: Rect

    public init(string: String, font: Font, origin: Point, angle: Double = 0, color: Color = .black, bounds: Rect) {
        self.string = string; self.font = font; self.origin = origin; self.angle = angle; self.color = color
        self.bounds = bounds
    }
}
