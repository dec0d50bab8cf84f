import Foundation
import LossFigures
import LossPlot
import LossPlotTesting
import LossPlotCairo
import Testing

@Suite("The coursework figure set")
struct CourseFigureTests {
    @Test("every figure lays out cleanly: texts inside the page and apart, curves inside the axes",
          arguments: CourseFigure.testable, [Theme.paper, .slides])
    func layout(figure: CourseFigure, theme: Theme) throws {
        guard let (list, panels) = try Self.drawn(figure, theme: theme) else { return }
        #expect(list.textsOutsidePage.isEmpty)
        let overlaps = list.overlappingTexts()
        #expect(overlaps.isEmpty, "\(overlaps.map { "\($0.0.string) × \($0.1.string)" })")
        #expect(list.texts.contains { $0.font.size == theme.titleSize }, "a title")
        for panel in panels {
            let bound = panel.axes.insetBy(-2 * theme.lineWidth - 0.01)
            for run in panel.curves { for p in run { #expect(bound.contains(p)) } }
            #expect(!panel.curves.isEmpty, "every panel draws something")
            if let legend = panel.legend {
                for text in list.texts where text.bounds.insetBy(0.6).intersects(legend) {
                    #expect(legend.insetBy(-0.5).contains(Point(text.bounds.minX, text.bounds.minY))
                            && legend.insetBy(-0.5).contains(Point(text.bounds.maxX, text.bounds.maxY)),
                            "\(text.string) runs under the legend")
                }
            }
        }
    }

    @Test("no legend crosses a curve", arguments: CourseFigure.testable, [Theme.paper, .slides])
    func legendsClear(figure: CourseFigure, theme: Theme) throws {
        guard let (_, panels) = try Self.drawn(figure, theme: theme) else { return }
        for panel in panels {
            guard let legend = panel.legend else { continue }
            let crossings = panel.curves.reduce(0) { count, run in
                count + run.indices.dropFirst().filter { legend.intersectsSegment(run[$0 - 1], run[$0]) }.count
            }
            #expect(crossings == 0)
        }
    }

    /// The figure drawn at the theme's size, or nil for one that FigureSizesTests lets need more
    /// room there (`figures` then draws it at the size its error names).
    static func drawn(_ figure: CourseFigure, theme: Theme) throws -> (DisplayList, [FigureRenderer.PanelGeometry])? {
        do {
            return try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(try figure.figure(theme: theme))
        } catch let error as LayoutError {
            let size: FigureSizesTests.Size = theme == .paper ? .doubleColumn : .slide
            guard theme != .paper, FigureSizesTests.tooLarge[size, default: []].contains(figure) else { throw error }
            #expect(error.description.contains("it fits at"))
            return nil
        }
    }

    @Test("names are stable kebab-case and resolve")
    func names() {
        for figure in CourseFigure.allCases {
            #expect(figure.name.allSatisfy { $0.isLowercase || $0 == "-" })
            #expect(CourseFigure(name: figure.name) == figure)
        }
        for figure in CourseFigure.testable { #expect(!figure.summary.isEmpty) }
        #expect(CourseFigure.allCases.count == 19)
    }

    @Test("rendering twice gives the same SVG and PDF bytes", arguments: [CourseFigure.gradientMagnitudeLog, .allGeneratorLosses, .stabilityFloatVsDouble])
    func deterministic(figure: CourseFigure) throws {
        let backend = CairoBackend()
        let renderer = FigureRenderer(measurer: backend)
        for format in [ImageFormat.svg, .pdf] {
            let a = try backend.render(try renderer.render(try figure.figure()), format: format, dpi: 150)
            let b = try backend.render(try renderer.render(try figure.figure()), format: format, dpi: 150)
            #expect(a == b)
        }
    }

    @Test("the committed figures/ are what the code draws now (run make figures after a change)",
          arguments: CourseFigure.testable)
    func committedFiguresAreCurrent(figure: CourseFigure) throws {
        // Compared by what the project controls: the pixels of the PNG, decoded, within a
        // tolerance for another version of cairo or FreeType antialiasing an edge differently
        // (not the bytes, which PNG, SVG and PDF writers stamp and order as they please).
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = try #require(PNGImage(Array(try Data(contentsOf: root.appendingPathComponent("figures/\(figure.name).png")))))
        let drawn = try #require(PNGImage(try FigureExporter(dpi: 150).render(try figure.figure(), formats: [.png])[0]))
        #expect(committed.width == drawn.width && committed.height == drawn.height)
        let difference = committed.difference(from: drawn)
        #expect(difference.meanAbsolute < 0.5 / 255 && difference.shareOver(32) < 0.001,
                "\(figure.name): mean difference \(difference.meanAbsolute * 255)/255, \(difference.shareOver(32) * 100)% of pixels off by more than 32/255")
    }
}

@Suite("gan-losses figures")
struct FiguresCLITests {
    @Test("writes the named figures in the named formats, one line per file and a count")
    func writes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gan-losses-figs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["figures", "--out", folder.path, "--only", "label-smoothing,gradient-vs-d", "--format", "png,svg"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.last == "4 files written to \(folder.path)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["gradient-vs-d.png", "gradient-vs-d.svg", "label-smoothing.png", "label-smoothing.svg"])
    }

    @Test("bad input: one line, exit 64", arguments: [
        (["figures", "--only", "nope"], "unknown figure 'nope'"),
        (["figures", "--format", "gif"], "unknown format 'gif'"),
        (["figures", "--out", "/nonexistent/deeper/figs"], "does not exist"),
        (["figures", "--dpi", "-3"], "outside 10 to 600"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let r = try Tool.run(arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
