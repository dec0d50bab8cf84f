/// Math markup typeset relative to a baseline origin, measured by a backend: runs of text, and
/// the rules and shapes that fractions, radicals and tall delimiters draw.
///
/// The typesetting follows matplotlib's mathtext (itself TeX's rules, simplified): sub- and
/// superscripts at 0.7× raised by 0.45 or lowered by 0.2 of their parent's size; `\frac` with its
/// parts at 0.7×, centred, 2 rule thicknesses from a rule on the math axis; `\sqrt` with a bar
/// 3 rule thicknesses above its body; `\left … \right` delimiters as tall as the body (drawn as
/// shapes once their glyph is too short); accents over x-height letters, raised by what the body
/// rises above it. The heights that decide these are those of the glyphs' ink, from tables of
/// DejaVu Sans' and Latin Modern's metrics (the backend measures only widths and the font's extent).
public struct TextLayout: Sendable {
    /// One run: its text, font, and offset from the origin along the baseline (dx) and upward (rise).
    public struct Run: Sendable, Hashable {
        /// The characters of the run.
        public var text: String
        /// The font of the run: the base font scaled for its script level, oblique for variables.
        public var font: Font
        /// The run's offset from the origin along the baseline, in points.
        public var dx: Double
        /// The run's offset upward from the baseline, in points (negative for subscripts).
        public var rise: Double
        /// The run's advance width in points (0 for an accent set over the character before it).
        public var width: Double
        /// The run's own extent above its baseline: the font's ascent, or where the run is stacked
        /// over or under another (a fraction, limits, a sub- and superscript pair) its ink's.
        public var ascent: Double
        /// The run's own extent below its baseline, as for the ascent.
        public var descent: Double
    }

    /// A point relative to the origin: `dx` along the baseline, `rise` upward, in points.
    public struct Offset: Sendable, Hashable {
        /// The distance along the baseline, in points.
        public var dx: Double
        /// The distance above the baseline, in points (negative below).
        public var rise: Double

        /// The point `dx` along the baseline and `rise` above it.
        public init(dx: Double, rise: Double) { self.dx = dx; self.rise = rise }
    }

    /// A filled rectangle relative to the origin: a fraction rule, a radical's bar, an overline,
    /// the strokes of a tall bracket or bar.
    public struct Rule: Sendable, Hashable {
        /// The left edge, along the baseline from the origin, in points.
        public var dx: Double
        /// The bottom edge, above the baseline, in points.
        public var rise: Double
        /// The extent along the baseline, in points.
        public var width: Double
        /// The thickness upward, in points.
        public var height: Double

        /// A rectangle from its lower left corner and its size, in points.
        public init(dx: Double, rise: Double, width: Double, height: Double) {
            self.dx = dx; self.rise = rise; self.width = width; self.height = height
        }
    }

    /// A filled polygon relative to the origin: a radical sign, a tall parenthesis, brace or angle.
    public struct Shape: Sendable, Hashable {
        /// The corners in order; the polygon closes from the last back to the first.
        public var points: [Offset]

        /// The polygon through `points`.
        public init(points: [Offset]) { self.points = points }
    }

    /// The runs, in the order of the markup.
    public var runs: [Run]
    /// The rectangles drawn with the text, in the text's colour.
    public var rules: [Rule]
    /// The polygons drawn with the text, in the text's colour.
    public var shapes: [Shape]
    /// The advance width of the whole text, in points.
    public var width: Double
    /// Height above the baseline: superscripts, numerators, radicals and delimiters included.
    public var ascent: Double
    /// Depth below the baseline: subscripts, denominators and delimiters included.
    public var descent: Double

    /// The height of the whole text, ascent + descent.
    public var height: Double { ascent + descent }

    /// `markup` set in `font`, measured by `measurer`. Never fails: markup that
    /// ``MathText/validate(_:subject:)`` rejects is set as ``MathText/parse(_:)`` reads it.
    public init(_ markup: String, font: Font, measurer: any TextMeasuring) {
        // Plain text (tick labels, most titles): one run, one measurement.
        if !markup.contains("$"), MathFontProfile.profile(for: font.family).drawsAsIs(markup) {
            let m = measurer.measure(markup, font: font)
            runs = markup.isEmpty ? [] : [Run(text: markup, font: font, dx: 0, rise: 0, width: m.width, ascent: m.ascent,
                                             descent: m.descent)]
            rules = []
            shapes = []
            width = m.width
            ascent = m.ascent
            descent = m.descent
            return
        }
        var typesetter = MathTypesetter(tree: MathText.read(markup).tree, font: font, measurer: measurer)
        let result = typesetter.typeset()
        runs = result.runs
        rules = result.rules
        shapes = result.shapes
        width = result.width
        ascent = result.ascent
        descent = result.descent
    }
}

extension TextLayout {
    /// The layout as drawing operations with its baseline origin at `origin` on the page: a text
    /// item per run (its bounds from the run's extent), then the rules and shapes, filled, all in
    /// `color`.
    public func displayItems(at origin: Point, color: Color = .black) -> [DisplayItem] {
        var items: [DisplayItem] = []
        items.reserveCapacity(runs.count + rules.count + shapes.count)
        for run in runs where !run.text.isEmpty {
            let start = Point(origin.x + run.dx, origin.y - run.rise)
            let bounds = Rect(x: start.x, y: start.y - run.ascent, width: run.width, height: run.ascent + run.descent)
            items.append(.text(TextItem(string: run.text, font: run.font, origin: start, color: color, bounds: bounds)))
        }
        for rule in rules {
            let rect = Rect(x: origin.x + rule.dx, y: origin.y - rule.rise - rule.height, width: rule.width, height: rule.height)
            items.append(.fill(Path.rectangle(rect), color))
        }
        for shape in shapes where shape.points.count >= 3 {
            var path = Path(polyline: shape.points.map { Point(origin.x + $0.dx, origin.y - $0.rise) })
            path.elements.append(.close)
            items.append(.fill(path, color))
        }
        return items
    }
}
