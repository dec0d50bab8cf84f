import FoundationEssentials
import Glibc

/// Marker shapes as paths.
enum Marker {
    /// A circle as a 16-gon (small markers need no more): c + r·(cos kπ/8, sin kπ/8), k = 0…15.
    static func circle(at c: Point, diameter: Double) -> Path {
        let r = diameter / 2
        var path = Path(polyline: (0..<16).map { k in
            let a = Double(k) * Double.pi / 8
            return Point(c.x + r * cos(a), c.y + r * sin(a))
        })
        path.elements.append(.close)
        return path
    }
}

extension Rect {
    /// The x of the centre.
    public var midX: Double { x + width / 2 }
    /// The y of the centre.
    public var midY: Double { y + height / 2 }
}

/// Arrows: a line and a filled head.
enum Arrow {
    /// From the edge of a box (where the line from its centre to the tip leaves it) to a point:
    /// the centre plus t·(tip − centre), t = min(½w/|dx|, ½h/|dy|, 1). Nothing within 1 pt.
    static func draw(from box: Rect, to tip: Point, color: Color, theme: Theme, into list: inout DisplayList) {
        let center = Point(box.midX, box.midY)
        let dx = tip.x - center.x, dy = tip.y - center.y
        guard (dx * dx + dy * dy).squareRoot() > 1 else { return }
        let tx = dx != 0 ? (box.width / 2) / abs(dx) : .infinity
        let ty = dy != 0 ? (box.height / 2) / abs(dy) : .infinity
        let t = min(tx, ty, 1)
        draw(from: Point(center.x + dx * t, center.y + dy * t), to: tip, head: 0.72 * theme.fontSize,
             width: theme.frameWidth, color: color, into: &list)
    }

    /// From one point to another, with a head `head` points long (at most 0.6 of the arrow) and
    /// 0.8 × `head` wide; nothing for an arrow shorter than ½ pt.
    static func draw(from start: Point, to tip: Point, head: Double, width: Double, color: Color,
                     into list: inout DisplayList) {
        let dx = tip.x - start.x, dy = tip.y - start.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0.5 else { return }
        let (ux, uy) = (dx / length, dy / length)
        let head = min(head, 0.6 * length)
        let base = Point(tip.x - ux * head, tip.y - uy * head)
        list.append(.stroke(Path(polyline: [start, base]), StrokeStyle(color: color, width: width)))
        var triangle = Path(polyline: [tip, Point(base.x - uy * head * 0.4, base.y + ux * head * 0.4),
                                       Point(base.x + uy * head * 0.4, base.y - ux * head * 0.4)])
        triangle.elements.append(.close)
        list.append(.fill(triangle, color))
    }
}
