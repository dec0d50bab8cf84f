/// Where everything of a figure goes on the page: the title band on top, the shared legend's
/// band at the bottom, and between them the grid of axes rectangles.
///
/// The grid: `rows × columns` cells, panels filling it row by row. A first guess puts each axes
/// rectangle at matplotlib's subplot fractions of its cell (12.5%…92.5% across, 10%…88% down).
/// Then until the sizes settle (at most five times): each panel's texts are fitted, its ticks made
/// for its current size and its margins measured; each
/// grid column takes the largest left and right margin of its panels, each row the largest top
/// and bottom (each plus ½ em); every axes rectangle gets the same size, (page − margins)/count,
/// so that small multiples compare at a glance, and the margins are laid end to end around them
/// (with ``Figure/axesAspect``, the longer side of that size shrinks and each axes is centred in its cell).
/// The number of ticks depends on the axes' length, the margins on the labels: two or three
/// passes settle.
struct FigureLayout {
    /// The page in points, checked to be at least 72 × 54 and finite.
    var page: (width: Double, height: Double)
    /// The title, on up to three lines, and smaller (down to 80%) only if those do not fit.
    var title: TextBlock?
    /// The height taken by the title (0 without one).
    var titleBand: Double
    /// The figure's shared legend, if it has one and any mark has an entry.
    var sharedLegend: Legend?
    /// The height taken by the shared legend (0 without one).
    var legendBand: Double
    /// Per panel: its axes rectangle.
    var axes: [Rect] = []
    /// Per panel: which of its axes show their tick labels and label (not the x axis when it
    /// shares it with a panel below, not the y axis when it shares it with a panel to its left).
    var shows: [ShownAxes] = []

    /// The smallest axes worth drawing, in points: 1 in wide, ¾ in tall.
    static let minimumAxes = (width: 72.0, height: 54.0)

    /// The page size of `figure` in points; too small or not finite is ``FigureError/badSize(width:height:)``.
    static func page(of figure: Figure) throws -> (width: Double, height: Double) {
        let page = (width: figure.width * 72, height: figure.height * 72)
        guard page.width >= 72, page.height >= 54, page.width.isFinite, page.height.isFinite else {
            throw FigureError.badSize(width: figure.width, height: figure.height)
        }
        return page
    }

