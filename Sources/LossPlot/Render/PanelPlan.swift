/// One panel on its way to the page: its marks as the renderer sees them, their series styles,
/// the views of its axes and, once the layout has sized the axes, the ticks.
///
/// Made in three steps: ``init(panel:theme:)`` resolves the styles and the views (which depend on
/// the data only), the figure's layout calls ``makeTicks(axesWidth:axesHeight:font:painter:)`` for each
/// size it tries, and ``draw(in:shows:theme:painter:sharedLegend:into:)`` puts it on the page.
struct PanelPlan {
    var panel: Panel
    /// The panel's marks, in order, as ``MarkContent``.
    var contents: [any MarkContent]
    /// Per mark: its series style resolved against the theme, nil for marks that are not series.
    var styles: [StrokeStyle?]
    var xView: ClosedRange<Double>
    var yView: ClosedRange<Double>
    var xTicks = AxisTicks(major: [], labels: [])
    var yTicks = AxisTicks(major: [], labels: [])
    /// The title and axis labels as set for the current axes (wrapped or made smaller to fit).
    var texts = PanelTexts()
    /// The panel's share of the page, which its title and labels stay inside.
    var cell = Rect(x: 0, y: 0, width: 0, height: 0)
    /// The legend when it goes outside the axes, and where; nil inside or without one.
    var outsideLegend: OutsideLegend?

    /// Styles from the theme's cycle, then the views: x first, since the curves' y extent is
    /// taken over the x view.
    init(panel: Panel, theme: Theme) throws {
        self.panel = panel
        contents = panel.marks.map(\.content)
        styles = Self.seriesStyles(contents, theme: theme)
        xView = try Self.view(axis: panel.x, name: "x", data: Self.xData(panel, contents))
        let xv = xView
        yView = try Self.view(axis: panel.y, name: "y", data: Self.yData(panel, contents, xView: xv))
    }

    /// Series styles in mark order: series number k (counting only marks that are series) takes
    /// palette[k mod count] and dashes[k mod count] for what its ``SeriesStyle`` leaves unset, and
    /// the theme's line width; the dash scaled by the width.
    static func seriesStyles(_ contents: [any MarkContent], theme: Theme) -> [StrokeStyle?] {
        var series = 0
        return contents.map { content in
            guard let style = content.seriesStyle else { return nil }
            defer { series += 1 }
            let width = style.width ?? theme.lineWidth
            let dash = style.dash ?? theme.dashes[series % theme.dashes.count]
            return StrokeStyle(color: style.color ?? theme.palette[series % theme.palette.count], width: width,
                               dash: dash.pattern(width: width))
        }
    }

    /// The legend entries of the labelled marks, in mark order.
    func legendEntries() -> [Legend.Entry] {
        zip(contents, styles).compactMap { content, style in content.legendEntry(style: style) }
    }
}

/// A panel's title and axis labels, each as set to fit its room.
struct PanelTexts {
    var title: TextBlock?
    var xLabel: TextBlock?
    var yLabel: TextBlock?
}

/// A legend outside the axes: right of them, or below the x label in as many columns as fit,
/// whichever leaves the larger axes.
struct OutsideLegend {
    enum Side { case right, below }
    var legend: Legend
    var side: Side
}
