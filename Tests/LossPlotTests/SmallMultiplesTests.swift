import LossPlot
import LossPlotCairo
import Testing

/// A grid of panels read as one figure: shared y axes, and titles in one size.
@Suite("Small multiples")
struct SmallMultiplesTests {
    @Test("sharesY: only the first column shows y tick labels and the y label; the others gain the room")
    func sharedY() throws {
        func figure(sharing: Bool) -> Figure {
            var panels = AxesAspectTests.circles(3, 2)
            for i in panels.indices { panels[i].y.label = "height" }
            var figure = Figure(width: 9, height: 5, panels: panels, columns: 3)
            figure.sharesY = sharing
            return figure
        }
        let renderer = FigureRenderer(measurer: CairoBackend())
        let (sharedList, shared) = try renderer.renderWithGeometry(figure(sharing: true))
        let (ownList, own) = try renderer.renderWithGeometry(figure(sharing: false))
        func count(_ list: DisplayList, _ string: String) -> Int {
            list.texts.filter { $0.string == string }.count
        }
        #expect(count(ownList, "height") == 6 && count(sharedList, "height") == 2, "one y label per row")
        // The four panels right of the first column lose their y tick labels and nothing else.
        let yLabels = own[1].yTicks.labels.filter { !$0.isEmpty }.count
        #expect(yLabels >= 3)
        #expect(ownList.texts.count - sharedList.texts.count == 4 * (yLabels + 1))
        #expect(shared[0].axes.width > own[0].axes.width, "the room of four y axes goes to the axes")
    }

    @Test("panel titles share one size: one long title sets them all smaller, and alone each short one is full size")
    func titleSize() throws {
        var panels = AxesAspectTests.circles(3, 1)
        panels[0].title = "short"
        panels[1].title = "a title rather too long for its panel"
        panels[2].title = "short too"
        let figure = Figure(width: 7, height: 2.8, panels: panels, columns: 3)
        let (list, _) = try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(figure)
        let sizes = ["short", "short too"].map { title in list.texts.first { $0.string == title }?.font.size }
        let long = list.texts.first { $0.string.hasPrefix("a title") }?.font.size
        let full = Theme.paper.panelTitleFont.size
        #expect(long.map { $0 < full } == true, "the long title is set smaller")
        #expect(sizes.allSatisfy { $0 == long }, "\(sizes) against \(String(describing: long))")
        panels[1].title = "short"
        let (alone, _) = try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(Figure(width: 7, height: 2.8, panels: panels, columns: 3))
        #expect(alone.texts.filter { $0.string.hasPrefix("short") }.allSatisfy { $0.font.size == full })
    }
}
