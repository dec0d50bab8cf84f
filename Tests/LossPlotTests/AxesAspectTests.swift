import Glibc
import LossPlot
import LossPlotCairo
import Testing

@Suite("Axes with a fixed aspect")
struct AxesAspectTests {
    static func circles(_ columns: Int, _ rows: Int) -> [Panel] {
        (0..<(columns * rows)).map { _ in
            let t = (0...64).map { Double($0) * .pi / 32 }
            return Panel(x: Axis(range: -2...2), y: Axis(range: -2...2),
                         marks: [.line(DataLine(label: nil, x: t.map { 2 * cos($0) }, y: t.map { 2 * sin($0) }))], legend: .none)
        }
    }

    @Test("axesAspect 1: every axes rectangle square, centred in its cell, on a wide and on a tall page",
          arguments: [(13.33, 7.5, 4, 3), (6.0, 9.0, 2, 2), (7.0, 5.75, 4, 3)])
    func square(width: Double, height: Double, columns: Int, rows: Int) throws {
        var figure = Figure(width: width, height: height, title: "Circles", panels: Self.circles(columns, rows), columns: columns)
        figure.axesAspect = 1
        let (_, panels) = try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(figure)
        for p in panels { #expect(abs(p.axes.width - p.axes.height) < 0.01, "\(p.axes)") }
        // Centred in its cell (matplotlib's anchor 'C'): the axes are evenly spaced, one pitch
        // apart across and down, and the room the aspect took is shared by every gap.
        let across = (1..<columns).map { panels[$0].axes.x - panels[$0 - 1].axes.x }
        let down = (1..<rows).map { panels[$0 * columns].axes.y - panels[($0 - 1) * columns].axes.y }
        for pitch in across { #expect(abs(pitch - across[0]) < 0.01) }
        for pitch in down { #expect(abs(pitch - down[0]) < 0.01) }
        let left = panels[0].axes.x, right = width * 72 - (panels[columns - 1].axes.x + panels[columns - 1].axes.width)
        #expect(left > 0 && right > 0)
        // A circle of the data is a circle on the page: its extent is as tall as it is wide.
        let t = panels[0].transform
        let (x0, x1) = (t.pageX(-2), t.pageX(2)), (y0, y1) = (t.pageY(-2), t.pageY(2))
        #expect(abs(abs(x1 - x0) - abs(y1 - y0)) < 0.01)
    }

    @Test("without it the axes fill the page: wider than tall on a 16:9 page")
    func unset() throws {
        let figure = Figure(width: 13.33, height: 7.5, panels: Self.circles(4, 3), columns: 4)
        let (_, panels) = try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(figure)
        #expect(panels[0].axes.width > 1.3 * panels[0].axes.height)
    }
}