    /// Lays out `figure`, making the ticks and fitting the texts of `plans` (one per panel) on the
    /// way; a text that cannot fit, or axes left smaller than ``minimumAxes``, is a ``LayoutError``.
    init(figure: Figure, plans: inout [PanelPlan], painter: TextPainter) throws {
        let theme = figure.theme
        let page = try Self.page(of: figure)
        let fs = theme.fontSize
        let pad = 0.5 * fs
        // A title wider than the page is broken into lines, and set smaller only if they do not fit.
        let title = try figure.title.map { markup in
            guard let block = TextBlock.fitting(markup, font: theme.titleFont, width: page.width - 2 * fs, maximumLines: 3,
                                                painter: painter) else {
                throw LayoutError.text("the title", markup, available: page.width - 2 * fs, page: page)
            }
            return block
        }
        let titleBand = title.map { $0.height + 0.8 * fs } ?? 0
        let sharedLegend = figure.sharedLegend
            ? Legend.shared(by: plans, pageWidth: page.width, theme: theme, measurer: painter.measurer) : nil
        let legendBand = sharedLegend.map { $0.size.height + fs } ?? 0
        (self.page, self.title, self.titleBand, self.sharedLegend, self.legendBand) =
            (page, title, titleBand, sharedLegend, legendBand)
        let rows = figure.rows, columns = figure.columns
        let shows = figure.panels.indices.map { index in
            ShownAxes(x: !figure.sharesX || index / columns == rows - 1 || index + columns >= figure.panels.count,
                      y: !figure.sharesY || index % columns == 0)
        }
        let cellWidth = page.width / Double(columns)
        let cellHeight = (page.height - titleBand - legendBand) / Double(rows)  // for the first guess only
        var rects = figure.panels.indices.map { i in
            Rect(x: Double(i % columns) * cellWidth + 0.125 * cellWidth,
                 y: titleBand + Double(i / columns) * cellHeight + 0.1 * cellHeight,
                 width: 0.8 * cellWidth, height: 0.78 * cellHeight)
        }
        // Each panel's share of the page: its column's width and its row's height.
        var cells = figure.panels.indices.map { i in
            Rect(x: Double(i % columns) * cellWidth, y: titleBand + Double(i / columns) * cellHeight,
                 width: cellWidth, height: cellHeight)
        }
        // Until the axes stop moving (at most five passes): the ticks depend on the axes' size,
        // the margins on the tick labels.
        for pass in 0..<5 {
            let previous = rects
            var left = Array(repeating: 0.0, count: columns), right = left
            var top = Array(repeating: 0.0, count: rows), bottom = top
            // The panel titles share one size: the smallest any of them needs in its cell (small
            // multiples whose titles differ in size look like different figures).
            let legendsBefore = plans.map(\.outsideLegend)
            for i in plans.indices {
                try plans[i].fitTexts(axes: rects[i], cell: cells[i], painter: painter, theme: theme, page: page,
                                      firstGuess: pass == 0)
            }
            let titleScale = plans.compactMap { $0.texts.title.map { $0.font.size / theme.panelTitleFont.size } }.min() ?? 1
            for i in plans.indices {
                if titleScale < 1 {
                    plans[i].outsideLegend = legendsBefore[i]  // as the first fitting found it
                    try plans[i].fitTexts(axes: rects[i], cell: cells[i], painter: painter, theme: theme, page: page,
                                          firstGuess: pass == 0, titleScale: titleScale)
                }
                plans[i].makeTicks(axesWidth: rects[i].width, axesHeight: rects[i].height, font: theme.font, painter: painter)
                let m = plans[i].margins(painter: painter, theme: theme, shows: shows[i])
                left[i % columns] = max(left[i % columns], m.left + pad)
                right[i % columns] = max(right[i % columns], m.right + pad)
                top[i / columns] = max(top[i / columns], m.top + pad)
                bottom[i / columns] = max(bottom[i / columns], m.bottom + pad)
            }
            var axesWidth = (page.width - left.reduce(0, +) - right.reduce(0, +)) / Double(columns)
            var axesHeight = (page.height - titleBand - legendBand - top.reduce(0, +) - bottom.reduce(0, +)) / Double(rows)
            // A fixed aspect: the longer side shrinks, and each axes is centred in its cell, which
            // keeps its share of the page (so its title may use the room the axes gave up).
            var (spareX, spareY) = (0.0, 0.0)
            if let aspect = figure.axesAspect, aspect.isFinite, aspect > 0, axesWidth > 0, axesHeight > 0 {
                if axesHeight > aspect * axesWidth {
                    spareY = axesHeight - aspect * axesWidth
                    axesHeight = aspect * axesWidth
                } else {
                    spareX = axesWidth - axesHeight / aspect
                    axesWidth = axesHeight / aspect
                }
            }
            guard axesWidth >= Self.minimumAxes.width, axesHeight >= Self.minimumAxes.height else {
                let w = LayoutError.inches(max(axesWidth, 0)), h = LayoutError.inches(max(axesHeight, 0))
                throw LayoutError("on a \(LayoutError.inches(page.width)) × \(LayoutError.inches(page.height)) in page the axes would be \(w) × \(h) in once the labels, ticks, titles and legends have their room (at least 1 × 0.75 in is needed)")
            }
            for i in plans.indices {
                let (r, c) = (i / columns, i % columns)
                let x = (0..<c).reduce(0.0) { $0 + left[$1] + axesWidth + spareX + right[$1] } + left[c] + spareX / 2
                let y = titleBand + (0..<r).reduce(0.0) { $0 + top[$1] + axesHeight + spareY + bottom[$1] } + top[r] + spareY / 2
                rects[i] = Rect(x: x, y: y, width: axesWidth, height: axesHeight)
                cells[i] = Rect(x: x - left[c] - spareX / 2, y: y - top[r] - spareY / 2, width: left[c] + axesWidth + spareX + right[c],
                                height: top[r] + axesHeight + spareY + bottom[r])
            }
            if zip(previous, rects).allSatisfy({ abs($0.width - $1.width) < 0.5 && abs($0.height - $1.height) < 0.5 }) { break }
        }
        // The ticks for the axes as they end up (the same ones, once the passes have settled).
        for i in plans.indices {
            plans[i].makeTicks(axesWidth: rects[i].width, axesHeight: rects[i].height, font: theme.font, painter: painter)
        }
        (axes, self.shows) = (rects, shows)
    }

    /// Which axes of a panel show their tick labels and label; the frame and the ticks are always drawn.
    struct ShownAxes {
        var x: Bool, y: Bool
    }

    /// Where the shared legend goes: centred across the page, 0.3 em below the top of its band.
    func sharedLegendBox(fontSize fs: Double) -> Rect? {
        sharedLegend.map { legend in
            Rect(x: (page.width - legend.size.width) / 2, y: page.height - legendBand + 0.3 * fs,
                 width: legend.size.width, height: legend.size.height)
        }
    }
}
