/// Legends: a panel's own, inside its axes, and the figure's shared one, in rows below the panels.
extension PanelPlan {
    /// Draws the panel's legend and returns its box; nil (nothing drawn) when no mark has an
    /// entry or the placement is `.none`.
    ///
    /// A fixed placement puts the box at its location; `.best` is matplotlib's search: the first
    /// location that covers no drawn polyline and no annotation, else the one that covers least.
    func drawLegend(in rect: Rect, theme: Theme, painter: TextPainter, on page: inout PanelPage) -> Rect? {
        let entries = legendEntries()
        guard !entries.isEmpty, panel.legend != .none else { return nil }
        let legend = Legend(entries: entries, font: theme.font, measurer: painter.measurer)
        let box: Rect
        switch panel.legend {
        case .fixed(let location): box = legend.box(at: location, in: rect)
        case .best, .none: box = legend.bestBox(in: rect, polylines: page.curves, obstacles: page.obstacles)
        }
        legend.draw(in: box, painter: painter, theme: theme, into: &page.list)
        return box
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
