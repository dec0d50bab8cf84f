import LossPlot
import LossPlotCairo
import Testing

@Suite("Drawing errors are reported, never a cut image")
struct CairoErrorTests {
    static func page(_ item: DisplayItem) -> DisplayList {
        var list = DisplayList(width: 100, height: 100)
        list.append(.stroke(Path(polyline: [Point(10, 10), Point(90, 90)]), StrokeStyle(color: .black, width: 1)))
        list.append(item)
        return list
    }

    @Test("a stroke cairo refuses fails PNG as it fails SVG and PDF", arguments: ImageFormat.allCases)
    func cairoStatus(format: ImageFormat) {
        // A negative dash puts cairo into an error state that stops all later drawing.
        let bad = Self.page(.stroke(Path(polyline: [Point(0, 50), Point(100, 50)]), StrokeStyle(color: .black, width: 1, dash: [-1, 2])))
        #expect(throws: RenderError.cairo("invalid value for a dash setting")) {
            try CairoBackend().render(bad, format: format, dpi: 72)
        }
    }

    @Test("a long stroke cairo refuses fails too", arguments: ImageFormat.allCases)
    func longStrokeStatus(format: ImageFormat) {
        let points = (0...2000).map { Point(Double($0 % 100), Double($0 / 20)) }
        let bad = Self.page(.stroke(Path(polyline: points), StrokeStyle(color: .black, width: 1, dash: [0, 0])))
        #expect(throws: RenderError.self) { try CairoBackend().render(bad, format: format, dpi: 72) }
    }

    @Test("a number that is not finite is refused before cairo sees it", arguments: ImageFormat.allCases)
    func nonFinite(format: ImageFormat) {
        let items: [DisplayItem] = [
            .text(TextItem(string: "1.8", font: Font(size: 10), origin: Point(10, -.infinity), bounds: Rect(x: 0, y: 0, width: 1, height: 1))),
            .text(TextItem(string: "x", font: Font(size: .nan), origin: Point(10, 10), bounds: Rect(x: 0, y: 0, width: 1, height: 1))),
            .stroke(Path(polyline: [Point(0, 0), Point(.nan, 1)]), StrokeStyle(color: .black, width: 1)),
            .fill(.rectangle(Rect(x: 0, y: 0, width: .infinity, height: 1)), .black),
            .pushClip(Rect(x: 0, y: 0, width: 10, height: .nan)),
        ]
        for item in items {
            let list = Self.page(item)
            #expect(list.firstNonFinite != nil)
            #expect(throws: RenderError.self) { try CairoBackend().render(list, format: format, dpi: 72) }
        }
        let message = RenderError.nonFinite(Self.page(items[0]).firstNonFinite!).description
        #expect(message.contains("a text \"1.8\" at (10.0, -inf)"), "\(message)")
    }
}
