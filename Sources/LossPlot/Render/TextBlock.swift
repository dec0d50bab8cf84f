/// Markup set in one or more lines no wider than a given width: a title or an axis label that
/// would not fit on one line is broken at spaces (never inside `$…$`), and only if the lines
/// still do not fit is it set smaller, down to ``minimumScale`` of its size.
struct TextBlock {
    /// The smallest size a label is set at, as a fraction of the theme's: below 80% it reads as
    /// a different level of the hierarchy (and on a slide, below 18 pt).
    static let minimumScale = 0.8

    /// The lines, top to bottom, each laid out.
    var lines: [TextLayout]
    /// The markup of each line.
    var markup: [String]
    /// The font the lines are set in.
    var font: Font

    /// The widest line.
    var width: Double { lines.map(\.width).max() ?? 0 }
    /// The gap between the descent of one line and the ascent of the next: 0.2 em.
    var gap: Double { 0.2 * font.size }
    /// The height of all lines and the gaps between them.
    var height: Double { lines.map(\.height).reduce(0, +) + Double(max(lines.count - 1, 0)) * gap }

    /// `markup` on one line in `font`, however wide.
    init(_ markup: String, font: Font, painter: TextPainter) {
        self.init(lines: [markup], font: font, painter: painter)
    }

    private init(lines: [String], font: Font, painter: TextPainter) {
        self.markup = lines
        self.font = font
        self.lines = lines.map { painter.layout($0, font: font) }
    }

    /// The block of `markup` in `font` that fits `width`: one line if it fits, else broken into
    /// at most `maximumLines` lines, else the same at 95%, 90%, 85% and 80% of the size; or, with
    /// `shrinkingFirst` (a panel title or an axis label, where a second line costs the axes their
    /// room), one line at those sizes before any break. nil when even that does not fit (a word
    /// wider than `width`, or too many lines). With `largestScale` below 1, only the sizes up to
    /// it are tried (panel titles set as small as the smallest of their figure).
    static func fitting(_ markup: String, font: Font, width: Double, maximumLines: Int, shrinkingFirst: Bool = false,
                        largestScale: Double = 1, painter: TextPainter) -> TextBlock? {
        let words = Self.words(of: markup)
        let scales = [1, 0.95, 0.9, 0.85, minimumScale].filter { $0 <= largestScale + 1e-9 }
        if shrinkingFirst {
            for scale in scales {
                let f = font.scaled(scale)
                if let line = Self.lines(of: words, font: f, width: width, maximumLines: 1, painter: painter) {
                    return TextBlock(lines: line, font: f, painter: painter)
                }
            }
        }
        for scale in scales {
            let f = font.scaled(scale)
            if let lines = Self.lines(of: words, font: f, width: width, maximumLines: maximumLines, painter: painter) {
                return TextBlock(lines: lines, font: f, painter: painter)
            }
        }
        return nil
    }

    /// Greedy line breaking: as many words on a line as fit; nil if a word alone is too wide or
    /// more than `maximumLines` lines are needed. Each word is measured once and a line's width
    /// taken as the sum of its words and spaces, so that a long text costs linear time.
    static func lines(of words: [String], font: Font, width: Double, maximumLines: Int,
                      painter: TextPainter) -> [String]? {
        let space = painter.layout("a b", font: font).width - painter.layout("ab", font: font).width
        var lines: [String] = []
        var current = "", currentWidth = 0.0
        for word in words {
            if word == "\n" {  // a forced break: the line ends here, even if more would fit
                lines.append(current)
                guard lines.count < maximumLines else { return nil }
                (current, currentWidth) = ("", 0)
                continue
            }
            let w = painter.layout(word, font: font).width
            guard w <= width else { return nil }
            if current.isEmpty {
                (current, currentWidth) = (word, w)
            } else if currentWidth + space + w <= width {
                current += " " + word
                currentWidth += space + w
            } else {
                lines.append(current)
                guard lines.count < maximumLines else { return nil }
                (current, currentWidth) = (word, w)
            }
        }
        lines.append(current)
        return lines
    }

    /// The words of `markup`: split at spaces outside `$…$` (an escaped `\$` is not a delimiter);
    /// a newline outside `$…$` ends the word before it and is a word of its own, "\n", which
    /// ``lines(of:font:width:maximumLines:painter:)`` takes as a forced break.
    static func words(of markup: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inMath = false
        var previous: Character = " "
        for c in markup {
            if c == "$" && previous != "\\" { inMath.toggle() }
            if (c == " " || c == "\n") && !inMath {
                if !current.isEmpty { words.append(current); current = "" }
                if c == "\n" { words.append("\n") }
            } else {
                current.append(c)
            }
            previous = c
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Draws the lines centred on one another, the block's point at fraction `anchor` of its box
    /// ((0, 0) lower left, (1, 1) upper right) at `point`. Returns the box.
    @discardableResult
    func draw(at point: Point, anchor: Point, painter: TextPainter, color: Color = .black,
              into list: inout DisplayList) -> Rect {
        let box = Rect(x: point.x - anchor.x * width, y: point.y - (1 - anchor.y) * height, width: width, height: height)
        var top = box.minY
        for (line, layout) in zip(markup, lines) {
            painter.draw(line, font: font, at: Point(box.midX, top), anchor: Point(0.5, 1), color: color, into: &list)
            top += layout.height + gap
        }
        return box
    }

    /// Draws the lines reading upward, the last line's descent side at `rightEdge`, centred on
    /// `centerY`. Returns the box.
    @discardableResult
    func drawVertical(rightEdge: Double, centerY: Double, painter: TextPainter, into list: inout DisplayList) -> Rect {
        var right = rightEdge
        for (line, layout) in zip(markup, lines).reversed() {
            painter.drawVertical(line, font: font, rightEdge: right, centerY: centerY, into: &list)
            right -= layout.height + gap
        }
        return Rect(x: rightEdge - height, y: centerY - width / 2, width: height, height: width)
    }
}
