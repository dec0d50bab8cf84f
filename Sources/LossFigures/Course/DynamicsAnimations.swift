public import Dynamics
import LossMath
public import LossPlot

/// The simulations as animations, for slides (`gan-losses simulate … -o run.gif`, or a PDF of
/// one page per frame for beamer): each an `Animation` whose frame k is a figure drawn from the
/// same runs as the static figure, up to the step frame k reaches.
///
/// A model plugs in with one function from a step to a figure (the state up to that step, on
/// axes that do not move); `Animation.growing(frames:steps:schedule:holdsLayout:figure:)` turns it
/// into frames.
extension DynamicsFigures {
    /// The DiracGAN's trajectories growing over the gradient fields: frame k of `frames` draws the
    /// paths up to step ⌈k · steps/(frames − 1)⌉, with a dot where the players stand; the last
    /// frame is the whole run.
    public static func diracAnimation(theme: Theme, experiment: DiracRuns = DiracRuns(), runs given: [DiracRuns.Run]? = nil,
                                      frames: Int) -> Animation {
        let runs = given ?? experiment.run()
        return Animation.growing(frames: frames, steps: experiment.steps) { step in
            diracFields(theme: theme, experiment: experiment, runs: runs, upToStep: step)
        }
    }

    /// The generator's gradient norms growing as the discriminator trains, on the static figure's
    /// log axes: frame k of `frames` draws the curves up to step ⌈steps^(k/(frames − 1))⌉, so that
    /// each frame covers the same stretch of the log axis.
    public static func gradientDecayAnimation(theme: Theme, summaries: [GradientDecay.Summary], runs: Int,
                                              frames: Int) -> Animation {
        Animation.growing(frames: frames, steps: max(1, summaries.last?.step ?? 1), schedule: .logarithmic) { step in
            gradientDecay(theme: theme, summaries: summaries, runs: runs, upToStep: step)
        }
    }

    /// The generator's samples over the data density as it trains, one panel per objective:
    /// frame k of `frames` shows the last snapshot at or before step ⌈k · steps/(frames − 1)⌉
    /// (the runs record one every twentieth of the run).
    public static func modeCollapseAnimation(theme: Theme, trainings: [MixtureComparison.Training], frames: Int) -> Animation {
        let steps = trainings.first?.model.steps ?? 1
        return Animation.growing(frames: frames, steps: steps) { step in
            modeCollapseFrame(theme: theme, trainings: trainings, step: step)
        }
    }

    /// One frame of ``modeCollapseAnimation(theme:trainings:frames:)``: a panel per objective, its
    /// last snapshot at or before `step`, on one y range for every snapshot of every objective.
    static func modeCollapseFrame(theme: Theme, trainings: [MixtureComparison.Training], step: Int) -> Figure {
        let data = trainings.first?.model ?? MixtureGAN(objective: .nonsat)
        let density: @Sendable (Double) -> Double = { x in
            data.centers.reduce(0) { $0 + Normal(mean: $1, standardDeviation: data.modeWidth).density(x) } / Double(data.centers.count)
        }
        func histogram(_ snapshot: MixtureGAN.Snapshot) -> Histogram {
            Histogram(label: "generator samples", samples: snapshot.samples, range: -4.5...4.5, bins: 90, color: theme.palette[0])
        }
        let tallest = max(trainings.flatMap { $0.snapshots.flatMap { histogram($0).heights } }.max() ?? 0, density(data.centers[0]))
        let yTop = (tallest * 1.08 / 0.5).rounded(.up) * 0.5
        var shown = 0
        let panels = trainings.enumerated().map { column, training in
            let snapshot = training.snapshots.last { $0.step <= step } ?? training.snapshots[0]
            shown = max(shown, snapshot.step)
            let marks: [Mark] = [
                .area(FilledArea(label: "data density", color: Color(hex: 0xBBBBBB), opacity: 0.5, density)),
                .histogram(histogram(snapshot)),
                .annotation(Annotation("\(snapshot.modesCovered)/\(data.centers.count) modes", at: Point(0.97, 0.92), anchor: Point(1, 1))),
            ]
            return Panel(title: training.objective.rawValue, x: Axis(label: "$x$", range: -4.5...4.5),
                         y: Axis(label: column == 0 ? "density" : nil, range: 0...yTop), marks: marks, legend: .none)
        }
        return Figure(width: 3.5 * Double(max(1, trainings.count)), height: 3.6,
                      title: "A 1-D mixture of four Gaussians: the generator's samples at step \(shown) of \(data.steps)",
                      panels: panels, columns: max(1, trainings.count), sharedLegend: true, theme: theme)
    }
}
