import ArgumentParser
import Foundation
@testable import GanLossesCommands
import LossFigures
import LossMath
import LossPlot
import LossPlotTesting
import LossPlotCairo
import Testing

@Suite("The loss figures")
struct LossFigureTests {
    static let defaults: [LossCurveFigure] = [
        LossCurveFigure(losses: [.minimax, .nonsat]),
        LossCurveFigure(losses: [.minimax, .nonsat], x: .logit, quantity: .grad),
        LossCurveFigure(losses: [.minimax, .nonsat], x: .logit, quantity: .grad, theme: .slides),
        LossCurveFigure(losses: [.minimax, .nonsat, .maxlik], x: .logit, quantity: .both),
        LossCurveFigure(losses: [.minimax, .nonsat, .maxlik], x: .logit, quantity: .both, theme: .slides),
        LossCurveFigure(losses: [.minimax, .nonsat], x: .logit, quantity: .grad, xRange: -30...5, yScale: .log),
        LossCurveFigure(losses: GeneratorLoss.allCases, x: .logit, quantity: .both),
    ]

    @Test("texts inside the page and not overlapping; curves clipped to the axes", arguments: defaults.indices)
    func layout(index: Int) throws {
        let figure = try Self.defaults[index].figure()
        let (list, panels) = try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(figure)
        #expect(list.textsOutsidePage.isEmpty)
        let overlaps = list.overlappingTexts()
        #expect(overlaps.isEmpty, "\(overlaps.map { "\($0.0.string) × \($0.1.string)" })")
        for panel in panels {
            let bound = panel.axes.insetBy(-2 * figure.theme.lineWidth - 0.01)  // the clip box allows for the line width
            for run in panel.curves { for p in run { #expect(bound.contains(p)) } }
        }
    }

    @Test("the legend crosses no curve in the default minimax/nonsat figures", arguments: [0, 1, 2])
    func legendClear(index: Int) throws {
        let (_, panels) = try FigureRenderer(measurer: CairoBackend()).renderWithGeometry(try Self.defaults[index].figure())
        let legend = try #require(panels[0].legend)
        for run in panels[0].curves {
            for i in run.indices.dropFirst() { #expect(!legend.intersectsSegment(run[i - 1], run[i])) }
        }
    }

    @Test("PNG: −σ(ℓ) and −σ(−ℓ) are drawn where they are")
    func pixels() throws {
        let backend = CairoBackend()
        let spec = Self.defaults[1]
        let (list, panels) = try FigureRenderer(measurer: backend).renderWithGeometry(try spec.figure())
        let png = try #require(PNGImage(try backend.render(list, format: .png, dpi: 150)))
        let scale = 150.0 / 72
        let t = panels[0].transform
        for l in [-2.0, 1.0, 6.0] {
            let blue = t.page(l, -Double.sigmoid(l)), red = t.page(l, -Double.sigmoid(-l))
            #expect(png.hasColor(near: blue.x * scale, blue.y * scale, Color(hex: 0x4477AA)), "minimax at ℓ = \(l)")
            // The non-saturating curve is dashed: look along a short stretch of it.
            let found = stride(from: l - 0.15, through: l + 0.15, by: 0.05).contains { x in
                let p = t.page(x, -Double.sigmoid(-x))
                return png.hasColor(near: p.x * scale, p.y * scale, Color(hex: 0xEE6677))
            }
            #expect(found, "non-saturating near ℓ = \(l) (\(red))")
        }
    }
}

@Suite("gan-losses plot")
struct PlotCLITests {
    static func temporaryFolder() throws -> URL { try Tool.temporaryFolder("plot") }

    @Test("with no -o it writes a PNG named after the losses and prints its path")
    func defaultOutput() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["plot", "--loss", "minimax,nonsat"], in: folder)
        #expect(r.status == 0)
        #expect(r.stdout == "minimax-nonsat-loss-vs-d.png\n")
        let bytes = try Data(contentsOf: folder.appendingPathComponent("minimax-nonsat-loss-vs-d.png"))
        #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test("extreme but valid ranges draw, found by the fuzz test", arguments: [
        ["--loss", "mm,ns", "--x-range=1e-300:2e-300", "--log-y"],
        // Eighteen games' legend needs 8.5 in on a slide (plot says so at 7.5).
        ["--loss", "all", "--y", "grad", "--x-range=1e-300:2e-300", "--theme", "slides", "--height", "8.5"],
        ["--loss", "lsgan,ragan", "--x", "logit", "--x-range", "-1e300:1e300"],
        ["--loss", "ns", "--x", "logit", "--x-range", "700:800", "--log-y"],
    ])
    func extremeRanges(arguments: [String]) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["plot"] + arguments + ["-o", "f.png"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(PNGImage(Array(try Data(contentsOf: folder.appendingPathComponent("f.png")))) != nil)
    }

