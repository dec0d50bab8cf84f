/// A point in the figure's coordinate system: points (1/72 in), origin at the top left, y down.
public struct Point: Hashable, Sendable {
    /// The horizontal position in points, from the left edge of the page.
    public var x: Double
    /// The vertical position in points, from the top edge of the page, growing downward.
    public var y: Double
    /// The point (x, y), in points.
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// An axis-aligned rectangle in points.
public struct Rect: Hashable, Sendable {
    /// The left edge, in points.
    public var x: Double
    /// The top edge, in points (y grows downward).
    public var y: Double
    /// The width, in points.
    public var width: Double
    /// The height, in points.
    public var height: Double

    /// A rectangle from its top-left corner and its size, in points.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// The left edge, `x`.
    public var minX: Double { x }
    /// The right edge, `x + width`.
    public var maxX: Double { x + width }
    /// The top edge, `y`.
    public var minY: Double { y }
    /// The bottom edge, `y + height`.
    public var maxY: Double { y + height }

    /// Whether `p` lies inside the rectangle or on its edge.
    public func contains(_ p: Point) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }

    /// Whether the insides of the two rectangles overlap (touching edges do not count).
    public func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// The area shared with `other` (0 when they do not overlap).
    public func overlapArea(_ other: Rect) -> Double {
        let w = min(maxX, other.maxX) - max(minX, other.minX)
        let h = min(maxY, other.maxY) - max(minY, other.minY)
        return w > 0 && h > 0 ? w * h : 0
    }

    /// The rectangle moved in by `d` on every side (out, for negative `d`).
    public func insetBy(_ d: Double) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }

    /// Whether the segment from `a` to `b` meets the rectangle (Liang–Barsky).
    public func intersectsSegment(_ a: Point, _ b: Point) -> Bool {
        LineClipping.clip(a, b, to: self) != nil
    }
}

/// An sRGB colour with alpha, components in [0, 1].
public struct Color: Hashable, Sendable {
    /// The components, each in [0, 1]: red, green and blue in sRGB, and alpha, the opacity.
    public var red: Double, green: Double, blue: Double, alpha: Double

    /// A colour from its components in [0, 1], opaque unless given.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// From `0xRRGGBB`.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    /// The same colour with opacity `a`.
    public func withAlpha(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: a) }

    /// Black, #000000.
    public static let black = Color(hex: 0x000000)
    /// White, #FFFFFF.
    public static let white = Color(hex: 0xFFFFFF)
    /// matplotlib's legend frame and grid grey.
    public static let lightGray = Color(hex: 0xCCCCCC)
    /// Dark grey, #444444.
    public static let darkGray = Color(hex: 0x444444)
}

/// Clipping of segments and polylines to a rectangle.
public enum LineClipping {
    /// The part of segment ab inside `rect`, or nil (Liang–Barsky).
    public static func clip(_ a: Point, _ b: Point, to rect: Rect) -> (Point, Point)? {
        // A segment with an end that is not a number (data outside a log or logit scale) is
        // dropped: there is nothing on the page to join.
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return nil } else if r > t0 { t0 = r } }
                else { if r < t0 { return nil } else if r < t1 { t1 = r } }
            }
        }
        return (Point(a.x + t0 * dx, a.y + t0 * dy), Point(a.x + t1 * dx, a.y + t1 * dy))
    }

    /// Splits a polyline into the runs that lie inside `rect`; non-finite points break the line.
    public static func clip(polyline: [Point], to rect: Rect) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        func flush() { if current.count >= 2 { runs.append(current) }; current = [] }
        for i in polyline.indices.dropFirst() {
            let a = polyline[i - 1], b = polyline[i]
            guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite,
                  let (p, q) = clip(a, b, to: rect) else { flush(); continue }
            if let last = current.last, last == p {
                current.append(q)
            } else {
                flush()
                current = [p, q]
            }
            if q != b { flush() }
        }
        flush()
        return runs
    }
}
