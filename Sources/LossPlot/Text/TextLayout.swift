/// Math markup laid out as runs of text relative to a baseline origin, measured by a backend.
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
        /// The run's own extent above and below its baseline.
        public var ascent: Double
        /// The run's own extent below its baseline.
        public var descent: Double
    }

    /// The runs, in the order of the markup.
    public var runs: [Run]
    /// The advance width of the whole text, in points.
    public var width: Double
    /// Height above the baseline, superscripts included.
    public var ascent: Double
    /// Depth below the baseline, subscripts included.
    public var descent: Double

    /// The height of the whole text, ascent + descent.
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
            // cairo's toy API does not place combining accents: draw each as a spacing accent
            // centred over its base character, without advancing.
            for piece in Self.splitAccents(span.text) {
                let m = measurer.measure(piece.base, font: f)
                runs.append(Run(text: piece.base, font: f, dx: x, rise: rise, width: m.width, ascent: m.ascent, descent: m.descent))
                if let accent = piece.accent {
                    let last = String(piece.base.last ?? " ")
                    let lastWidth = measurer.measure(last, font: f).width
                    let accentFont = Font(size: size, italic: false, bold: font.bold, family: font.family)
                    let accentMetrics = measurer.measure(accent, font: accentFont)
                    let accentWidth = measurer.measure(accent, font: f).width
                    let slant = f.italic ? 0.12 * size : 0
                    runs.append(Run(text: accent, font: accentFont,
                                    dx: x + m.width - lastWidth + (lastWidth - accentWidth) / 2 + slant,
                                    rise: rise + 0.1 * size, width: 0,
                                    ascent: accentMetrics.ascent, descent: accentMetrics.descent))
                    ascent = max(ascent, rise + m.ascent + 0.1 * size)
                }
                x += m.width
                ascent = max(ascent, rise + m.ascent)
                descent = max(descent, m.descent - rise)
            }
        }
        self.runs = runs.filter { !$0.text.isEmpty }
        self.width = x
        self.ascent = ascent
        self.descent = descent
    }

    /// The spacing forms of the combining accents MathText produces.
    static let spacingAccents: [Unicode.Scalar: String] = ["\u{0302}": "ˆ", "\u{0303}": "˜", "\u{0304}": "¯", "\u{0307}": "˙"]

    /// Splits text at combining accents: pieces that end with an accented character carry its accent.
    static func splitAccents(_ text: String) -> [(base: String, accent: String?)] {
        var pieces: [(base: String, accent: String?)] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if let accent = spacingAccents[scalar] {
                pieces.append((current, accent))
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append((current, nil)) }
        return pieces
    }
}
