/// A panel's ticks and the room their labels, the axis labels and the title take around the axes.
extension PanelPlan {
    /// matplotlib's tick space: the axis length over 3 (x) or 2 (y) font sizes, 1…9 intervals.
    mutating func makeTicks(axesWidth: Double, axesHeight: Double, fontSize: Double) {
        let xBins = min(9, max(1, Int(axesWidth / (3 * fontSize))))
        let yBins = min(9, max(1, Int(axesHeight / (2 * fontSize))))
        xTicks = AxisTicks.make(scale: panel.x.scale, lo: xView.lowerBound, hi: xView.upperBound, maxIntervals: xBins)
        yTicks = AxisTicks.make(scale: panel.y.scale, lo: yView.lowerBound, hi: yView.upperBound, maxIntervals: yBins)
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
    /// Left: tick, pad, the widest y tick label, and the y label's height. Bottom (when the panel
    /// shows its x labels): tick, pad, the tallest x tick label, then the x label or offset text.
    /// Right: half the last x tick label. Top: the larger of half a y tick label and the title
    /// plus the y offset text.
    func margins(painter: TextPainter, theme: Theme, showsX: Bool) -> (left: Double, right: Double, top: Double, bottom: Double) {
        let fs = theme.fontSize, tickPad = 0.35 * fs, labelPad = 0.4 * fs
        let font = theme.font
        let yLabels = visible(yTicks, in: yView).map { painter.layout($0.1, font: font) }
        let xLabels = visible(xTicks, in: xView).map { painter.layout($0.1, font: font) }
        var left = theme.tickLength + tickPad + (yLabels.map(\.width).max() ?? 0)
        if let label = panel.y.label { left += labelPad + painter.layout(label, font: font).height }
        var bottom = theme.tickLength
        var right = 0.0
        if showsX {
            bottom += tickPad + (xLabels.map(\.height).max() ?? 0)
            var lastRow = 0.0
            if let label = panel.x.label { lastRow = painter.layout(label, font: font).height }
            if !xTicks.offsetText.isEmpty { lastRow = max(lastRow, painter.layout(xTicks.offsetText, font: font).height) }
            if lastRow > 0 { bottom += labelPad + lastRow }
            right = (xLabels.last?.width ?? 0) / 2
        }
        var top = (yLabels.map(\.height).max() ?? 0) / 2
        var above = 0.0
        if let title = panel.title { above += painter.layout(title, font: theme.titleFont).height + 0.6 * fs }
        if !yTicks.offsetText.isEmpty { above += painter.layout(yTicks.offsetText, font: font).height + 0.2 * fs }
        top = max(top, above)
        return (left, right, top, bottom)
    }
}
