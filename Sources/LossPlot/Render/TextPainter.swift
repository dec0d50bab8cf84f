import FoundationEssentials
import Glibc

/// Lays out math markup and appends it to a display list as text items, anchored at a point.
struct TextPainter {
    let measurer: any TextMeasuring

    /// The size a label will take, horizontally set.
    func layout(_ markup: String, font: Font) -> TextLayout { TextLayout(markup, font: font, measurer: measurer) }

    /// Draws horizontal text with the point `anchorPoint` at fraction `anchor` of its box
    /// ((0, 0) lower left, (1, 1) upper right). Returns the box.
    @discardableResult
    func draw(_ markup: String, font: Font, at anchorPoint: Point, anchor: Point, color: Color = .black,
              into list: inout DisplayList) -> Rect {
        let t = layout(markup, font: font)
        let left = anchorPoint.x - anchor.x * t.width
        let top = anchorPoint.y - (1 - anchor.y) * t.height
        let baseline = top + t.ascent
        // Runs, then fraction rules, radicals and tall delimiters, filled in the text's colour.
        for item in t.displayItems(at: Point(left, baseline), color: color) { list.append(item) }
        return Rect(x: left, y: top, width: t.width, height: t.height)
    }

    /// Draws text rotated a quarter turn (reading upward), centred at `center.y`, with the side
    /// that faces right (the descent side) at `rightEdge`. Returns the box.
    @discardableResult
    func drawVertical(_ markup: String, font: Font, rightEdge: Double, centerY: Double, color: Color = .black,
                      into list: inout DisplayList) -> Rect {
        let t = layout(markup, font: font)
        let originX = rightEdge - t.descent
        let originY = centerY + t.width / 2
        for run in t.runs where !run.text.isEmpty {
            // Along the baseline is up the page (−y); "up" for the glyphs is to the left (−x).
            let origin = Point(originX - run.rise, originY - run.dx)
            let bounds = Rect(x: origin.x - run.ascent, y: origin.y - run.width, width: run.ascent + run.descent, height: run.width)
            list.append(.text(TextItem(string: run.text, font: run.font, origin: origin, angle: .pi / 2, color: color,
                                       bounds: bounds)))
        }
        // The text's (dx, rise) is (up the page, left on the page): a rule's box turns with it.
        for rule in t.rules {
            let rect = Rect(x: originX - rule.rise - rule.height, y: originY - rule.dx - rule.width,
                            width: rule.height, height: rule.width)
            list.append(.fill(Path.rectangle(rect), color))
        }
        for shape in t.shapes where shape.points.count >= 3 {
            var path = Path(polyline: shape.points.map { Point(originX - $0.rise, originY - $0.dx) })
            path.elements.append(.close)
            list.append(.fill(path, color))
        }
        return Rect(x: rightEdge - t.height, y: centerY - t.width / 2, width: t.height, height: t.width)
    }
}
