/// Sizes and colours. `paper` follows matplotlib's defaults; `slides` is larger for projection.
public struct Theme: Sendable, Hashable {
    public var fontSize: Double
    public var titleSize: Double
    public var lineWidth: Double
    public var frameWidth: Double
    public var tickLength: Double
    public var minorTickLength: Double
    /// Colour-blind-safe: Paul Tol's "bright" scheme.
    public var palette: [Color]
    /// One line style per series, so that grey print still separates them.
    public var dashes: [Dash]

    public static let paper = Theme(fontSize: 10, titleSize: 12, lineWidth: 1.5, frameWidth: 0.8,
                                    tickLength: 3.5, minorTickLength: 2)
    public static let slides = Theme(fontSize: 14, titleSize: 17, lineWidth: 2.5, frameWidth: 1.2,
                                     tickLength: 5, minorTickLength: 3)

    public init(fontSize: Double, titleSize: Double, lineWidth: Double, frameWidth: Double, tickLength: Double,
                minorTickLength: Double,
                palette: [Color] = [0x4477AA, 0xEE6677, 0x228833, 0xCCBB44, 0x66CCEE, 0xAA3377, 0xBBBBBB].map { Color(hex: $0) },
                dashes: [Dash] = [.solid, .dashed, .dashDot, .dotted, .longDash, .dashDotDot, .denseDot]) {
        self.fontSize = fontSize; self.titleSize = titleSize; self.lineWidth = lineWidth; self.frameWidth = frameWidth
        self.tickLength = tickLength; self.minorTickLength = minorTickLength; self.palette = palette; self.dashes = dashes
    }

    public var font: Font { Font(size: fontSize) }
    public var titleFont: Font { Font(size: titleSize) }
}
