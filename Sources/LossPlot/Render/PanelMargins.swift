/// A panel's ticks and the room their labels, the axis labels and the title take around the axes.
extension PanelPlan {
    /// matplotlib's tick space: the axis length over 3 (x) or 2 (y) font sizes, 1…9 intervals;
    /// then fewer while two neighbouring labels would come closer than ½ em (x) or ¼ em (y),
    /// since long labels ("−1.0×10⁻⁵") or large text need more room than the rule of thumb gives;
    /// and where even the fewest ticks crowd (the locator keeps two in view), every other label
    /// left out, then two of three, and so on.
    mutating func makeTicks(axesWidth: Double, axesHeight: Double, font: Font, painter: TextPainter) {
        let fs = font.size
        let page = AxesTransform(rect: Rect(x: 0, y: 0, width: axesWidth, height: axesHeight), xScale: panel.x.scale,
                                 yScale: panel.y.scale, xView: xView, yView: yView)
        func crowded(_ ticks: AxisTicks, view: ClosedRange<Double>, horizontal: Bool) -> Bool {
            let spans = visible(ticks, in: view).filter { !$0.1.isEmpty }.map { tick in
                let layout = painter.layout(tick.1, font: font)
                let at = horizontal ? page.pageX(tick.0) : page.pageY(tick.0)
                let half = (horizontal ? layout.width : layout.height) / 2
                return (at - half, at + half)
            }.sorted { $0.0 < $1.0 }
            return zip(spans, spans.dropFirst()).contains { $1.0 - $0.1 < (horizontal ? 0.5 : 0.25) * fs }
        }
        func make(_ scale: Scale, _ view: ClosedRange<Double>, bins start: Int, horizontal: Bool) -> AxisTicks {
            var bins = start
            var ticks = AxisTicks.make(scale: scale, lo: view.lowerBound, hi: view.upperBound, maxIntervals: bins)
            while bins > 1 && crowded(ticks, view: view, horizontal: horizontal) {
                bins -= 1
                ticks = AxisTicks.make(scale: scale, lo: view.lowerBound, hi: view.upperBound, maxIntervals: bins)
            }
            let all = ticks.labels
            var keep = 2
            while crowded(ticks, view: view, horizontal: horizontal) && keep <= all.count {
                ticks.labels = all.indices.map { $0 % keep == 0 ? all[$0] : "" }
                keep += 1
            }
            return ticks
        }
        xTicks = make(panel.x.scale, xView, bins: min(9, max(1, Int(axesWidth / (3 * fs)))), horizontal: true)
        yTicks = make(panel.y.scale, yView, bins: min(9, max(1, Int(axesHeight / (2 * fs)))), horizontal: false)
    }

    /// Sets the title and axis labels for axes at `rect` in a grid cell `cell`: each centred on
    /// the axes and kept inside the cell, down to 80% size on one line, else on two; decides
    /// where an outside legend goes. The title is set at most at `titleScale` of its size (the
    /// scale of the figure's smallest panel title). Throws ``LayoutError`` for a text that cannot
    /// fit, or (past the `firstGuess` of the axes) a legend that fits neither beside nor below them.
    mutating func fitTexts(axes rect: Rect, cell: Rect, painter: TextPainter, theme: Theme,
                           page: (Double, Double), firstGuess: Bool = false, titleScale: Double = 1) throws {
        let fs = theme.fontSize
        self.cell = cell
        // Centred on the axes where they can be, moved toward the middle of the cell where not
        // (``centred(_:on:within:)``): each text may take the cell's width (or height) less 1 em.
        // The y label stays beside the axes and the x decorations below them, never beside the
        // title above.
        let across = cell.width - fs, along = cell.maxY - rect.minY - 0.5 * fs
        func block(_ markup: String?, _ what: String, font: Font, width: Double, largestScale: Double = 1) throws -> TextBlock? {
            guard let markup else { return nil }
            guard let block = TextBlock.fitting(markup, font: font, width: width, maximumLines: 2, shrinkingFirst: true,
                                                largestScale: largestScale, painter: painter) else {
                throw LayoutError.text(what, markup, available: width, page: page)
            }
            return block
        }
        texts.title = try block(panel.title, "the panel title", font: theme.panelTitleFont, width: across,
                                largestScale: titleScale)
        texts.xLabel = try block(panel.x.label, "the x label", font: theme.font, width: across)
        texts.yLabel = try block(panel.y.label, "the y label", font: theme.font, width: along)
        let previous = outsideLegend
        outsideLegend = nil
        let entries = legendEntries()
        guard panel.legend == .outside, !entries.isEmpty else { return }
        // Right of the axes or below them: where the axes keep their least size (1 × ¾ in), and
        // where both do, whichever leaves the larger axes. The axes' room without the legend is
        // the current axes plus what the legend of the last pass took from them.
        let single = Legend(entries: entries, font: theme.font, measurer: painter.measurer)
        let centredWidth = 2 * min(rect.midX - cell.minX, cell.maxX - rect.midX) - fs
        let columns = max(1, min(entries.count, Int((centredWidth + 0.2 * fs) / single.entryWidth)))
        let below = Legend(entries: entries, font: theme.font, measurer: painter.measurer, columns: columns)
        var room = (width: rect.width, height: rect.height)
        switch previous?.side {
        case .right?: room.width += 0.5 * fs + (previous?.legend.size.width ?? 0)
        case .below?: room.height += 0.5 * fs + (previous?.legend.size.height ?? 0)
        case nil: break
        }
        let rightArea = (width: room.width - single.size.width - 0.5 * fs, height: room.height)
        let belowArea = (width: room.width, height: room.height - below.size.height - 0.5 * fs)
        func fits(_ a: (width: Double, height: Double)) -> Bool {
            a.width >= FigureLayout.minimumAxes.width && a.height >= FigureLayout.minimumAxes.height
        }
        // A legend wider than the cell cannot go below it; one taller than the cell not beside it.
        let rightFits = fits(rightArea) && single.size.height <= cell.height - fs
        let belowFits = fits(belowArea) && below.size.width <= cell.width - fs
        let rightIsLarger = rightArea.width * rightArea.height >= belowArea.width * belowArea.height
        // The first guess at the axes is rough: a legend that fits nowhere yet may fit once the
        // margins are measured.
        guard rightFits || belowFits || firstGuess else {
            throw LayoutError("the legend (\(entries.count) entries, \(LayoutError.inches(single.size.width)) in wide) fits neither beside nor below its axes on a \(LayoutError.inches(page.0)) × \(LayoutError.inches(page.1)) in page")
        }
        if rightFits && (!belowFits || rightIsLarger) || !rightFits && !belowFits && rightIsLarger {
            outsideLegend = OutsideLegend(legend: single, side: .right)
        } else {
            outsideLegend = OutsideLegend(legend: below, side: .below)
        }
    }

