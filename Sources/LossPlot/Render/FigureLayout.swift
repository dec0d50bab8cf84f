/// Where everything of a figure goes on the page: the title band on top, the shared legend's
/// band at the bottom, and between them the grid of axes rectangles.
///
/// The grid: `rows × columns` cells, panels filling it row by row. A first guess puts each axes
/// rectangle at matplotlib's subplot fractions of its cell (12.5%…92.5% across, 10%…88% down).
/// Then twice: each panel's ticks are made for its current size and its margins measured; each
/// grid column takes the largest left and right margin of its panels, each row the largest top
/// and bottom (each plus ½ em); every axes rectangle gets the same size, (page − margins)/count,
/// so that small multiples compare at a glance, and the margins are laid end to end around them.
/// Two passes settle: the number of ticks depends on the axes' length, the margins on the labels.
struct FigureLayout {
    /// The page in points, checked to be at least 72 × 54 and finite.
    var page: (width: Double, height: Double)
    /// The title's font: the theme's, or smaller (down to 70%) if the title is wider than the page.
    var titleFont: Font
    /// The height taken by the title (0 without one).
    var titleBand: Double
    /// The figure's shared legend, if it has one and any mark has an entry.
    var sharedLegend: Legend?
    /// The height taken by the shared legend (0 without one).
    var legendBand: Double
    /// Per panel: its axes rectangle.
    var axes: [Rect] = []
    /// Per panel: whether it shows its x tick labels and x label (not when it shares its x axis
    /// with a panel below it).
    var showsX: [Bool] = []

    /// The page size of `figure` in points; too small or not finite is ``FigureError/badSize(width:height:)``.
    static func page(of figure: Figure) throws -> (width: Double, height: Double) {
        let page = (width: figure.width * 72, height: figure.height * 72)
        guard page.width >= 72, page.height >= 54, page.width.isFinite, page.height.isFinite else {
            throw FigureError.badSize(width: figure.width, height: figure.height)
        }
        return page
    }

    /// Lays out `figure`, making the ticks of `plans` (one per panel) on the way; axes left
    /// smaller than 20 pt a side are ``FigureError/badSize(width:height:)``.
    init(figure: Figure, plans: inout [PanelPlan], painter: TextPainter) throws {
        let theme = figure.theme
        let page = try Self.page(of: figure)
        let fs = theme.fontSize
        let pad = 0.5 * fs
        // A title wider than the page is set smaller rather than cut off.
        let titleFont = figure.title.map { painter.fitting($0, font: theme.titleFont, width: page.width - 2 * fs) }
            ?? theme.titleFont
        let titleBand = figure.title.map { painter.layout($0, font: titleFont).height + 0.8 * fs } ?? 0
        let sharedLegend = figure.sharedLegend
            ? Legend.shared(by: plans, pageWidth: page.width, theme: theme, measurer: painter.measurer) : nil
        let legendBand = sharedLegend.map { $0.size.height + fs } ?? 0
        (self.page, self.titleFont, self.titleBand, self.sharedLegend, self.legendBand) =
            (page, titleFont, titleBand, sharedLegend, legendBand)
        let rows = figure.rows, columns = figure.columns
        let showsX = figure.panels.indices.map { index in
            !figure.sharesX || index / columns == rows - 1 || index + columns >= figure.panels.count
        }
        let cellWidth = page.width / Double(columns)
        let cellHeight = (page.height - titleBand - legendBand) / Double(rows)  // for the first guess only
        var rects = figure.panels.indices.map { i in
            Rect(x: Double(i % columns) * cellWidth + 0.125 * cellWidth,
                 y: titleBand + Double(i / columns) * cellHeight + 0.1 * cellHeight,
                 width: 0.8 * cellWidth, height: 0.78 * cellHeight)
        }
        for _ in 0..<2 {
            var left = Array(repeating: 0.0, count: columns), right = left
            var top = Array(repeating: 0.0, count: rows), bottom = top
            for i in plans.indices {
                plans[i].makeTicks(axesWidth: rects[i].width, axesHeight: rects[i].height, fontSize: fs)
                let m = plans[i].margins(painter: painter, theme: theme, showsX: showsX[i])
                left[i % columns] = max(left[i % columns], m.left + pad)
                right[i % columns] = max(right[i % columns], m.right + pad)
                top[i / columns] = max(top[i / columns], m.top + pad)
                bottom[i / columns] = max(bottom[i / columns], m.bottom + pad)
            }
            let axesWidth = (page.width - left.reduce(0, +) - right.reduce(0, +)) / Double(columns)
            let axesHeight = (page.height - titleBand - legendBand - top.reduce(0, +) - bottom.reduce(0, +)) / Double(rows)
            guard axesWidth > 20, axesHeight > 20 else {
                throw FigureError.badSize(width: figure.width, height: figure.height)
            }
            for i in plans.indices {
                let (r, c) = (i / columns, i % columns)
                let x = (0..<c).reduce(0.0) { $0 + left[$1] + axesWidth + right[$1] } + left[c]
                let y = titleBand + (0..<r).reduce(0.0) { $0 + top[$1] + axesHeight + bottom[$1] } + top[r]
                rects[i] = Rect(x: x, y: y, width: axesWidth, height: axesHeight)
            }
        }
        (axes, self.showsX) = (rects, showsX)
    }

    /// Where the shared legend goes: centred across the page, 0.3 em below the top of its band.
    func sharedLegendBox(fontSize fs: Double) -> Rect? {
        sharedLegend.map { legend in
            Rect(x: (page.width - legend.size.width) / 2, y: page.height - legendBand + 0.3 * fs,
                 width: legend.size.width, height: legend.size.height)
        }
    }
}
