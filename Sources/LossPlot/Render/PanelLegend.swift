/// Legends: a panel's own, inside its axes, and the figure's shared one, in rows below the panels.
extension PanelPlan {
    /// Draws the panel's legend and returns its box, how many curve points, segments and boxes it
    /// covers, and where it went (a `.best` legend's location as `.fixed`); nil (nothing drawn)
    /// when no mark has an entry or the placement is `.none`.
    ///
    /// A fixed placement puts the box at its location; `.best` is matplotlib's search: the first
    /// location that covers no drawn polyline and no annotation, else the one that covers least
    /// (the renderer then lays the panel out again with the legend outside); `.outside` puts it
    /// right of the axes or below the x decorations, whose lowest edge is `belowX`.
    func drawLegend(in rect: Rect, belowX: Double, theme: Theme, painter: TextPainter,
                    on page: inout PanelPage) -> (box: Rect, covers: Int, placement: LegendPlacement)? {
        let entries = legendEntries()
        guard !entries.isEmpty else { return nil }
        let fs = theme.fontSize
        let legend: Legend, box: Rect
        var placement = panel.legend
        switch panel.legend {
        case .none: return nil
        case .fixed(let location):
            legend = Legend(entries: entries, font: theme.font, measurer: painter.measurer)
            box = legend.box(at: location, in: rect)
        case .best:
            legend = Legend(entries: entries, font: theme.font, measurer: painter.measurer)
            let best = legend.bestBox(in: rect, polylines: page.curves, obstacles: page.obstacles)
            (box, placement) = (best.box, .fixed(best.location))
        case .outside:
            guard let outside = outsideLegend else { return nil }
            legend = outside.legend
            let (w, h) = legend.size
            switch outside.side {
            case .right: box = Rect(x: rect.maxX + 0.5 * fs, y: rect.minY, width: w, height: h)
            case .below: box = Rect(x: rect.midX - w / 2, y: belowX + 0.5 * fs, width: w, height: h)
            }
        }
        legend.draw(in: box, painter: painter, theme: theme, into: &page.list)
        return (box, Legend.badness(of: box, polylines: page.curves, obstacles: page.obstacles), placement)
    }
}

extension Legend {
    /// The figure's shared legend: every panel's entries, each label once (the first wins), in as
    /// many columns as fit across the page less 2 em, ⌊(width − 2 em)/entry width⌋, at least one
    /// and at most one per entry; nil if no panel has an entry.
    static func shared(by plans: [PanelPlan], pageWidth: Double, theme: Theme, measurer: any TextMeasuring) -> Legend? {
        var seen = Set<String>()
        let entries = plans.flatMap { $0.legendEntries() }.filter { seen.insert($0.label).inserted }
        guard !entries.isEmpty else { return nil }
        let fs = theme.fontSize
        let single = Legend(entries: entries, font: theme.font, measurer: measurer)
        let columns = max(1, min(entries.count, Int((pageWidth - 2 * fs) / single.entryWidth)))
        return Legend(entries: entries, font: theme.font, measurer: measurer, columns: columns)
    }
}
