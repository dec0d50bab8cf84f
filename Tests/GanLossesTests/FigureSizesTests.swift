import Foundation
import LossFigures
import LossMath
import LossPlot
import LossPlotTesting
import LossPlotCairo
import Testing

/// Every figure at the four sizes a course or a paper needs: it fits (no text outside the page or
/// over other text, no legend over a curve, marker or annotation) or it fails with a
/// ``LayoutError`` that names what does not fit and the size at which it does.
@Suite("Figures at every size")
struct FigureSizesTests {
    /// A journal column, a page-wide strip, a 4:3 and a 16:9 slide.
    enum Size: String, CaseIterable, CustomTestStringConvertible {
        case column, doubleColumn, slide, wideSlide

        var theme: Theme {
            switch self {
            case .column, .doubleColumn: .paper
            case .slide: .slides
            case .wideSlide: .slidesWide
            }
        }

        /// Inches, or nil for the theme's page.
        var inches: (Double, Double)? {
            switch self {
            case .column: (3.3, 2.5)
            case .doubleColumn: (7, 3)
            case .slide, .wideSlide: nil
            }
        }

        var testDescription: String { rawValue }
    }

    /// The figures that cannot hold their panels at a size, each with the reason it is accepted:
    /// everything else must fit.
    static let tooLarge: [Size: Set<CourseFigure>] = [
        // Two to twelve panels, or a y label and a legend that leave less than ¾ in of axes in
        // 2.5 in of height: the error names the height at which each fits at 3.3 in wide.
        .column: [.gradientVsD, .allGeneratorLosses, .discriminatorLosses, .stabilityFloatVsDouble,
                  .leastSquaresRawVsSigmoid, .wassersteinVsJS, .optimalDVsCritic, .gradientPenalty, .lipschitz,
                  .diracVectorFields, .generatorGradientDecay, .modeCollapse, .earthMoversDistance, .fganGeneratorGradients,
                  .relativisticLosses],
        // Two rows of four panels, three panels with three legends, nine phase portraits, twelve
        // histograms, two stacked panels: more than 3 in of height.
        .doubleColumn: [.allGeneratorLosses, .gradientPenalty, .diracVectorFields, .modeCollapse, .generatorGradientDecay],
        // Three panels with three legends at 18-point text: `figures` draws it 0.8 in taller.
        // Nine square phase portraits, each titled with its game and its eigenvalues (two lines
        // at 18 points): three rows of three leave axes 0.48 in square on a 4:3 slide, and rows
        // of five cannot hold "instance noise, σ = 1" in 2 in; `figures` draws it 10 × 9.1 in.
        // A 16:9 slide holds two rows of five.
        .slide: [.gradientPenalty, .diracVectorFields],
        .wideSlide: [.gradientPenalty],
    ]

    static func check(_ figure: Figure, _ what: String) throws -> Bool {
        do {
            let (list, panels) = try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(figure)
            #expect(list.textsOutsidePage.isEmpty, "\(what): \(list.textsOutsidePage.map(\.string))")
            let overlaps = list.overlappingTexts()
            #expect(overlaps.isEmpty, "\(what): \(overlaps.map { "\($0.0.string) × \($0.1.string)" })")
            for panel in panels {
                guard let legend = panel.legend else { continue }
                let crossings = panel.curves.reduce(0) { count, run in
                    count + run.filter { legend.contains($0) }.count
                        + run.indices.dropFirst().filter { legend.intersectsSegment(run[$0 - 1], run[$0]) }.count
                }
                #expect(crossings == 0, "\(what): the legend covers \(crossings) curve points or segments")
                #expect(panel.legendCovers == 0, "\(what): the legend covers \(panel.legendCovers) things")
            }
            return true
        } catch let error as LayoutError {
            #expect(error.description.contains("it fits at"), "\(what): \(error)")
            #expect(!error.description.contains("\n"))
            return false
        }
    }

    @Test("each course figure fits or says why", arguments: CourseFigure.testable, Size.allCases)
    func courseFigure(figure: CourseFigure, size: Size) throws {
        let spec = try figure.figure(theme: size.theme, width: size.inches?.0, height: size.inches?.1)
        let fits = try Self.check(spec, "\(figure.name) at \(size.rawValue)")
        let allowedToFail = Self.tooLarge[size, default: []].contains(figure)
        #expect(fits || allowedToFail, "\(figure.name) must fit at \(size.rawValue)")
    }

    /// A `plot` figure, named by its flags in the test report.
    struct PlotCase: CustomTestStringConvertible, Sendable {
        var figure: LossCurveFigure
        var testDescription: String {
            "--loss \(figure.losses.map(\.id).joined(separator: ",")) --y \(figure.quantity.rawValue) --x \(figure.x.rawValue) --y-scale \(figure.yScale.rawValue)"
        }
    }

    @Test("plot's figures fit at every size", arguments: [
        LossCurveFigure(losses: [.minimax, .nonsat]),
        LossCurveFigure(losses: [.minimax, .nonsat], x: .logit, quantity: .grad),
        LossCurveFigure(losses: [.minimax, .nonsat, .maxlik], x: .logit, quantity: .both),
        LossCurveFigure(losses: [.minimax, .nonsat], x: .logD, quantity: .gradD, yScale: .symlog),
        LossCurveFigure(losses: [.minimax, .nonsat], x: .logitD, quantity: .grad, yScale: .log),
        LossCurveFigure(losses: GeneratorLoss.allCases.filter { $0.fDivergence == nil }, x: .logit, quantity: .grad),
        LossCurveFigure(losses: GeneratorLoss.allCases.filter { $0.fDivergence != nil }, x: .logit, quantity: .grad),
    ].map(PlotCase.init), Size.allCases)
    func plot(case plotCase: PlotCase, size: Size) throws {
        var figure = plotCase.figure
        figure.theme = size.theme
        (figure.width, figure.height) = (size.inches?.0, size.inches?.1)
        let what = "\(figure.losses.map(\.id)) \(figure.quantity) vs \(figure.x) at \(size.rawValue)"
        let fits = try Self.check(try figure.figure(), what)
        // Only the stacked pair (in 3 in or less of height) and all eight losses (in a journal
        // column) may need more room.
        let mayFail = size == .column && figure.losses.count > 3
            || (size == .column || size == .doubleColumn) && figure.quantity == .both
        #expect(fits || mayFail, "\(what) must fit")
    }

    @Test("figures --legend places every legend, or none; a bad place is one line and exit 64")
    func figuresLegend() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gan-losses-legend-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func texts(_ legend: [String]) throws -> [String] {
            let r = try Tool.run(["figures", "--only", "label-smoothing", "--format", "svg", "--out", folder.path] + legend)
            #expect(r.status == 0, "\(r.stderr)")
            let svg = try String(contentsOf: folder.appendingPathComponent("label-smoothing.svg"), encoding: .utf8)
            return svg.components(separatedBy: "<text").dropFirst().map { String($0.prefix(200)) }
        }
        let own = try texts([]), none = try texts(["--legend", "none"]), outside = try texts(["--legend", "outside"])
        #expect(none.count < own.count, "the legend's labels are gone")
        #expect(outside.count == own.count)
        let bad = try Tool.run(["figures", "--only", "label-smoothing", "--legend", "sideways", "--out", folder.path])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--legend sideways is not a place; give best, none, outside, upper-right"))
        #expect(bad.stderr.split(separator: "\n").count == 1)
    }
}
