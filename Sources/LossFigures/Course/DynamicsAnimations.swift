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

    /// The ring trainings as they go: a panel per objective, its last recorded snapshot (every
    /// twentieth of the run) at or before the frame's step, on the view of every snapshot.
    public static func modeCollapseAnimation(theme: Theme, trainings: [RingComparison.Training], frames: Int) -> Animation {
        let steps = trainings.first?.model.steps ?? 1
        return Animation.growing(frames: frames, steps: steps) { step in
            modeCollapseFrame(theme: theme, trainings: trainings, step: step)
        }
    }

    /// One frame of ``modeCollapseAnimation(theme:trainings:frames:)``: a panel per objective, its
    /// last snapshot at or before `step`, on the view of all the snapshots given (the explorer's
    /// live training draws the snapshots so far with it).
    public static func modeCollapseFrame(theme: Theme, trainings: [RingComparison.Training], step: Int) -> Figure {
        guard let data = trainings.first?.model.data else {
            return Figure(title: "Mode collapse: no objective trained", panels: [], theme: theme)
        }
        let reach = ringReach(data, trainings.flatMap(\.snapshots))
        let panels = trainings.map { training in
            var panel = ringPanel(training.snapshots.last { $0.step <= step } ?? training.snapshots[0], data: data, reach: reach,
                                  theme: theme, label: nil)
            panel.title = "\(training.objective.rawValue), " + (panel.title ?? "")
            return panel
        }
        var figure = Figure(width: 2.6 * Double(max(1, trainings.count)), height: 3.2,
                            title: "Mode collapse on \(countWord(data.centers.count)) Gaussians (grey). Objective, step: modes covered, samples within 3σ",
                            panels: panels, columns: max(1, trainings.count), theme: theme)
        figure.axesAspect = 1
        return figure
    }
}
