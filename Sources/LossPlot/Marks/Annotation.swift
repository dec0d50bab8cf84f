/// Text placed at a point given in axes fractions (0…1 from the lower left), with an optional
/// arrow to a point in data coordinates. A newline in the text starts a new line.
public struct Annotation: Sendable {
    /// The text, in math markup; "\n" starts a new line.
    public var text: String
    /// Position of the text's anchor in axes fractions.
    public var position: Point
    /// Which part of the text box sits at `position`: (0, 0) lower left … (1, 1) upper right.
    public var anchor: Point
    /// The data point the arrow points at, or nil for no arrow.
    public var arrowTo: Point?
    /// The colour of the text and the arrow.
    public var color: Color

    /// Text at `position` (axes fractions), its box centred there by default.
    public init(_ text: String, at position: Point, anchor: Point = Point(0.5, 0.5), arrowTo: Point? = nil,
                color: Color = .black) {
        self.text = text; self.position = position; self.anchor = anchor; self.arrowTo = arrowTo; self.color = color
    }
}

extension Annotation: MarkContent {
    var layer: MarkLayer { .overlay }
    var seriesStyle: SeriesStyle? { nil }

    /// None: an annotation sits in axes fractions and does not move the view (nor does its arrow's target).
    func xExtent() -> [Double] { [] }

    /// None, as for x.
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double] { [] }

    /// None: an annotation labels itself.
    func legendEntry(style: StrokeStyle?) -> Legend.Entry? { nil }

    /// The lines of text on a light box, with an arrow from the box's edge to the point it names.
    ///
    /// A line wider than the axes (less 1 em) is broken at spaces. The box is the widest line by
    /// the line count × 1.1 × the tallest line, placed with its
    /// `anchor` at `position`, then shifted in from any edge of the axes (less ½ em) it would
    /// cross, and below (else above) any annotation drawn before it that it would meet; the box,
    /// padded by ¼ em, becomes an obstacle for the legend and the later annotations.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        let painter = panel.painter, theme = panel.theme, rect = panel.axes
        let fs = theme.fontSize
        var at = panel.transform.fraction(position)
        // Each line of the text, broken again at spaces where it is wider than the axes.
        let room = rect.width - fs
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let line = String(line)
            guard painter.layout(line, font: theme.font).width > room else { return [line] }
            return TextBlock.lines(of: TextBlock.words(of: line), font: theme.font, width: room, maximumLines: .max,
                                   painter: painter) ?? [line]
        }
        let layouts = lines.map { painter.layout($0, font: theme.font) }
        let lineHeight = (layouts.map(\.height).max() ?? fs) * 1.1
        let width = layouts.map(\.width).max() ?? 0
        let height = lineHeight * Double(lines.count)
        var box = Rect(x: at.x - anchor.x * width, y: at.y - (1 - anchor.y) * height, width: width, height: height)
        // Keep the text inside the axes: shift it in from any edge it would cross.
        let inner = rect.insetBy(0.5 * fs)
        let dx = box.minX < inner.minX ? inner.minX - box.minX : (box.maxX > inner.maxX ? inner.maxX - box.maxX : 0)
        let dy = box.minY < inner.minY ? inner.minY - box.minY : (box.maxY > inner.maxY ? inner.maxY - box.maxY : 0)
        box.x += dx; box.y += dy; at.x += dx; at.y += dy
        // Clear of the annotations drawn before it: moved below (else above) each box it meets.
        for _ in 0..<8 {
            guard let other = page.obstacles.first(where: { $0.intersects(box.insetBy(-0.25 * fs)) }) else { break }
            let below = other.maxY + 0.25 * fs, above = other.minY - 0.25 * fs - box.height
            let y = below + box.height <= inner.maxY ? below : (above >= inner.minY ? above : nil)
            guard let y else { break }
            at.y += y - box.y; box.y = y
        }
        let padded = box.insetBy(-0.25 * fs)
        page.list.append(.fill(.rectangle(padded), Color.white.withAlpha(0.8)))
        if let target = arrowTo {
            let tip = panel.transform.page(target.x, target.y)
            if tip.x.isFinite && tip.y.isFinite { Arrow.draw(from: padded, to: tip, color: color, theme: theme, into: &page.list) }
        }
        for (i, line) in lines.enumerated() {
            let lineTop = box.minY + Double(i) * lineHeight
            painter.draw(line, font: theme.font, at: Point(box.minX + anchor.x * width, lineTop),
                         anchor: Point(anchor.x, 1), color: color, into: &page.list)
        }
        page.obstacles.append(padded)
    }
}
