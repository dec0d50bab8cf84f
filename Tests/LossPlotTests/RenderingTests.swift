import Foundation
import FoundationXML
import LossPlot
import LossPlotTesting
import LossPlotCairo
import Testing

@Suite("Rendering a figure")
struct RenderingTests {
    static func sampleFigure(theme: Theme = .paper) -> Figure {
        let panel = Panel(
            title: "A panel",
            x: Axis(label: "$x$", range: -6...6),
            y: Axis(label: #"$\sigma(x)$ and $-\log\sigma(x)$"#, range: -0.1...3),
            marks: [
                .verticalSpan(VerticalSpan(from: -6, to: -3, label: "shaded")),
                .function(FunctionCurve(label: #"$\sigma(x)$"#) { 1 / (1 + exp(-$0)) }),
                .function(FunctionCurve(label: #"$-\log\sigma(x)$"#) { log1p(exp(-$0)) }),
                .annotation(Annotation("grows without bound", at: Point(0.25, 0.8), arrowTo: Point(-2.5, 2.58))),
            ])
        return Figure(title: "Sample", panels: [panel], theme: theme)
    }

    @Test("a newline in a title or a panel title starts a line, even where the whole would fit on one; three lines in a panel title are too many")
    func forcedBreaks() throws {
        var figure = Self.sampleFigure()
        figure.title = "Sample\nsecond line"
        figure.panels[0].title = "A panel\n$\\lambda = \\pm i$"
        let list = try FigureRenderer(measurer: CairoBackend()).render(figure)
        let strings = list.texts.map(\.string)
        for line in ["Sample", "second line", "A panel"] { #expect(strings.contains(line), "\(line) on a line of its own") }
        let first = try #require(list.texts.first { $0.string == "A panel" }), second = try #require(list.texts.first { $0.string == "λ" })
        #expect(second.bounds.minY > first.bounds.maxY, "the second line below the first")
        #expect(!strings.contains { $0.contains("\n") })
        figure.panels[0].title = "one\ntwo\nthree"
        #expect(throws: LayoutError.self) { try FigureRenderer(measurer: CairoBackend()).render(figure) }
    }

    @Test("every text inside the page, none overlapping another", arguments: [Theme.paper, .slides])
    func textLayout(theme: Theme) throws {
        let list = try FigureRenderer(measurer: CairoBackend()).render(Self.sampleFigure(theme: theme))
        #expect(list.texts.count > 10)
        #expect(list.textsOutsidePage.isEmpty)
        let overlaps = list.overlappingTexts()
        #expect(overlaps.isEmpty, "\(overlaps.map { "\($0.0.string) × \($0.1.string)" })")
    }

    @Test("curves that leave the axes are clipped at the edge, never drawn outside")
    func clipping() throws {
        let (_, panels) = try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(Self.sampleFigure())
        let geometry = try #require(panels.first)
        let bound = geometry.axes.insetBy(-3.01)  // the clip box allows for the line width
        #expect(!geometry.curves.isEmpty)
        for run in geometry.curves { for p in run { #expect(bound.contains(p), "\(p) outside \(geometry.axes)") } }
        // −log σ(x) reaches 6 at x = −6, twice the y range: it must have been cut, not drawn to 6.
        let top = geometry.curves.flatMap { $0 }.map(\.y).min() ?? 0
        #expect(top >= geometry.axes.minY - 3.01)
    }

    @Test("the legend avoids the curves when there is room")
    func legendAvoidsCurves() throws {
        let (_, panels) = try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(Self.sampleFigure())
        let geometry = try #require(panels.first)
        let legend = try #require(geometry.legend)
        for run in geometry.curves {
            for i in run.indices.dropFirst() { #expect(!legend.intersectsSegment(run[i - 1], run[i])) }
        }
    }

    @Test("PNG: the curve is where the math says, the background is white")
    func pngPixels() throws {
        let backend = CairoBackend()
        let figure = Figure(panels: [Panel(x: Axis(range: 0...1), y: Axis(range: 0...1), marks: [
            .function(FunctionCurve(label: nil, style: SeriesStyle(color: Color(hex: 0xEE6677))) { $0 * $0 }),
        ])])
        let (list, panels) = try FigureRenderer(measurer: backend).renderWithGeometry(figure)
        let dpi = 100.0
        let png = try #require(PNGImage(try backend.render(list, format: .png, dpi: dpi)))
        #expect(png.width == 640 && png.height == 480)
        let t = panels[0].transform
        let scale = dpi / 72
        for x in [0.2, 0.5, 0.8] {
            let p = t.page(x, x * x)
            #expect(png.hasColor(near: p.x * scale, p.y * scale, Color(hex: 0xEE6677)), "curve at x = \(x)")
            let off = t.page(x, min(x * x + 0.3, 0.95))
            #expect(png.rgb(Int(off.x * scale), Int(off.y * scale)) == (255, 255, 255), "blank above the curve at \(x)")
        }
    }

    @Test("SVG parses as XML; PDF starts with %PDF and has one page")
    func formats() throws {
        let backend = CairoBackend()
        let list = try FigureRenderer(measurer: backend).render(Self.sampleFigure())
        let svg = try backend.render(list, format: .svg, dpi: 72)
        let parser = XMLParser(data: Data(svg))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(String(decoding: svg.prefix(100), as: UTF8.self).contains("<?xml"))
        let pdf = try backend.render(list, format: .pdf, dpi: 72)
        #expect(Array(pdf.prefix(4)) == Array("%PDF".utf8))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.components(separatedBy: "/Type /Page").count - text.components(separatedBy: "/Type /Pages").count == 1)
    }

    @Test("the same figure gives identical SVG and PDF bytes, even after other drawing", arguments: [ImageFormat.svg, .pdf, .png])
    func deterministic(format: ImageFormat) throws {
        let backend = CairoBackend()
        let renderer = FigureRenderer(measurer: backend)
        let first = try backend.render(try renderer.render(Self.sampleFigure()), format: format, dpi: 100)
        _ = try backend.render(try renderer.render(Self.sampleFigure(theme: .slides)), format: format, dpi: 100)
        let second = try CairoBackend().render(try renderer.render(Self.sampleFigure()), format: format, dpi: 100)
        #expect(first == second)
    }

    @Test("bad specifications are errors, not traps")
    func errors() {
        let renderer = FigureRenderer(measurer: CairoBackend())
        let reversed = Figure(panels: [Panel(x: Axis(range: 1...1))])
        #expect(throws: FigureError.self) { try renderer.render(reversed) }
        let logNegative = Figure(panels: [Panel(y: Axis(scale: .log, range: -1...1))])
        #expect(throws: FigureError.outsideScale(axis: "y", scale: .log, lo: -1, hi: 1)) { try renderer.render(logNegative) }
        let tiny = Figure(width: 0.5, height: 0.5, panels: [Panel()])
        #expect(throws: FigureError.self) { try renderer.render(tiny) }
        #expect(throws: RenderError.self) {
            try CairoBackend().render(DisplayList(width: 7200, height: 7200), format: .png, dpi: 600)
        }
    }

    @Test("the recording backend keeps the list and dumps it readably")
    func recording() throws {
        let backend = RecordingBackend()
        let list = try FigureRenderer(measurer: backend).render(Self.sampleFigure())
        let dump = String(decoding: try backend.render(list, format: .png, dpi: 150), as: UTF8.self)
        #expect(backend.recorded.count == 1)
        #expect(dump.hasPrefix("page 460.8x345.6"))
        #expect(dump.contains("text \"Sample\""))
        #expect(dump.contains("clip "))
    }

    @Test("text measurement: wider strings are wider, sizes scale")
    func measurement() {
        let backend = CairoBackend()
        let a = backend.measure("minimax", font: Font(size: 10))
        let b = backend.measure("minimax gradient", font: Font(size: 10))
        let c = backend.measure("minimax", font: Font(size: 20))
        #expect(b.width > a.width && a.width > 20)
        #expect(abs(c.width - 2 * a.width) < 0.5)
        #expect(a.ascent > 5 && a.descent > 1)
    }
}

@Suite("Marks for samples and regions")
struct SampleMarkTests {
    static func figure() -> Figure {
        var g = 0.0
        let xs = (0..<200).map { _ -> Double in g += 0.618; return (g.truncatingRemainder(dividingBy: 1)) * 2 - 1 }
        let left = Panel(title: "samples", x: Axis(range: -1.5...1.5), y: Axis(range: 0...2), marks: [
            .histogram(Histogram(label: "histogram", samples: xs, range: -1...1, bins: 10)),
            .area(FilledArea(label: "density", domain: -1...1) { _ in 0.5 }),
        ])
        let right = Panel(title: "points", x: Axis(range: -2...2), y: Axis(range: -2...2), marks: [
            .polygon(DataPolygon(label: "triangle", points: [Point(-1, -1), Point(1, -1), Point(0, 1)], color: Color(hex: 0xCCBB44, alpha: 0.5))),
            .segments(SegmentSet(label: "segments", segments: [(Point(-1.5, 1.5), Point(-0.5, 0.5)), (Point(0.5, 1.5), Point(1.5, 0.5))])),
            .scatter(Scatter(label: "filled", x: [-1, 0, 1], y: [1.8, 1.8, 1.8], size: 6)),
            .scatter(Scatter(label: "hollow", x: [-1, 0, 1], y: [-1.8, -1.8, -1.8], size: 6, hollow: true)),
        ])
        return Figure(width: 8, height: 4.5, title: "Marks", panels: [left, right], columns: 2, sharedLegend: true)
    }

    @Test("histogram heights integrate to 1 as a density")
    func histogramDensity() {
        let h = Histogram(label: nil, samples: [0.1, 0.2, 0.3, 0.9], range: 0...1, bins: 4)
        var area = 0.0
        for i in h.heights.indices { area += h.heights[i] * (h.edges[i + 1] - h.edges[i]) }
        #expect(abs(area - 1) < 1e-12)
        let expected: [Double] = [2, 1, 0, 1]
        #expect(h.heights == expected)
    }

    @Test("a shared legend holds every label once, below the panels, and nothing overlaps")
    func sharedLegend() throws {
        let (list, panels) = try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(Self.figure())
        #expect(panels.allSatisfy { $0.legend == nil })
        let labels = ["histogram", "density", "triangle", "segments", "filled", "hollow"]
        for label in labels {
            let items = list.texts.filter { $0.string == label }
            #expect(items.count == 1, "\(label)")
            #expect((items.first?.bounds.minY ?? 0) > panels[0].axes.maxY, "\(label) below the axes")
        }
        #expect(list.overlappingTexts().isEmpty)
        #expect(list.textsOutsidePage.isEmpty)
    }

    @Test("PNG: bars, area, polygon and markers are drawn where the data says")
    func pixels() throws {
        let backend = CairoBackend()
        let (list, panels) = try FigureRenderer(measurer: backend).renderWithGeometry(Self.figure())
        let png = try #require(PNGImage(try backend.render(list, format: .png, dpi: 72)))
        let left = panels[0].transform, right = panels[1].transform
        // Inside a bar: the first palette colour, lightened by its alpha, not white.
        let bar = left.page(-0.95, 0.2)
        #expect(png.rgb(Int(bar.x), Int(bar.y)) != (255, 255, 255))
        // Above every bar and the area: white.
        let above = left.page(0, 1.9)
        #expect(png.rgb(Int(above.x), Int(above.y)) == (255, 255, 255))
        // The polygon's inside is coloured, outside of it white.
        let inside = right.page(0, -0.5), outside = right.page(1.5, -0.5)
        #expect(png.rgb(Int(inside.x), Int(inside.y)) != (255, 255, 255))
        #expect(png.rgb(Int(outside.x), Int(outside.y)) == (255, 255, 255))
        // A filled marker is solid at its centre; a hollow one is white at its centre.
        let filled = right.page(0, 1.8), hollow = right.page(0, -1.8)
        #expect(png.rgb(Int(filled.x.rounded()), Int(filled.y.rounded())) != (255, 255, 255))
        #expect(png.rgb(Int(hollow.x.rounded()), Int(hollow.y.rounded())) == (255, 255, 255))
    }
}
