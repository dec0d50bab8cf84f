/// Math markup laid out as runs of text relative to a baseline origin, measured by a backend.
public struct TextLayout: Sendable {
    /// One run: its text, font, and offset from the origin along the baseline (dx) and upward (rise).
    public struct Run: Sendable, Hashable {
        public var text: String
        public var font: Font
        public var dx: Double
        public var rise: Double
        public var width: Double
    }

    public var runs: [Run]
    public var width: Double
    /// Height above the baseline, superscripts included.
    public var ascent: Double
    /// Depth below the baseline, subscripts included.
    public var descent: Double

    public var height: Double { ascent + descent }

    /// Sub- and superscripts are 0.7× the size of their parent, raised by 0.45 or lowered by
    /// 0.2 of the parent size (DejaVu's x-height and descender, as in matplotlib's mathtext).
    public init(_ markup: String, font: Font, measurer: any TextMeasuring) {
        var runs: [Run] = []
        var x = 0.0
        let base = measurer.measure("Ag", font: font)
        var ascent = base.ascent, descent = base.descent
        for span in MathText.parse(markup) {
            var size = font.size
            var rise = 0.0
            for step in span.shift {
                rise += step > 0 ? 0.45 * size : -0.2 * size
                size *= 0.7
            }
            let f = Font(size: size, italic: span.italic || font.italic, bold: font.bold, family: font.family)
            let m = measurer.measure(span.text, font: f)
            runs.append(Run(text: span.text, font: f, dx: x, rise: rise, width: m.width))
            x += m.width
            ascent = max(ascent, rise + m.ascent)
            descent = max(descent, m.descent - rise)
        }
        self.runs = runs
        self.width = x
        self.ascent = ascent
        self.descent = descent
    }
}
