import Dynamics
import Foundation
@testable import LossFigures
import LossPlot
import LossPlotCairo
import LossPlotTesting
import Testing

/// The animations of the simulations: what each frame shows, and the GIF of the DiracGAN
/// against its frames drawn as PNGs.
@Suite("Dynamics animations")
struct DynamicsAnimationTests {
    static let experiment = DiracRuns(games: [.minimax, .r1], steps: 60)

    static func lines(_ figure: Figure) -> [[DataLine]] {
        figure.panels.map { panel in panel.marks.compactMap { if case .line(let l) = $0 { l } else { nil } } }
    }

    @Test("DiracGAN frame k draws the paths up to step ⌈k · steps/(n − 1)⌉ and says so; the last the whole run")
    func diracFrames() throws {
        let runs = Self.experiment.run()
        let animation = DynamicsFigures.diracAnimation(theme: .paper, experiment: Self.experiment, runs: runs, frames: 8)
        #expect(animation.frameCount == 8)
        for k in 0..<8 {
            let step = (k * 60 + 6) / 7
            let figure = try animation.frame(k)
            #expect(figure.title?.hasPrefix("DiracGAN: step \(step) of 60") == true, "\(figure.title ?? "")")
            for line in Self.lines(figure).joined() { #expect(line.x.count == step + 1) }
        }
        // The static figure is unchanged by the frames' option: the whole paths, its own title.
        let whole = DynamicsFigures.diracFields(theme: .paper, experiment: Self.experiment, runs: runs)
        #expect(whole.title == DynamicsFigures.diracTitle(Self.experiment))
        #expect(whole.title?.hasPrefix("DiracGAN: 60 steps of 0.1 from (1, 1)") == true, "\(whole.title ?? "")")
        let last = try animation.frame(7)
        #expect(Self.lines(last).map { $0.map(\.x) } == Self.lines(whole).map { $0.map(\.x) })
        #expect(last.width == whole.width && last.height == whole.height)
    }

    @Test("gradient decay frames grow on log steps, on the whole run's axes and labels")
    func decayFrames() throws {
        var decay = GradientDecay()
        decay.runs = 1
        let summaries = decay.run(steps: 1000)
        let animation = DynamicsFigures.gradientDecayAnimation(theme: .paper, summaries: summaries, runs: 1, frames: 4)
        let ends = try (0..<4).map { try Self.lines(animation.frame($0))[0][0].x.last! }
        #expect(ends == [1, 10, 100, 1000])
        let whole = DynamicsFigures.gradientDecay(theme: .paper, summaries: summaries, runs: 1)
        for k in 0..<4 {
            let frame = try animation.frame(k)
            #expect(frame.title == whole.title && frame.panels[0].x.range == whole.panels[0].x.range)
            #expect(Self.lines(frame)[0].map(\.label) == Self.lines(whole)[0].map(\.label))
        }
    }

    @Test("ring frames: a panel per objective, the last snapshot at or before the frame's step, one view")
    func ringFrames() throws {
        let experiment = RingComparison(objectives: [.nonsat, .wgangp], steps: 8) { gan in
            gan.generatorHidden = [8]; gan.discriminatorHidden = [8]; gan.batch = 16; gan.evaluationSamples = 100
        }
        let trainings = experiment.run()
        let animation = DynamicsFigures.modeCollapseAnimation(theme: .paper, trainings: trainings, frames: 5)
        // Frames at steps 0, 2, 4, 6, 8; snapshots at every step from 1 (the first frame shows step 1).
        let steps = try (0..<5).map { k in try animation.frame(k).panels.map { $0.title!.components(separatedBy: ":")[0] } }
        #expect(steps == [["nonsat, 1", "wgan-gp, 1"], ["nonsat, 2", "wgan-gp, 2"], ["nonsat, 4", "wgan-gp, 4"],
                          ["nonsat, 6", "wgan-gp, 6"], ["nonsat, 8", "wgan-gp, 8"]])
        #expect(Set(try (0..<5).map { try animation.frame($0).panels[0].y.range! }).count == 1)
    }

    @Test("the DiracGAN GIF: its frames are the PNG frames up to the palette's quantization error (measured)")
    func diracGIFPixels() throws {
        let animation = DynamicsFigures.diracAnimation(theme: .paper, experiment: Self.experiment, frames: 4)
        let gif = try GIFAnimation(try AnimationExporter(dpi: 100).render(animation, format: .gif))
        #expect(gif.frames.count == 4)
        var worst = 0, mean = 0.0, over8 = 0.0
        try gif.forEachScreen { k, screen in
            let png = try #require(PNGImage(try FigureExporter(dpi: 100).render(try animation.frame(k), formats: [.png])[0]))
            try #require((png.width, png.height) == (gif.width, gif.height), "frame \(k): drawn \(png.width) × \(png.height) now")
            let d = png.difference(fromScreen: screen, over: 8)
            worst = max(worst, d.worst)
            mean = max(mean, d.mean)
            over8 = max(over8, d.shareOver)
        }
        print("dirac gif: largest channel error \(worst), mean \(mean), share of pixels over 8 levels \(over8)")
        // Measured (2 games, 60 steps, titles with their eigenvalues): 9 levels at most (one
        // pixel, 2.7·10⁻⁶ of a frame), 0.039 on average.
        #expect(worst <= 10 && mean < 0.05 && over8 < 1e-5, "largest \(worst), mean \(mean), over 8 \(over8)")
    }

    @Test("the committed figures/dirac-trajectories.gif is what the code draws now (run make figures after a change)")
    func committedGIF() throws {
        // Its frames against PNGs of the same frames drawn now: a few frames, by their pixels,
        // within the palette's error and a tolerance for another cairo's antialiasing.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let gif = try GIFAnimation(Array(try Data(contentsOf: root.appendingPathComponent("figures/dirac-trajectories.gif"))))
        #expect(gif.frames.count == 40 && gif.loopCount == 0)
        let animation = DynamicsFigures.diracAnimation(theme: .paper, experiment: DiracRuns(games: [.minimax, .nonsat, .r1]), frames: 40)
        try gif.forEachScreen { k, screen in
            guard [0, 13, 39].contains(k) else { return }
            let png = try #require(PNGImage(try FigureExporter(dpi: 100).render(try animation.frame(k), formats: [.png])[0]))
            try #require((png.width, png.height) == (gif.width, gif.height), "frame \(k): drawn \(png.width) × \(png.height) now")
            let d = png.difference(fromScreen: screen, over: 32)
            #expect(d.mean < 0.5 && d.shareOver < 0.001, "frame \(k): mean \(d.mean), \(d.shareOver) of the pixels off by more than 32")
        }
    }
}
