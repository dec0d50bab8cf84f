/// Bars: `edges` has one more element than `heights`; bar i spans edges[i]…edges[i+1].
public struct Histogram: Sendable {
    /// The legend's label, shown with a patch of the bars' fill; nil for none.
    public var label: String?
    /// The bins' edges in data x, ascending: one more than the bars.
    public var edges: [Double]
    /// Each bar's height in data y.
    public var heights: [Double]
    /// The bars' colour; nil takes the next colour of the theme's cycle.
    public var color: Color?

    /// Bars of the given heights over the bins between consecutive edges.
    public init(label: String?, edges: [Double], heights: [Double], color: Color? = nil) {
        precondition(edges.count == heights.count + 1, "a histogram has one more edge than bars")
        self.label = label; self.edges = edges; self.heights = heights; self.color = color
    }

    /// Bins `samples` into `bins` equal bins over `range`; with `density`, heights integrate to 1.
    ///
    /// With width w = (hi − lo)/bins, a sample s in `range` falls in bin min(bins − 1, ⌊(s − lo)/w⌋)
    /// (samples outside are dropped); heights are the counts, or count/(n·w) with `density`, n the
    /// number of samples (all of them, in range or not).
    public init(label: String?, samples: [Double], range: ClosedRange<Double>, bins: Int, density: Bool = true,
                color: Color? = nil) {
        let width = (range.upperBound - range.lowerBound) / Double(bins)
        var counts = [Double](repeating: 0, count: bins)
        for s in samples where range.contains(s) { counts[min(bins - 1, Int((s - range.lowerBound) / width))] += 1 }
        let scale = density ? 1 / (Double(max(samples.count, 1)) * width) : 1
        self.init(label: label, edges: (0...bins).map { range.lowerBound + Double($0) * width },
                  heights: counts.map { $0 * scale }, color: color)
    }
}

extension Histogram: MarkContent {
    var layer: MarkLayer { .fills }
    var seriesStyle: SeriesStyle? { SeriesStyle(color: color, dash: .solid) }

    /// The first and the last edge.
    func xExtent() -> [Double] { [edges.first!, edges.last!] }

    /// Every height, and 0 (the bars stand on it).
    func yExtent(xView: ClosedRange<Double>, xScale: Scale) -> [Double] { heights + [0] }

    func legendEntry(style: StrokeStyle?) -> Legend.Entry? {
        guard let label, let style else { return nil }
        return Legend.Entry(label: label, handle: .patch(style.color.withAlpha(0.45)))
    }

    /// Each bar of positive height, filled at 45% and outlined, from its top down to 0 (on a
    /// linear y axis) or to the bottom of the view; the bars' tops, clipped, go to `curves`.
    func draw(style: StrokeStyle?, in panel: PanelContext, on page: inout PanelPage) {
        guard let style else { return }
        let transform = panel.transform
        let base = transform.pageY(transform.yScale == .linear ? 0 : transform.yView.lowerBound)
        for (i, height) in heights.enumerated() where height > 0 {
            let x0 = transform.pageX(edges[i]), x1 = transform.pageX(edges[i + 1])
            let top = PanelContext.clampedY(transform.pageY(height))
            guard x0.isFinite, x1.isFinite, top.isFinite else { continue }
            let bar = Rect(x: x0, y: min(top, base), width: x1 - x0, height: abs(base - top))
            page.list.append(.fill(.rectangle(bar), style.color.withAlpha(0.45)))
            page.list.append(.stroke(.rectangle(bar), StrokeStyle(color: style.color, width: 0.6)))
            if let (p, q) = LineClipping.clip(Point(x0, top), Point(x1, top), to: panel.clipBox) { page.curves.append([p, q]) }
        }
    }
}
