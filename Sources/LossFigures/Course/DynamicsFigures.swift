public import Dynamics
import LossMath
public import LossPlot
import Dispatch
import Synchronization

/// Training dynamics: the DiracGAN's gradient fields and trajectories, and the decay of the
/// generator's gradient as the discriminator is trained (also drawn by `gan-losses simulate`).
public enum DynamicsFigures {
    /// One panel per game: the field (direction only) and the experiment's gradient steps from
    /// (θ, ψ) = (1, 1), simultaneous and alternating; the equilibrium (0, 0) marked.
    public static func diracFields(theme: Theme, experiment: DiracRuns = DiracRuns(), runs given: [DiracRuns.Run]? = nil) -> Figure {
        let p = theme.palette
        let runs = given ?? experiment.run()
        let grid = stride(from: -2.0, through: 2.0, by: 0.4).map { $0 }
        var panels: [Panel] = []
        for game in experiment.games {
            let gan = DiracGAN(game: game)
            var points: [Point] = [], vectors: [Point] = []
            for theta in grid {
                for psi in grid {
                    let v = gan.field(theta: theta, psi: psi)
                    points.append(Point(theta, psi))
                    vectors.append(Point(v.dTheta, v.dPsi))
                }
            }
            var marks: [Mark] = [.arrows(ArrowSet(label: nil, points: points, vectors: vectors, color: Color(hex: 0xAAAAAA)))]
            for (i, schedule) in DiracGAN.Schedule.allCases.enumerated() {
                guard let path = runs.first(where: { $0.game == game && $0.schedule == schedule })?.path else { continue }
                marks.append(.line(DataLine(label: "\(schedule.rawValue) steps", x: path.map(\.theta), y: path.map(\.psi),
                                            style: SeriesStyle(color: p[i], dash: i == 0 ? .solid : .dashed, width: 1.2))))
            }
            let start = DiracRuns.start
            marks.append(.scatter(Scatter(label: "start (1, 1)", x: [start.theta], y: [start.psi], color: .black, size: 6)))
            marks.append(.scatter(Scatter(label: "equilibrium (0, 0)", x: [0], y: [0], color: .black, size: 7, hollow: true)))
            panels.append(Panel(title: game.title, x: Axis(label: "generator $\\theta$", range: -2.2...2.2),
                                y: Axis(label: "discriminator $\\psi$", range: -2.2...2.2), marks: marks))
        }
        let columns = min(3, panels.count)
        let rows = (panels.count + columns - 1) / columns
        return Figure(width: 4 * Double(columns), height: 0.6 + 4 * Double(rows),
                      title: "DiracGAN: gradient fields and \(experiment.steps) steps of size \(experiment.learningRate) (Mescheder et al. 2018)",
                      panels: panels, columns: columns, sharedLegend: true, theme: theme)
    }

    /// The generator's gradient norm under minimax and non-saturating losses while the
    /// discriminator trains against a fixed generator.
    public static func gradientDecay(theme: Theme, records all: [GradientDecay.Record] = GradientDecay().run(steps: 3000)) -> Figure {
        let records = Array(all.dropFirst())  // step 0: D is constant, no gradient
        let steps = records.map { Double($0.step) }
        let last = Double(max(records.last?.step ?? 2, 2))
        let marks: [Mark] = [
            .line(DataLine(label: "minimax $\\|\\partial L_G/\\partial\\mu\\|$", x: steps, y: records.map(\.minimaxGradientNorm))),
            .line(DataLine(label: "non-saturating", x: steps, y: records.map(\.nonsatGradientNorm))),
            .annotation(Annotation("as the discriminator improves, the minimax gradient\nshrinks while the non-saturating one grows",
                                   at: Point(0.97, 0.55), anchor: Point(1, 0.5))),
        ]
        let loss: [Mark] = [
            .line(DataLine(label: "discriminator BCE", x: steps, y: records.map(\.discriminatorLoss),
                           style: SeriesStyle(color: theme.palette[2], dash: .dashDot))),
        ]
        return Figure(width: 7, height: 6.4, title: "The generator's gradient while the discriminator trains",
                      panels: [Panel(x: Axis(label: "discriminator steps", scale: .log, range: 1...last),
                                     y: Axis(label: "generator gradient norm", scale: .log), marks: marks),
                               Panel(x: Axis(label: "discriminator steps", scale: .log, range: 1...last),
                                     y: Axis(label: "discriminator loss", scale: .log), marks: loss, legend: .fixed(.upperRight))],
                      columns: 1, sharesX: true, theme: theme)
    }

    /// The trainings of the mode-collapse figure: computed once per process, the objectives on
    /// queues of their own (they share nothing, so the results are those of one at a time).
    static let mixtureTrainings: [MixtureComparison.Training] = {
        let experiment = MixtureComparison()
        let results = Mutex([MixtureComparison.Training?](repeating: nil, count: experiment.objectives.count))
        let done = DispatchGroup()
        for (i, objective) in experiment.objectives.enumerated() {
            done.enter()
            DispatchQueue(label: "mixture-\(objective)").async {
                let training = experiment.train(objective)
                results.withLock { $0[i] = training }
                done.leave()
            }
        }
        done.wait()
        return results.withLock { $0.map { $0! } }
    }()

    /// Rows: objectives; columns: training steps; each panel the generator's samples over the data
    /// density, titled with the number of modes covered (measured on the samples).
    public static func modeCollapse(theme: Theme, trainings given: [MixtureComparison.Training]? = nil) -> Figure {
        let trainings = given ?? mixtureTrainings
        let objectives = trainings.map(\.objective)
        let all = trainings.map(\.figureSnapshots)
        let data = trainings.first?.model ?? MixtureGAN(objective: .nonsat)
        let density: @Sendable (Double) -> Double = { x in
            data.centers.reduce(0) { $0 + Normal(mean: $1, standardDeviation: data.modeWidth).density(x) } / Double(data.centers.count)
        }
        var panels: [Panel] = []
        for (objective, snapshots) in zip(objectives, all) {
            for snap in snapshots {
                let marks: [Mark] = [
                    .area(FilledArea(label: "data density", color: Color(hex: 0xBBBBBB), opacity: 0.5, density)),
                    .histogram(Histogram(label: "generator samples", samples: snap.samples, range: -4.5...4.5, bins: 90,
                                         color: theme.palette[0])),
                ]
                panels.append(Panel(title: "\(objective.rawValue), step \(snap.step): \(snap.modesCovered)/\(data.centers.count) modes",
                                    x: Axis(label: "$x$", range: -4.5...4.5), y: Axis(range: 0...2.6), marks: marks,
                                    legend: .none))
            }
        }
        let columns = max(1, all.first?.count ?? 1)
        return Figure(width: 3.5 * Double(columns), height: 0.9 + 2.6 * Double(max(objectives.count, 1)),
                      title: "A 1-D mixture of four Gaussians: which modes the generator covers as it trains",
                      panels: panels, columns: columns, sharesX: true, sharedLegend: true, theme: theme)
    }
}