    @Test("the same command writes the same SVG and PDF bytes in another process", arguments: ["svg", "pdf"])
    func deterministicAcrossProcesses(ext: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [Data] = []
        for name in ["a", "b"] {
            let path = folder.appendingPathComponent("\(name).\(ext)").path
            let r = try Tool.run(["plot", "--loss", "mm,ns,maxlik", "--y", "both", "--x", "logit", "-o", path])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].count > 1000)
    }

    @Test("bad input: one line, exit 64, and no file left behind", arguments: [
        (["--loss", "bogus"], "unknown loss 'bogus'"),
        (["--loss", "mm", "-o", "OUT.gif"], "unknown extension 'gif'"),
        (["--loss", "mm", "-o", "missing/f.png"], "does not exist"),
        (["--loss", "mm", "-o", "."], "is a folder"),
        (["--loss", "mm", "--x-range", "1:0"], "empty or reversed"),
        (["--loss", "mm", "--x-range", "0.5:0.5"], "empty or reversed"),
        (["--loss", "mm", "--x-range", "-1:1"], "is not within [0, 1]"),
        (["--loss", "mm", "--x-range", "abc"], "takes lo:hi"),
        (["--loss", "mm", "--log-y", "--y-range", "-1:1"], "non-positive"),
        (["--loss", "mm", "--width", "1000"], "outside 1 to 40"),
        (["--loss", "mm", "--dpi", "0"], "outside 10 to 1200"),
        (["--loss", "mm", "--width", "40", "--height", "40", "--dpi", "1200"], "more than the limit"),
        (["--loss", "mm", "--x", "p"], "p"),
        (["--loss", "mm", "--height", "-2"], "outside 1 to 40"),
        (["--loss", "lssigmoid", "--y-range", "-1e308:1e308"], "wider than the largest Double"),
        (["--loss", "ns", "--smoothing", "0.9"], "add --player d"),
        (["--loss", "ns,wgan", "--player", "d", "--smoothing", "0.9"], "wgan has no labels to smooth"),
        (["--loss", "ns", "--player", "d", "--smoothing", "1.5"], "outside [0, 1]"),
        (["--loss", "mm", "--x", "logit", "--mark", "12"], "--mark 12.0 lies outside the x range -10.0 to 10.0; widen it with --x-range"),
        (["--loss", "mm", "--x", "logit-d", "--mark=-10"], "--mark -10.0 is at D = σ(-10.0) = 4.5397868702434395e-05, which lies outside the x range 0.0001 to 0.9999"),
        (["--loss", "mm", "--mark", "inf"], "--mark inf is not a finite logit"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Tool.run(["plot"] + arguments.map { $0 == "OUT.gif" ? folder.appendingPathComponent("f.gif").path : $0 },
                             in: folder)
        let stderr = r.stderr
        #expect(r.status == 64, "\(arguments): \(stderr)")
        #expect(stderr.contains(message), "\(arguments): \(stderr)")
        #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written")
    }

    @Test("--mark ℓ: a dotted line at ℓ (σ(ℓ) on an axis of D) in every panel, and a dot on each curve at its value there",
          arguments: [LossCurveFigure.XVariable.logit, .d, .logD, .logitD])
    func mark(x: LossCurveFigure.XVariable) throws {
        let l = -2.5
        var spec = LossCurveFigure(losses: [.minimax, .nonsat, .lsgan], x: .logit, quantity: .both)
        if x != .logit { spec = LossCurveFigure(losses: [.minimax, .nonsat, .maxlik], x: x, quantity: .both) }
        spec.mark = l
        let at = x == .logit ? l : Double.sigmoid(l)
        let figure = try spec.figure()
        for (panel, quantity) in zip(figure.panels, [LossCurveFigure.Quantity.loss, .grad]) {
            let lines = panel.marks.compactMap { if case .verticalLine(let r) = $0 { r.at } else { nil } }
            #expect(lines == [at])
            let dots = panel.marks.compactMap { if case .scatter(let s) = $0 { s } else { nil } }
            // Each curve's value, where it is in view (lsgan's ½(ℓ − 1)² = 6.1 is above the loss panel).
            let view = try #require(panel.y.range)
            let expected = spec.losses.map { loss -> Double in
                let e = loss.evaluate(atLogit: l, parameters: spec.parameters)
                return quantity == .loss ? e.value : e.gradientLogit
            }.filter { view.contains($0) }
            #expect(expected.count >= 2)
            #expect(dots.map(\.x) == Array(repeating: [at], count: expected.count))
            for (dot, value) in zip(dots, expected) {
                let y = try #require(dot.y.first)
                #expect(abs(y - value) <= 1e-12 * max(1, abs(value)), "\(x) \(quantity): dot at \(y), the loss \(value)")
                #expect(dot.label == nil, "no legend entry")
            }
        }
    }

    @Test("--smoothing t draws the smoothed real half, t·softplus(−ℓ) + (1 − t)·softplus(ℓ), from tfgan's setting too")
    func smoothing() throws {
        for (setting, t) in [("0.9", 0.9), ("tfgan:0.25", 0.875)] {
            let command = try PlotCommand.parse(["--player", "d", "--loss", "ns", "--smoothing", setting])
            let parameters = command.specification.parameters
            #expect(parameters.realLabel == t)
            let real = GeneratorLoss.nonsat.discriminatorLoss(parameters: parameters)
            for l in [-3.0, 0, 2.5] {
                let expected = t * Double.softplus(-l) + (1 - t) * Double.softplus(l)
                #expect(abs(real.realValue(l) - expected) <= 1e-15 * expected, "t = \(t), ℓ = \(l)")
            }
        }
    }
}
