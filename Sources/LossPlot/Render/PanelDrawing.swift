/// Drawing one panel: its marks layer by layer, then the axes' decorations, then its legend.
extension PanelPlan {
    /// Draws the panel with its axes at `rect` and returns what went where.
    ///
    /// In order: a clip to the axes; the grid, if the panel has one; the clipped layers of marks (``MarkLayer``), each in mark
    /// order; the end of the clip; the frame, ticks and labels; the unclipped layers
    /// (annotations); the panel's own legend, unless the figure has a shared one.
    func draw(in rect: Rect, shows: FigureLayout.ShownAxes, theme: Theme, painter: TextPainter, sharedLegend: Bool = false,
              into list: inout DisplayList) -> FigureRenderer.PanelGeometry {
        let transform = AxesTransform(rect: rect, xScale: panel.x.scale, yScale: panel.y.scale, xView: xView, yView: yView)
        let context = PanelContext(transform: transform, clipBox: rect.insetBy(-2 * theme.lineWidth), theme: theme,
                                   painter: painter)
        var page = PanelPage(list: consume list)
        page.list.append(.pushClip(rect))
        if panel.grid { drawGrid(transform: transform, theme: theme, into: &page.list) }
        for layer in MarkLayer.allCases where layer.isClipped { drawMarks(in: layer, context: context, on: &page) }
        page.list.append(.popClip)
        let belowX = drawAxes(transform: transform, shows: shows, theme: theme, painter: painter, into: &page.list)
        for layer in MarkLayer.allCases where !layer.isClipped { drawMarks(in: layer, context: context, on: &page) }
        let legend = sharedLegend ? nil : drawLegend(in: rect, belowX: belowX, theme: theme, painter: painter, on: &page)
        list = page.list
        return .init(axes: rect, transform: transform, curves: page.curves, legend: legend?.box,
                     legendCovers: legend?.covers ?? 0, legendPlacement: legend?.placement, xTicks: xTicks, yTicks: yTicks)
    }

    /// The marks of one layer, in mark order, each with its series style.
    private func drawMarks(in layer: MarkLayer, context: PanelContext, on page: inout PanelPage) {
        for (content, style) in zip(contents, styles) where content.layer == layer {
            content.draw(style: style, in: context, on: &page)
        }
    }
}
