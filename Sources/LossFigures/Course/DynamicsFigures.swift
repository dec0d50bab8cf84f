import Glibc
public import Dynamics
import LossMath
public import LossPlot
import Dispatch
import Synchronization

/// Training dynamics: the DiracGAN's gradient fields and trajectories, and the decay of the
/// generator's gradient as the discriminator is trained (also drawn by `gan-losses simulate`).
public enum DynamicsFigures {
    /// One panel per game: the field (direction only) and the experiment's gradient steps from
    /// (θ, ψ) = (1, 1), simultaneous and alternating; the equilibrium (0, 0) marked; each panel
    /// titled with its game and the eigenvalues of the field's Jacobian there
    /// (``eigenvalueText(_:)``, from ``DiracGAN/jacobianAtEquilibrium``). Nine games fill three
    /// rows of three, on a 16:9 slide two rows of five.
    ///
    /// With `upToStep`, a frame of an animation (``diracAnimation(theme:experiment:runs:frames:)``):
    /// the paths drawn up to that step, a dot where each stands (after step 0), and the step in the title.
    public static func diracFields(theme: Theme, experiment: DiracRuns = DiracRuns(), runs given: [DiracRuns.Run]? = nil,
                                   upToStep: Int? = nil) -> Figure {
        let p = theme.palette
        let projected = theme.isForProjection
        let runs = given ?? experiment.run()
        // Arrows every 0.4 on paper; on a slide, where an arrow is as long and the axes smaller, every 0.8.
        let grid = stride(from: -2.0, through: 2.0, by: projected ? 0.8 : 0.4).map { $0 }
        var panels: [Panel] = []
        for game in experiment.games {
            let gan = experiment.field(of: game)
            var points: [Point] = [], vectors: [Point] = []
            for theta in grid {
                for psi in grid {
                    let v = gan.field(theta: theta, psi: psi)
                    points.append(Point(theta, psi))
                    vectors.append(Point(v.dTheta, v.dPsi))
                }
            }
            var marks: [Mark] = [.arrows(ArrowSet(label: nil, points: points, vectors: vectors, color: Color(hex: 0xAAAAAA)))]
            // Alternating steps solid and first: on a closed orbit they go round several times, and
            // dashes laid over each other would look solid. Simultaneous steps, which never retrace
            // their path, dashed on top, so that both show where the two paths coincide.
            for schedule in [DiracGAN.Schedule.alternating, .simultaneous] {
                guard let whole = runs.first(where: { $0.game == game && $0.schedule == schedule })?.path else { continue }
                let path = upToStep.map { whole.prefix(max(0, $0) + 1) } ?? whole[...]
                let style = schedule == .simultaneous ? SeriesStyle(color: p[0], dash: .dashed, width: 1.2)
                    : SeriesStyle(color: p[1], dash: .solid, width: 1.2)
                // On a slide the legend takes one row: the labels without "steps" and the points.
                marks.append(.line(DataLine(label: projected ? schedule.rawValue : "\(schedule.rawValue) steps", x: path.map(\.theta), y: path.map(\.psi), style: style)))
            }
            let start = DiracRuns.start
            marks.append(.scatter(Scatter(label: projected ? "start" : "start (1, 1)", x: [start.theta], y: [start.psi], color: .black, size: 6)))
            marks.append(.scatter(Scatter(label: projected ? "equilibrium" : "equilibrium (0, 0)", x: [0], y: [0], color: .black, size: 7, hollow: true)))
            if let upToStep, upToStep > 0 {
                // Where each schedule's players stand at this step, over everything else (at
                // step 0 the start marker shows it).
                for (schedule, color) in [(DiracGAN.Schedule.alternating, p[1]), (.simultaneous, p[0])] {
                    guard let whole = runs.first(where: { $0.game == game && $0.schedule == schedule })?.path,
                          let here = whole.prefix(max(0, upToStep) + 1).last else { continue }
                    marks.append(.scatter(Scatter(label: nil, x: [here.theta], y: [here.psi], color: color, size: 5)))
                }
            }
            // On a slide the axes are short for a vertical "discriminator ψ" at 18 pt: the title
            // names the players there.
            panels.append(Panel(title: gan.title + "\n" + eigenvalueText(gan.jacobianAtEquilibrium),
                                x: Axis(label: projected ? "$\\theta$" : "generator $\\theta$", range: -2.2...2.2),
                                y: Axis(label: projected ? "$\\psi$" : "discriminator $\\psi$", range: -2.2...2.2), marks: marks))
        }
        // On a slide, where two-line titles at 18 points leave three rows too short, rows of five
        // sharing their y axis. In rows of five the last row is not full and the panel above a
        // gap shows its x axis anyway: there every panel shows its own.
        let wide = projected && theme.pageWidth / theme.pageHeight > 1.5 && panels.count > 6
        let columns = min(wide ? 5 : 3, panels.count)
        let rows = (panels.count + columns - 1) / columns
        var title = diracTitle(experiment, projected: projected)
        if let upToStep {
            // A frame: the step reached, in place of the run's length.
            title = title.replacing("\(experiment.steps) steps of", with: "step \(min(max(0, upToStep), experiment.steps)) of \(experiment.steps), steps of")
        }
        var figure = Figure(width: 4 * Double(columns), height: 0.8 + 3.9 * Double(rows),
                            title: title, panels: panels, columns: columns,
                            sharesX: panels.count % columns == 0, sharedLegend: true, theme: theme)
        figure.sharesY = projected
        figure.axesAspect = 1
        return figure
    }

