/// Sizes and colours. `paper` follows matplotlib's defaults; `slides` is larger for projection.
public struct Theme: Sendable, Hashable {
    /// The size of labels, tick labels and legend text, in points.
    public var fontSize: Double
    /// The size of the figure's and the panels' titles, in points.
    public var titleSize: Double
    /// The width of series lines in points, unless a mark's style sets one.
    public var lineWidth: Double
    /// The width of the axes frame and the major ticks in points (¾ of it for minor ticks).
    public var frameWidth: Double
    /// The length of major ticks, in points.
    public var tickLength: Double
    /// The length of minor ticks, in points.
    public var minorTickLength: Double
    /// Colour-blind-safe: Paul Tol's "bright" scheme.
    public var palette: [Color]
    /// One line style per series, so that grey print still separates them.
    public var dashes: [Dash]
    /// The font family of all text, as fontconfig names it: DejaVu Sans unless set.
    public var fontFamily: String = Font.sansFamily

    /// matplotlib's sizes: 10-point text, 12-point titles, 1.5-point lines.
    public static let paper = Theme(fontSize: 10, titleSize: 12, lineWidth: 1.5, frameWidth: 0.8,
                                    tickLength: 3.5, minorTickLength: 2)
    /// Larger sizes for projection: 14-point text, 17-point titles, 2.5-point lines.
    public static let slides = Theme(fontSize: 14, titleSize: 17, lineWidth: 2.5, frameWidth: 1.2,
                                     tickLength: 5, minorTickLength: 3)

    /// A theme of these sizes in points, with Paul Tol's "bright" palette and seven line styles unless given.
    public init(fontSize: Double, titleSize: Double, lineWidth: Double, frameWidth: Double, tickLength: Double,
                minorTickLength: Double,
                palette: [Color] = [0x4477AA, 0xEE6677, 0x228833, 0xCCBB44, 0x66CCEE, 0xAA3377, 0xBBBBBB].map { Color(hex: $0) },
                dashes: [Dash] = [.solid, .dashed, .dashDot, .dotted, .longDash, .dashDotDot, .denseDot]) {
        self.fontSize = fontSize; self.titleSize = titleSize; self.lineWidth = lineWidth; self.frameWidth = frameWidth
        self.tickLength = tickLength; self.minorTickLength = minorTickLength; self.palette = palette; self.dashes = dashes
    }

    /// The font of labels, tick labels and legends: `fontFamily` at `fontSize`.
    public var font: Font { Font(size: fontSize, family: fontFamily) }
    /// The font of titles: `fontFamily` at `titleSize`.
    public var titleFont: Font { Font(size: titleSize, family: fontFamily) }
}