    /// The centre for a text `length` long, as close to `centre` as keeps it `0.5 em` inside the
    /// span `lo…hi`.
    static func centred(_ length: Double, on centre: Double, within lo: Double, _ hi: Double, em: Double) -> Double {
        let a = lo + 0.5 * em + length / 2, b = hi - 0.5 * em - length / 2
        return a <= b ? min(max(centre, a), b) : (lo + hi) / 2
    }

    /// The major ticks (value, label) within the view, with a slack of 10⁻⁹ of its width.
    func visible(_ ticks: AxisTicks, in view: ClosedRange<Double>) -> [(Double, String)] {
        let slack = 1e-9 * (view.upperBound - view.lowerBound)
        return zip(ticks.major, ticks.labels).filter {
            $0.0.isFinite && $0.0 >= view.lowerBound - slack && $0.0 <= view.upperBound + slack
        }
    }

    /// Space needed around the axes rectangle for ticks, labels, titles.
    ///
    /// Left: tick, and when the panel shows its y labels, pad, the widest y tick label and the y
    /// label's height. Bottom (when the panel shows its x labels): tick, pad, the tallest x tick label, then the x label or offset text.
    /// Right: half the last x tick label. Top: the larger of half a y tick label and the title
    /// plus the y offset text.
    func margins(painter: TextPainter, theme: Theme, shows: FigureLayout.ShownAxes) -> (left: Double, right: Double, top: Double, bottom: Double) {
        let fs = theme.fontSize, tickPad = 0.35 * fs, labelPad = 0.4 * fs
        let font = theme.font
        let yLabels = visible(yTicks, in: yView).map { painter.layout($0.1, font: font) }
        let xLabels = visible(xTicks, in: xView).map { painter.layout($0.1, font: font) }
        var left = theme.tickLength
        if shows.y {
            left += tickPad + (yLabels.map(\.width).max() ?? 0)
            if let label = texts.yLabel { left += labelPad + label.height }
        }
        var bottom = theme.tickLength
        var right = 0.0
        if shows.x {
            bottom += tickPad + (xLabels.map(\.height).max() ?? 0)
            var lastRow = 0.0
            if let label = texts.xLabel { lastRow = label.height }
            if !xTicks.offsetText.isEmpty { lastRow = max(lastRow, painter.layout(xTicks.offsetText, font: font).height) }
            if lastRow > 0 { bottom += labelPad + lastRow }
            right = (xLabels.last?.width ?? 0) / 2
            left = max(left, (xLabels.first?.width ?? 0) / 2)
        }
        var top = (yLabels.map(\.height).max() ?? 0) / 2
        var above = 0.0
        if let title = texts.title { above += title.height + 0.6 * fs }
        if shows.y, !yTicks.offsetText.isEmpty { above += painter.layout(yTicks.offsetText, font: font).height + 0.2 * fs }
        top = max(top, above)
        if let outside = outsideLegend {
            switch outside.side {
            case .right: right = max(right, 0.5 * fs + outside.legend.size.width)
            case .below: bottom += 0.5 * fs + outside.legend.size.height
            }
        }
        return (left, right, top, bottom)
    }
}