    /// The title of ``diracFields(theme:experiment:runs:)``: the steps, what λ is, and the game
    /// under each regularizer drawn; on a slide (`projected`) one line naming the players.
    static func diracTitle(_ experiment: DiracRuns, projected: Bool = false) -> String {
        let steps = "\(experiment.steps) steps of \(String(cFormat: "%g", experiment.learningRate))"
        if projected { return "DiracGAN, generator θ, discriminator ψ: \(steps)" }
        var title = "DiracGAN: \(steps) from (1, 1); λ: eigenvalues of the Jacobian at (0, 0)"
        var bases: [String] = []
        let onMinimax = experiment.games.filter { $0.generatorLoss == .minimax && $0 != .minimax }
        let onNonsat = experiment.games.filter { $0.generatorLoss == .nonsat && $0 != .nonsat }
        if !onMinimax.isEmpty { bases.append(Self.names(onMinimax) + " on the minimax GAN") }
        if !onNonsat.isEmpty { bases.append("R1 on the non-saturating GAN") }
        if !bases.isEmpty {
            let rest = bases.joined(separator: ", ")
            title += "\n" + rest.prefix(1).uppercased() + rest.dropFirst()
        }
        return title
    }

    /// "consensus and instance noise": the regularizers of `games` in words.
    private static func names(_ games: [DiracGAN.Game]) -> String {
        let words = games.map { game -> String in
            switch game {
            case .consensus: "consensus"
            case .instanceNoise: "instance noise"
            case .minimax, .nonsat, .wgan, .wgangp, .r1Weak, .r1, .r1Strong: game.title
            }
        }
        return words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words.last!
    }

    /// The eigenvalues of J in two significant digits: "λ = ±0.5i", "λ = −0.25 ± 0.43i",
    /// "λ = −0.086, −2.9", "λ = −0.5 (double)"; for no J (WGAN-GP's kink at ψ = 0) "no λ: a kink".
    public static func eigenvalueText(_ jacobian: Matrix2?) -> String {
        guard let jacobian else { return "no λ: a kink" }
        let e = jacobian.eigenvalues
        // Two digits, but whole numbers from 100 on (−100, not −1e+02).
        func f(_ x: Double) -> String { String(cFormat: abs(x) >= 99.5 ? "%.0f" : "%.2g", x).replacing("-", with: "−") }
        func imaginary(_ x: Double) -> String { f(x) == "1" ? "i" : f(x) + "i" }
        if e[0].im > 0 {
            return f(e[0].re) == "0" || f(e[0].re) == "−0" ? "λ = ±" + imaginary(e[0].im)
                : "λ = \(f(e[0].re)) ± \(imaginary(e[0].im))"
        }
        return e[0].re == e[1].re ? "λ = \(f(e[0].re)) (double)" : "λ = \(f(e[0].re)), \(f(e[1].re))"
    }

