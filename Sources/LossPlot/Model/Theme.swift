/// Sizes, colours and a page, by medium: `paper` for print (a journal column or page), `slides`
/// for a 4:3 slide and `slidesWide` for a 16:9 one, each with text that reads at that size.
public struct Theme: Sendable, Hashable {
    /// The size of labels, tick labels and legend text, in points.
    public var fontSize: Double
    /// The size of the figure's title, in points (panel titles are 1.1 × `fontSize`).
    public var titleSize: Double
    /// The width of series lines in points, unless a mark's style sets one.
    public var lineWidth: Double
    /// The width of the axes frame and the major ticks in points (¾ of it for minor ticks).
    public var frameWidth: Double
    /// The length of major ticks, in points.
    public var tickLength: Double
    /// The length of minor ticks, in points.
    public var minorTickLength: Double
    /// Ten colours, told apart by colour-blind readers and on a projector (``Theme/tenColors``).
    public var palette: [Color]
    /// One line style per series, so that grey print still separates them.
    public var dashes: [Dash]
    /// The font family of all text, as fontconfig names it: DejaVu Sans unless set.
    public var fontFamily: String = Font.sansFamily
    /// The page a figure of this medium fills unless its size is given, in inches.
    public var pageWidth: Double = 6.4
    /// The page height a figure of this medium takes unless given, in inches.
    public var pageHeight: Double = 4.8
    /// Below this page width in inches the renderer sets text at 8/9 of the theme's sizes and
    /// lines at 5/6 of their widths (``compact(forPageWidth:)``): on paper, 8-point text for a
    /// journal's 3.3 in column, 9-point on a page. nil: never.
    public var compactBelowWidth: Double? = nil

    /// Print: 9-point text and 10.5-point titles at 100% scale (a journal's figure text is 8 to
    /// 9 pt), 1.5-point lines, on matplotlib's 6.4 × 4.8 in page; below 4.5 in wide (a 3.3 in
    /// column) 8-point text and 1.25-point lines.
    public static let paper: Theme = {
        var theme = Theme(fontSize: 9, titleSize: 10.5, lineWidth: 1.5, frameWidth: 0.8, tickLength: 3.5, minorTickLength: 2)
        theme.compactBelowWidth = 4.5
        return theme
    }()
    /// A 4:3 slide, 10 × 7.5 in: 18-point text (readable from the back of a room when the slide
    /// fills the screen), 22-point titles, 3-point lines.
    public static let slides = Theme(fontSize: 18, titleSize: 22, lineWidth: 3, frameWidth: 1.5,
                                     tickLength: 7, minorTickLength: 4, pageWidth: 10, pageHeight: 7.5)
    /// A 16:9 slide, 13.33 × 7.5 in, with the sizes of ``slides``.
    public static let slidesWide = Theme(fontSize: 18, titleSize: 22, lineWidth: 3, frameWidth: 1.5,
                                         tickLength: 7, minorTickLength: 4, pageWidth: 13.33, pageHeight: 7.5)

    /// Ten colours: Paul Tol's "bright" blue, red, green and purple, then orange, cyan, ochre,
    /// black, teal and grey, each dark enough to read on a projector (no pale yellow).
    public static let tenColors: [Color] = [0x4477AA, 0xEE6677, 0x228833, 0xAA3377, 0xEE7733, 0x33BBEE,
                                            0x997700, 0x000000, 0x009988, 0x777777].map { Color(hex: $0) }

    /// A theme of these sizes in points, with ``tenColors``, ten line styles (every ``Dash``)
    /// and a 6.4 × 4.8 in page unless given.
    public init(fontSize: Double, titleSize: Double, lineWidth: Double, frameWidth: Double, tickLength: Double,
                minorTickLength: Double, palette: [Color] = Theme.tenColors, dashes: [Dash] = Dash.allCases,
                pageWidth: Double = 6.4, pageHeight: Double = 4.8) {
        self.fontSize = fontSize; self.titleSize = titleSize; self.lineWidth = lineWidth; self.frameWidth = frameWidth
        self.tickLength = tickLength; self.minorTickLength = minorTickLength; self.palette = palette; self.dashes = dashes
        self.pageWidth = pageWidth; self.pageHeight = pageHeight
    }

    /// The theme for a page `width` inches wide: itself, or below ``compactBelowWidth`` its
    /// text at 8/9 and its lines and ticks at 5/6 of their sizes.
    public func compact(forPageWidth width: Double) -> Theme {
        guard let limit = compactBelowWidth, width < limit else { return self }
        var theme = self
        theme.fontSize *= 8.0 / 9; theme.titleSize *= 8.0 / 9
        theme.lineWidth *= 5.0 / 6; theme.tickLength *= 5.0 / 6; theme.minorTickLength *= 5.0 / 6
        theme.compactBelowWidth = nil
        return theme
    }

    /// Whether the theme is for projection (its text is 14 pt or more).
    public var isForProjection: Bool { fontSize >= 14 }

    /// The font of labels, tick labels and legends: `fontFamily` at `fontSize`.
    public var font: Font { Font(size: fontSize, family: fontFamily) }
    /// The font of the figure's title: `fontFamily` at `titleSize`.
    public var titleFont: Font { Font(size: titleSize, family: fontFamily) }
    /// The font of a panel's title: 1.1 × `fontSize`, between the labels and the figure's title.
    public var panelTitleFont: Font { Font(size: 1.1 * fontSize, family: fontFamily) }
}
