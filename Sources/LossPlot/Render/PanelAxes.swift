/// A panel's frame, ticks and labels: everything around the data that belongs to the axes.
extension PanelPlan {
    /// Grid lines at the visible major ticks of both axes: light grey (#DDDDDD), ¾ of the frame's width.
    func drawGrid(transform: AxesTransform, theme: Theme, into list: inout DisplayList) {
        let rect = transform.rect
        let style = StrokeStyle(color: Color(hex: 0xDDDDDD), width: 0.75 * theme.frameWidth)
        for (value, _) in visible(xTicks, in: xView) {
            let x = transform.pageX(value)
            list.append(.stroke(Path(polyline: [Point(x, rect.minY), Point(x, rect.maxY)]), style))
        }
        for (value, _) in visible(yTicks, in: yView) {
            let y = transform.pageY(value)
            list.append(.stroke(Path(polyline: [Point(rect.minX, y), Point(rect.maxX, y)]), style))
        }
    }

    /// The frame; major ticks (with labels) and minor ticks outward on the bottom and left edges;
    /// the x label and x offset text under the tick labels (if the panel shows its x axis); the y
    /// label left of the y tick labels, reading upward (if it shows its y axis); the y offset text and the title above.
    /// Returns the lowest edge of what it drew below the axes.
    @discardableResult
    func drawAxes(transform: AxesTransform, shows: FigureLayout.ShownAxes, theme: Theme, painter: TextPainter,
                  into list: inout DisplayList) -> Double {
        let rect = transform.rect
        let fs = theme.fontSize, tickPad = 0.35 * fs, labelPad = 0.4 * fs
        let frame = StrokeStyle(color: .black, width: theme.frameWidth)
        list.append(.stroke(.rectangle(rect), frame))
        let tickStyle = StrokeStyle(color: .black, width: theme.frameWidth)
        let minorStyle = StrokeStyle(color: .black, width: 0.75 * theme.frameWidth)
        var xLabelBottom = rect.maxY + theme.tickLength
        for (value, label) in visible(xTicks, in: xView) {
            let x = transform.pageX(value)
            list.append(.stroke(Path(polyline: [Point(x, rect.maxY), Point(x, rect.maxY + theme.tickLength)]), tickStyle))
            if shows.x {
                let box = painter.draw(label, font: theme.font, at: Point(x, rect.maxY + theme.tickLength + tickPad),
                                       anchor: Point(0.5, 1), into: &list)
                xLabelBottom = max(xLabelBottom, box.maxY)
            }
        }
        for value in xTicks.minor where xView.contains(value) {
            let x = transform.pageX(value)
            list.append(.stroke(Path(polyline: [Point(x, rect.maxY), Point(x, rect.maxY + theme.minorTickLength)]), minorStyle))
        }
        var yLabelLeft = rect.minX - theme.tickLength
        for (value, label) in visible(yTicks, in: yView) {
            let y = transform.pageY(value)
            list.append(.stroke(Path(polyline: [Point(rect.minX - theme.tickLength, y), Point(rect.minX, y)]), tickStyle))
            guard shows.y else { continue }
            let box = painter.draw(label, font: theme.font, at: Point(rect.minX - theme.tickLength - tickPad, y),
                                   anchor: Point(1, 0.5), into: &list)
            yLabelLeft = min(yLabelLeft, box.minX)
        }
        for value in yTicks.minor where yView.contains(value) {
            let y = transform.pageY(value)
            list.append(.stroke(Path(polyline: [Point(rect.minX - theme.minorTickLength, y), Point(rect.minX, y)]), minorStyle))
        }

        // Axis labels, offset texts, title.
        var bottom = xLabelBottom
        if shows.x, let label = texts.xLabel {
            let x = Self.centred(label.width, on: rect.midX, within: cell.minX, cell.maxX, em: fs)
            let box = label.draw(at: Point(x, xLabelBottom + labelPad), anchor: Point(0.5, 1), painter: painter,
                                 into: &list)
            bottom = max(bottom, box.maxY)
        }
        if shows.x, !xTicks.offsetText.isEmpty {
            let box = painter.draw(xTicks.offsetText, font: theme.font, at: Point(rect.maxX, xLabelBottom + labelPad),
                                   anchor: Point(1, 1), into: &list)
            bottom = max(bottom, box.maxY)
        }
        if shows.y, let label = texts.yLabel {
            let y = Self.centred(label.width, on: rect.midY, within: rect.minY - 0.5 * fs, cell.maxY, em: fs)
            label.drawVertical(rightEdge: yLabelLeft - labelPad, centerY: y, painter: painter, into: &list)
        }
        var titleBottom = rect.minY - 0.6 * fs
        if shows.y, !yTicks.offsetText.isEmpty {
            let box = painter.draw(yTicks.offsetText, font: theme.font, at: Point(rect.minX, rect.minY - 0.2 * fs),
                                   anchor: Point(0, 0), into: &list)
            titleBottom = min(titleBottom, box.minY - 0.2 * fs)
        }
        if let title = texts.title {
            let x = Self.centred(title.width, on: rect.midX, within: cell.minX, cell.maxX, em: fs)
            title.draw(at: Point(x, titleBottom), anchor: Point(0.5, 0), painter: painter, into: &list)
        }
        return bottom
    }
}