    /// The runs of the generator-gradient-decay figure: computed once per process.
    static let decaySummaries = GradientDecay().run(steps: GradientDecay.defaultSteps)

    /// Arjovsky & Bottou's Figures 2 and 3 in one: the generator's gradient norm under the minimax
    /// and the non-saturating losses while a discriminator trains against a fixed generator
    /// (geometric means over the runs, their range shaded), and the discriminator's BCE; log axes.
    /// The labels and the title say what the curves do, measured on them (``DecayShape``).
    ///
    /// With `upToStep`, a frame of an animation (``gradientDecayAnimation(theme:summaries:runs:frames:)``):
    /// the curves up to that step, the axes, labels and title those of the whole run.
    public static func gradientDecay(theme: Theme, summaries given: [GradientDecay.Summary]? = nil,
                                     runs: Int = GradientDecay().runs, upToStep: Int? = nil) -> Figure {
        let all = Array((given ?? decaySummaries).dropFirst())  // step 0: D is constant, no gradient
        let summaries = upToStep.map { step in all.filter { $0.step <= step } } ?? all
        let steps = summaries.map { Double($0.step) }
        let last = Double(max(all.last?.step ?? 2, 2))
        let shape = DecayShape(all)
        func band(_ spread: KeyPath<GradientDecay.Summary, GradientDecay.Spread>, _ color: Color) -> Mark {
            let upper = summaries.map { Point(Double($0.step), $0[keyPath: spread].high) }
            let lower = summaries.reversed().map { Point(Double($0.step), $0[keyPath: spread].low) }
            return .polygon(DataPolygon(label: nil, points: upper + lower, color: color.withAlpha(0.25)))
        }
        let marks: [Mark] = [
            band(\.minimax, theme.palette[0]), band(\.nonsat, theme.palette[1]),
            .line(DataLine(label: "minimax" + (shape.map { ": " + $0.minimax } ?? ""),
                           x: steps, y: summaries.map(\.minimax.mean), style: SeriesStyle(color: theme.palette[0]))),
            .line(DataLine(label: "non-saturating" + (shape.map { ": " + $0.nonsat } ?? ""),
                           x: steps, y: summaries.map(\.nonsat.mean), style: SeriesStyle(color: theme.palette[1]))),
        ]
        let loss: [Mark] = [
            .line(DataLine(label: "discriminator BCE", x: steps, y: summaries.map(\.discriminatorLoss),
                           style: SeriesStyle(color: theme.palette[2], dash: .dashDot))),
        ]
        let title = "The generator's gradient while the discriminator trains" + (runs > 1 ? " (\(runs) runs; shaded: their range)" : "")
        return Figure(width: 7, height: 6.4, title: title,
                      panels: [Panel(title: shape?.ratio, x: Axis(label: "discriminator steps (Adam)", scale: .log, range: 1...last),
                                     y: Axis(label: #"$\|\partial L_G/\partial\mu\|$"#, scale: .log), marks: marks),
                               Panel(x: Axis(label: "discriminator steps (Adam)", scale: .log, range: 1...last),
                                     y: Axis(label: "discriminator loss", scale: .log), marks: loss, legend: .best)],
                      columns: 1, sharesX: true, theme: theme)
    }

    /// The shape of the two mean gradient curves of ``gradientDecay(theme:summaries:)``, from
    /// step 1 on (at step 0 the discriminator is constant and both gradients are 0).
    struct DecayShape {
        /// The step of the minimax gradient's largest value, and that value over the last one.
        var minimaxPeakStep: Int, minimaxFall: Double
        /// The non-saturating gradient's last value over its first.
        var nonsatRise: Double
        /// Whether the non-saturating gradient never falls from one step to the next.
        var nonsatMonotone: Bool
        /// The last step, and the non-saturating gradient over the minimax one there.
        var lastStep: Int, finalRatio: Double

        /// Nil for fewer than two summaries after step 0.
        init?(_ summaries: [GradientDecay.Summary]) {
            let r = summaries.filter { $0.step > 0 }
            guard r.count >= 2, let first = r.first, let last = r.last else { return nil }
            let peak = r.max { $0.minimax.mean < $1.minimax.mean }!
            minimaxPeakStep = peak.step
            minimaxFall = peak.minimax.mean / last.minimax.mean
            nonsatRise = last.nonsat.mean / first.nonsat.mean
            nonsatMonotone = zip(r, r.dropFirst()).allSatisfy { $1.nonsat.mean >= $0.nonsat.mean }
            lastStep = last.step
            finalRatio = last.nonsat.mean / last.minimax.mean
        }

        /// Whole orders of magnitude in a ratio, rounded down: 3.2e6 → 6.
        static func orders(_ x: Double) -> Int { Int(log10(x).rounded(.down)) }

        /// The minimax curve in words.
        var minimax: String {
            "peak at step \(minimaxPeakStep), then \(Self.orders(minimaxFall)) orders down"
        }

        /// The non-saturating curve in words.
        var nonsat: String {
            (nonsatMonotone ? "grows steadily, " : "grows ") + "\(Self.f(nonsatRise))×"
        }

        /// The two gradients at the last step.
        var ratio: String {
            "at step \(lastStep) the non-saturating gradient is \(Self.scientific(finalRatio)) times the minimax one"
        }

        /// Two significant digits, or a whole number from 10 on.
        static func f(_ x: Double) -> String { String(cFormat: x < 10 ? "%.2g" : "%.0f", x) }

        /// 10^k for a ratio ≥ 1000 (rounded to the nearest order), else ``f(_:)``.
        static func scientific(_ x: Double) -> String {
            x < 1000 ? f(x) : "$10^{\(Int(log10(x).rounded()))}$"
        }
    }

    /// The trainings of the mode-collapse figure, computed once per process: the non-saturating
    /// baseline and the two remedies (minimax, which does not collapse in this setting, is in the
    /// table of docs/mode-collapse.md; three rows fit a slide, four do not).
    static let ringTrainings: [RingComparison.Training] = RingComparison(objectives: [.nonsat, .wgangp, .r1]).run()

    /// The samples drawn per panel of ``modeCollapse(theme:trainings:)``: the first 1000 of the
    /// 2500 each snapshot measures (more would hide the modes under ink).
    static let drawnSamples = 1000

    /// Rows: objectives; columns: training steps; each panel the generator's samples over the
    /// data's modes, titled with the modes covered and the share of samples within 3σ of a mode
    /// (measured on the snapshot's samples).
    public static func modeCollapse(theme: Theme, trainings given: [RingComparison.Training]? = nil) -> Figure {
        let trainings = given ?? ringTrainings
        guard let data = trainings.first?.model.data else {
            return Figure(title: "Mode collapse: no objective trained", panels: [], theme: theme)
        }
        let reach = ringReach(data, trainings.flatMap(\.figureSnapshots))
        var panels: [Panel] = []
        for training in trainings {
            for (column, snap) in training.figureSnapshots.enumerated() {
                panels.append(ringPanel(snap, data: data, reach: reach, theme: theme,
                                        label: column == 0 ? training.model.objective.rawValue : nil))
            }
        }
        let columns = max(1, trainings.first?.figureSnapshots.count ?? 1)
        var figure = Figure(width: 1.75 * Double(columns), height: 0.75 + 1.55 * Double(trainings.count),
                            title: "Mode collapse on \(Self.countWord(data.centers.count)) Gaussians (grey). Panels, step: modes covered, samples within 3σ",
                            panels: panels, columns: columns, sharesX: true, theme: theme)
        figure.axesAspect = 1  // the ring round at any page size
        return figure
    }

    /// One view for every panel: the modes with a margin, widened to the drawn samples (up to
    /// twice the modes' reach), so that no panel hides a sample.
    static func ringReach(_ data: RingData, _ snapshots: [RingGAN.Snapshot]) -> Double {
        let modesReach = data.centers.map { max(abs($0.x), abs($0.y)) }.max()!
        let samplesReach = snapshots.map { snap in
            snap.samples.prefix(2 * drawnSamples).map { abs(Double($0)) }.max() ?? 0
        }.max() ?? 0
        return min(max(modesReach * 1.25, samplesReach * 1.02), 2 * modesReach)
    }

    /// One snapshot: its first ``drawnSamples`` samples over the modes' centres, titled
    /// "step: modes covered/modes, share within 3σ".
    static func ringPanel(_ snap: RingGAN.Snapshot, data: RingData, reach: Double, theme: Theme, label: String?) -> Panel {
        let drawn = min(drawnSamples, snap.samples.count / 2)
        let xs = (0..<drawn).map { Double(snap.samples[2 * $0]) }, ys = (0..<drawn).map { Double(snap.samples[2 * $0 + 1]) }
        let marks: [Mark] = [
            .scatter(Scatter(label: "modes (centres)", x: data.centers.map(\.x), y: data.centers.map(\.y),
                             color: Color(hex: 0x999999), size: 6, hollow: true)),
            .scatter(Scatter(label: "generator samples", x: xs, y: ys, color: theme.palette[0], size: 1.2)),
        ]
        let c = snap.coverage
        return Panel(title: "\(snap.step): \(c.modesCovered)/\(data.centers.count), \(Int((c.highQualityShare * 100).rounded()))%",
                     x: Axis(range: -reach...reach), y: Axis(label: label, range: -reach...reach), marks: marks, legend: .none)
    }

    /// "eight" for 8 and "25" for 25: the number of modes as the titles say it.
    static func countWord(_ n: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return n < words.count ? words[n] : String(n)
    }

    /// What the mode-collapse figure shows, in words measured on its trainings: each objective's
    /// modes and near-mode share at the last step, and for a generator whose samples form one blob
    /// that moves at every step shown (``BlobTrack``), that it hops.
    public static func modeCollapseSummary(_ given: [RingComparison.Training]? = nil) -> String {
        let trainings = given ?? ringTrainings
        guard let data = trainings.first?.model.data, let steps = trainings.first?.model.steps else { return "" }
        let parts = trainings.map { t -> String in
            let c = t.snapshots.last?.coverage ?? data.coverage(of: [])
            let hops = BlobTrack(t.figureSnapshots).hopsEveryStep ? " (one blob, moving at every step shown)" : ""
            return "\(t.model.objective.title)\(hops) \(c.modesCovered)/\(data.centers.count), \(Int((c.highQualityShare * 100).rounded()))%"
        }
        let count = Self.countWord(data.centers.count)
        return "\(count.prefix(1).uppercased() + count.dropFirst()) Gaussians (σ = \(data.sigma)), every objective with the same networks and Adam rates; modes covered and samples within 3σ of a mode at step \(steps): "
            + parts.joined(separator: "; ") + "."
    }
}

/// The generator's samples at each snapshot as one blob or not: their centroid, and their root
/// mean square distance from it.
struct BlobTrack {
    var centroids: [(x: Double, y: Double)]
    var spreads: [Double]

    init(_ snapshots: [RingGAN.Snapshot]) {
        centroids = []; spreads = []
        for snap in snapshots {
            let n = Double(snap.samples.count / 2)
            var (sx, sy) = (0.0, 0.0)
            for k in 0..<(snap.samples.count / 2) { sx += Double(snap.samples[2 * k]); sy += Double(snap.samples[2 * k + 1]) }
            let c = (x: sx / n, y: sy / n)
            var ss = 0.0
            for k in 0..<(snap.samples.count / 2) {
                let (dx, dy) = (Double(snap.samples[2 * k]) - c.x, Double(snap.samples[2 * k + 1]) - c.y)
                ss += dx * dx + dy * dy
            }
            centroids.append(c); spreads.append((ss / n).squareRoot())
        }
    }

    /// One blob (spread below 1, half the ring's radius; samples spread round the ring have 2) at
    /// every snapshot, its centroid moving by more than 1 between consecutive ones.
    var hopsEveryStep: Bool {
        guard centroids.count >= 2, spreads.allSatisfy({ $0 < 1 }) else { return false }
        return zip(centroids, centroids.dropFirst()).allSatisfy { a, b in
            ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() > 1
        }
    }
}

